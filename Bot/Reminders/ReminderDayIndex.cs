using Rectification.Data.Ledger;

namespace Rectification.Bot.Reminders;

/// <summary>
/// Everything one slot day holds, for everyone at once: one pass over the tasks files each item under the officers,
/// departments and admins it concerns, so that a person's digest is a look-up and planning is linear in tasks plus
/// people. Built per (local date, zone), since the slot's start instant decides the ledger day the counts use.
/// <para>
/// A new kind of digest adds its rule to <see cref="Build"/> (officer kinds in <see cref="OfficerKinds"/>), filing
/// its items under whoever receives them.
/// </para>
/// </summary>
internal sealed class ReminderDayIndex
{
    private static readonly IReadOnlyList<(ReminderKind Kind, int Order, ReminderItem Item)> NoEntries = [];

    private readonly Dictionary<long, List<(ReminderKind Kind, int Order, ReminderItem Item)>> _byOfficer = [];
    private readonly Dictionary<long, List<(int Order, ReminderItem Item)>> _yellowByDepartment = [];
    private readonly List<ReminderItem> _red = [];

    private ReminderDayIndex(DateOnly date, DateTimeOffset start)
    {
        Date = date;
        Start = start;
    }

    public DateOnly Date { get; }

    /// <summary>When the slot opens: the send time on <see cref="Date"/> in the zone.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Files every remindable task of <paramref name="ordered"/> (already in digest order: due date, then code).</summary>
    public static ReminderDayIndex Build(IReadOnlyList<ReminderTask> ordered, DateOnly date, DateTimeOffset start, ReminderRules rules)
    {
        var index = new ReminderDayIndex(date, start);
        var today = rules.Ledger.Today(start);
        var day = new DayFacts(today, rules);
        var progressDays = new LocalDates(rules.Ledger.TimeZone);
        var kinds = new List<ReminderKind>(2);
        for (var order = 0; order < ordered.Count; order++)
        {
            var task = ordered[order];
            var ongoing = task.IsOngoing || task.Status == RectificationStatus.Ongoing;
            if (!ongoing && !task.Status.IsOpen())
            {
                continue;
            }
            var daysUntilDue = !ongoing && task.DueDate is { } due ? due.DayNumber - today.DayNumber : (int?)null;
            var workingDaysOverdue = daysUntilDue < 0 ? rules.Calendar.WorkingDaysBetween(task.DueDate!.Value, today) : 0;
            var progressDay = task.LastProgressAt is { } at ? progressDays.Of(at) : (DateOnly?)null;
            var item = new ReminderItem(task.Id, task.Code, task.Measure, task.DueDate, daysUntilDue, workingDaysOverdue,
                progressDay is { } p ? today.DayNumber - p.DayNumber : null);

            kinds.Clear();
            OfficerKinds(task, ongoing, daysUntilDue, workingDaysOverdue, progressDay, day, kinds);
            if (kinds.Count > 0)
            {
                for (var o = 0; o < task.OfficerIds.Count; o++)
                {
                    var officer = task.OfficerIds[o];
                    if (IndexOf(task.OfficerIds, officer) < o)
                    {
                        continue;
                    }
                    if (!index._byOfficer.TryGetValue(officer, out var entries))
                    {
                        entries = [];
                        index._byOfficer[officer] = entries;
                    }
                    foreach (var kind in kinds)
                    {
                        entries.Add((kind, order, item));
                    }
                }
            }
            if (workingDaysOverdue >= rules.Options.LeaderAfterWorkingDays && task.LeadDepartmentId is { } department)
            {
                if (!index._yellowByDepartment.TryGetValue(department, out var yellow))
                {
                    yellow = [];
                    index._yellowByDepartment[department] = yellow;
                }
                yellow.Add((order, item));
            }
            if (workingDaysOverdue >= rules.Options.AdminsAfterWorkingDays)
            {
                index._red.Add(item);
            }
        }
        return index;
    }

    private static int IndexOf(IReadOnlyList<long> list, long value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The kinds an officer of <paramref name="task"/> gets on the day.</summary>
    private static void OfficerKinds(ReminderTask task, bool ongoing, int? daysUntilDue, int workingDaysOverdue, DateOnly? progressDay, DayFacts day,
        List<ReminderKind> kinds)
    {
        if (ongoing)
        {
            if (day.IsCheckInDay)
            {
                kinds.Add(ReminderKind.OngoingCheckIn);
            }
        }
        else if (daysUntilDue is { } days && days < 0)
        {
            if ((day.Rules.Options.OverdueEveryWorkingDay || workingDaysOverdue == 1) && day.IsWorkingDay)
            {
                kinds.Add(ReminderKind.Overdue);
            }
        }
        else
        {
            if (task.DueDate is { } dueDate && day.IsBeforeDeadlineDay(dueDate))
            {
                kinds.Add(daysUntilDue == 0 ? ReminderKind.DueToday : ReminderKind.DueSoon);
            }
            if (progressDay is { } since && day.Rules.IsStaleDay(since, day.Today))
            {
                kinds.Add(ReminderKind.Stale);
            }
        }
    }

    /// <summary>What depends only on the day, worked out once for all its tasks.</summary>
    private sealed class DayFacts
    {
        private readonly HashSet<int> _beforeDeadlineDueDays = [];

        public DayFacts(DateOnly today, ReminderRules rules)
        {
            Today = today;
            Rules = rules;
            IsWorkingDay = rules.Calendar.IsWorkingDay(today);
            IsCheckInDay = rules.IsCheckInDay(today);
            if (IsWorkingDay)
            {
                // An offset's day moves back to the previous working day, so today takes the offset days from today up
                // to (not including) the next working day: due dates offset + that range.
                var next = rules.Calendar.NextWorkingDay(today);
                foreach (var offset in rules.Options.EffectiveBeforeDeadlineDays)
                {
                    for (var d = today; d < next; d = d.AddDays(1))
                    {
                        _beforeDeadlineDueDays.Add(d.DayNumber + offset);
                    }
                }
            }
        }

        public DateOnly Today { get; }

        public ReminderRules Rules { get; }

        public bool IsWorkingDay { get; }

        public bool IsCheckInDay { get; }

        public bool IsBeforeDeadlineDay(DateOnly due) => _beforeDeadlineDueDays.Contains(due.DayNumber);
    }

    /// <summary>Local dates of instants in one zone; the zone's offset is looked up once per quarter hour of UTC, not per instant.</summary>
    private sealed class LocalDates(TimeZoneInfo zone)
    {
        private static readonly long Bucket = TimeSpan.FromMinutes(15).Ticks;
        private readonly Dictionary<long, TimeSpan> _offsets = [];

        public DateOnly Of(DateTimeOffset instant)
        {
            var key = instant.UtcTicks / Bucket;
            if (!_offsets.TryGetValue(key, out var offset))
            {
                offset = zone.GetUtcOffset(instant);
                _offsets[key] = offset;
            }
            return DateOnly.FromDateTime(instant.UtcDateTime + offset);
        }
    }

    /// <summary>The person's items of this day, kind by kind, each list in digest order; empty kinds left out.</summary>
    public Dictionary<ReminderKind, IReadOnlyList<ReminderItem>> ItemsFor(ReminderPerson person)
    {
        var result = new Dictionary<ReminderKind, IReadOnlyList<ReminderItem>>();
        foreach (var (kind, _, item) in _byOfficer.TryGetValue(person.Id, out var own) ? own : NoEntries)
        {
            if (!result.TryGetValue(kind, out var list))
            {
                list = new List<ReminderItem>();
                result[kind] = list;
            }
            ((List<ReminderItem>)list).Add(item);
        }
        List<(int Order, ReminderItem Item)>? yellow = null;
        foreach (var department in person.SupervisedDepartmentIds.Distinct())
        {
            if (_yellowByDepartment.TryGetValue(department, out var items))
            {
                (yellow ??= []).AddRange(items);
            }
        }
        if (yellow is not null)
        {
            // Several departments' lists: back into the one digest order.
            result[ReminderKind.LeaderYellow] = [.. yellow.OrderBy(y => y.Order).Select(y => y.Item)];
        }
        if (person.IsAdmin && _red.Count > 0)
        {
            result[ReminderKind.AdminRed] = _red;
        }
        return result;
    }

    /// <summary>Whether the person has anything at all this day, and of which kinds (for the admins' list of people the bot cannot reach).</summary>
    public IReadOnlyList<ReminderKind> KindsFor(ReminderPerson person)
    {
        var kinds = new SortedSet<ReminderKind>();
        if (_byOfficer.TryGetValue(person.Id, out var own))
        {
            foreach (var entry in own)
            {
                kinds.Add(entry.Kind);
            }
        }
        if (person.SupervisedDepartmentIds.Any(_yellowByDepartment.ContainsKey))
        {
            kinds.Add(ReminderKind.LeaderYellow);
        }
        if (person.IsAdmin && _red.Count > 0)
        {
            kinds.Add(ReminderKind.AdminRed);
        }
        return [.. kinds];
    }
}

/// <summary>The policy's date rules, shared by every day index of a plan.</summary>
internal sealed class ReminderRules(ReminderOptions options, WorkingDayCalendar calendar, LedgerCalendar ledger)
{
    public ReminderOptions Options { get; } = options;

    public WorkingDayCalendar Calendar { get; } = calendar;

    public LedgerCalendar Ledger { get; } = ledger;

    /// <summary>
    /// Whether a stale threshold (every StaleAfterDays after the last progress) moves forward onto today. The
    /// thresholds that land on today are those after the previous working day and up to today, so only the first
    /// threshold past the previous working day needs checking: O(1), however old the progress.
    /// </summary>
    public bool IsStaleDay(DateOnly lastProgress, DateOnly today)
    {
        if (!Calendar.IsWorkingDay(today))
        {
            return false;
        }
        var every = Options.StaleAfterDays;
        var previous = Calendar.PreviousWorkingDay(today).DayNumber;
        var steps = Math.Max(1, (previous - lastProgress.DayNumber) / every + 1);
        var threshold = lastProgress.DayNumber + steps * every;
        return threshold > previous && threshold <= today.DayNumber;
    }

    public bool IsCheckInDay(DateOnly today)
    {
        // This month's check-in day, or last month's if holidays pushed it into this month.
        var thisMonth = new DateOnly(today.Year, today.Month, Options.OngoingCheckInDayOfMonth);
        return Calendar.WorkingDayOnOrAfter(thisMonth) == today
            || Calendar.WorkingDayOnOrAfter(thisMonth.AddMonths(-1)) == today;
    }
}
