using System.ComponentModel.DataAnnotations;

namespace Rectification.Bot.Reminders;

/// <summary>Section <c>Reminders</c> of appsettings.json. Times of day are local to each person's zone.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string Section = "Reminders";

    private static readonly int[] DefaultBeforeDeadlineDays = [7, 3, 1, 0];

    public bool Enabled { get; set; } = true;

    /// <summary>When the day's digests open, e.g. "09:00".</summary>
    public TimeOnly SendTime { get; set; } = new(9, 0);

    /// <summary>
    /// Days before the deadline to remind the officers; 0 is the day itself. Null means 7, 3, 1, 0. (Null rather
    /// than a filled array because the configuration binder appends to an existing array instead of replacing it.)
    /// </summary>
    public int[]? BeforeDeadlineDays { get; set; }

    public IReadOnlyList<int> EffectiveBeforeDeadlineDays => BeforeDeadlineDays ?? DefaultBeforeDeadlineDays;

    /// <summary>True: the officers get the overdue digest every working day. False: only on the first working day overdue.</summary>
    public bool OverdueEveryWorkingDay { get; set; } = true;

    /// <summary>Yellow: the supervising leader hears of an item overdue this many working days.</summary>
    [Range(1, 250)]
    public int LeaderAfterWorkingDays { get; set; } = 3;

    /// <summary>Red: the ledger admins hear of an item overdue this many working days.</summary>
    [Range(1, 250)]
    public int AdminsAfterWorkingDays { get; set; } = 10;

    /// <summary>An open item with no progress for this many days gets a nudge, and again every as many days.</summary>
    [Range(1, 365)]
    public int StaleAfterDays { get; set; } = 14;

    /// <summary>Ongoing (长期坚持) items are checked in on the first working day on or after this day of each month.</summary>
    [Range(1, 28)]
    public int OngoingCheckInDayOfMonth { get; set; } = 1;

    /// <summary>No sends from this local time...</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(18, 0);

    /// <summary>...until this local time (the window may wrap midnight).</summary>
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 30);

    /// <summary>IANA zone of people without their own.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The holiday calendar, see docs/holidays.md; relative to the binary's folder.</summary>
    [Required]
    public string HolidayFile { get; set; } = "holidays.json";

    /// <summary>How often the scheduler asks the policy what is due.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsQuiet(TimeOnly localTime) => QuietHoursStart <= QuietHoursEnd
        ? localTime >= QuietHoursStart && localTime < QuietHoursEnd
        : localTime >= QuietHoursStart || localTime < QuietHoursEnd;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Reminders:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
        if (IsQuiet(SendTime))
        {
            yield return new ValidationResult(
                $"Reminders:SendTime {SendTime:HH\\:mm} falls in the quiet hours {QuietHoursStart:HH\\:mm}–{QuietHoursEnd:HH\\:mm}.",
                [nameof(SendTime)]);
        }
        if (BeforeDeadlineDays is { } days)
        {
            if (days.Any(d => d is < 0 or > 90))
            {
                yield return new ValidationResult("Reminders:BeforeDeadlineDays must be between 0 and 90.", [nameof(BeforeDeadlineDays)]);
            }
            if (days.Distinct().Count() != days.Length)
            {
                yield return new ValidationResult("Reminders:BeforeDeadlineDays lists a day twice.", [nameof(BeforeDeadlineDays)]);
            }
        }
        if (AdminsAfterWorkingDays < LeaderAfterWorkingDays)
        {
            yield return new ValidationResult(
                "Reminders:AdminsAfterWorkingDays must not be less than LeaderAfterWorkingDays: red comes after yellow.",
                [nameof(AdminsAfterWorkingDays), nameof(LeaderAfterWorkingDays)]);
        }
    }
}
