using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rectification.Bot.Reminders;

public enum CalendarDayKind
{
    /// <summary>A public holiday (or a day of its bridged break): no work, no reminders.</summary>
    Holiday,
    /// <summary>调休: a Saturday or Sunday that is a working day.</summary>
    Workday,
}

public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// Which days are working days: Monday to Friday, minus the holidays of the holiday file, plus its make-up
/// working days (调休). The file is the admin's to maintain, one JSON array of entries, each
/// <c>{ "date": "2026-10-01", "kind": "holiday" | "workday", "name": "国庆节" }</c>; comments and trailing commas
/// are tolerated. A "workday" entry must fall on a weekend (a weekday is already one, so it is a typo), a date may
/// appear once. A year with no entries is treated as plain Monday-to-Friday. See docs/holidays.md.
/// </summary>
public sealed class WorkingDayCalendar
{
    // A run of non-working days longer than this means the file is broken, not that nobody ever works.
    private const int MaxNonWorkingRun = 60;

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Prefix counts over these years make WorkingDaysBetween O(1); dates outside them are counted day by day.
    private static readonly DateOnly PrefixStart = new(2000, 1, 1);
    private static readonly DateOnly PrefixEnd = new(2100, 12, 31);

    private readonly Dictionary<DateOnly, CalendarEntry> _entries;

    /// <summary>_workingDaysUpTo[i]: working days from PrefixStart up to and including PrefixStart + i days.</summary>
    private readonly int[] _workingDaysUpTo;

    public WorkingDayCalendar(IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [];
        foreach (var entry in entries)
        {
            if (entry.Kind == CalendarDayKind.Workday && !IsWeekend(entry.Date))
            {
                throw new InvalidDataException($"{entry.Date:yyyy-MM-dd} ({entry.Name}) is marked \"workday\" but is not a Saturday or Sunday.");
            }
            if (!_entries.TryAdd(entry.Date, entry))
            {
                throw new InvalidDataException($"{entry.Date:yyyy-MM-dd} appears more than once.");
            }
        }
        _workingDaysUpTo = new int[PrefixEnd.DayNumber - PrefixStart.DayNumber + 1];
        var count = 0;
        for (var i = 0; i < _workingDaysUpTo.Length; i++)
        {
            if (IsWorkingDay(PrefixStart.AddDays(i)))
            {
                count++;
            }
            _workingDaysUpTo[i] = count;
        }
    }

    /// <summary>Saturdays and Sundays off, no holidays: for tests and for a deployment without a holiday file.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<CalendarEntry> Entries => _entries.Values;

    public static WorkingDayCalendar Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Holiday file {path}: {e.Message}", e);
        }
    }

    public static WorkingDayCalendar Parse(string json)
    {
        List<FileEntry>? rows;
        try
        {
            rows = JsonSerializer.Deserialize<List<FileEntry>>(json, FileOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a JSON array of {{ date, kind, name }} entries ({e.Message}).", e);
        }
        if (rows is null)
        {
            throw new InvalidDataException("expected a JSON array of { date, kind, name } entries, found null.");
        }
        var entries = new List<CalendarEntry>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Date is not { } date)
            {
                throw new InvalidDataException($"entry {i + 1} has no date (write it as \"yyyy-MM-dd\").");
            }
            var kind = row.Kind?.Trim().ToLowerInvariant() switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "workday" => CalendarDayKind.Workday,
                _ => throw new InvalidDataException($"entry {i + 1} ({date:yyyy-MM-dd}) has kind \"{row.Kind}\"; expected \"holiday\" or \"workday\"."),
            };
            entries.Add(new CalendarEntry(date, kind, row.Name?.Trim() ?? ""));
        }
        return new WorkingDayCalendar(entries);
    }

    /// <summary>Whether the file says anything about this year; a missing year deserves a warning at start-up.</summary>
    public bool HasEntriesFor(int year) => _entries.Keys.Any(d => d.Year == year);

    /// <summary>
    /// The years whose arrangement the file holds. A year's own days count, not the New Year days the next year's notice
    /// may begin in its last week (the 2023 notice starts on 2022-12-31): so days from 25 December on do not cover a year.
    /// </summary>
    public IReadOnlyList<int> CoveredYears() =>
        _entries.Keys.Where(d => d < new DateOnly(d.Year, 12, 25)).Select(d => d.Year).Distinct().Order().ToList();

    public bool Covers(int year) => _entries.Keys.Any(d => d.Year == year && d < new DateOnly(year, 12, 25));

    /// <summary>
    /// The years the reminders work in without knowing their holidays: this year when missing, and from 1 December the next
    /// one too (the State Council publishes it in the autumn; by December it should be in the file).
    /// </summary>
    public IReadOnlyList<int> MissingYears(DateOnly today)
    {
        var years = today.Month == 12 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        return years.Where(y => !Covers(y)).ToList();
    }

    public bool IsWorkingDay(DateOnly date) => _entries.TryGetValue(date, out var entry)
        ? entry.Kind == CalendarDayKind.Workday
        : !IsWeekend(date);

    /// <summary>Working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>; 0 when to ≤ from.
    /// For a due date and today this is how many working days the item has been overdue, today included.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }
        if (from >= PrefixStart && to <= PrefixEnd)
        {
            return _workingDaysUpTo[to.DayNumber - PrefixStart.DayNumber] - _workingDaysUpTo[from.DayNumber - PrefixStart.DayNumber];
        }
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The last working day strictly before <paramref name="date"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly date) => Step(date, -1);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => Step(date, 1);

    public DateOnly WorkingDayOnOrBefore(DateOnly date) => IsWorkingDay(date) ? date : PreviousWorkingDay(date);

    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    private DateOnly Step(DateOnly date, int direction)
    {
        var day = date;
        for (var i = 0; i < MaxNonWorkingRun; i++)
        {
            day = day.AddDays(direction);
            if (IsWorkingDay(day))
            {
                return day;
            }
        }
        throw new InvalidOperationException($"No working day within {MaxNonWorkingRun} days of {date:yyyy-MM-dd}; check the holiday file.");
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private sealed record FileEntry(
        [property: JsonPropertyName("date")] DateOnly? Date,
        [property: JsonPropertyName("kind")] string? Kind,
        [property: JsonPropertyName("name")] string? Name);
}
