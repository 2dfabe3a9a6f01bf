namespace Rectification.Data.Ledger;

/// <summary>
/// Turns "now" into the ledger's day. A deadline ends at the end of its day in the ledger's time zone,
/// so an item is overdue exactly when its due date is before today there. Never stored: always derived.
/// </summary>
public sealed class LedgerCalendar(TimeZoneInfo timeZone)
{
    public static readonly LedgerCalendar ChinaStandardTime = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);

    public static int DaysOverdue(DateOnly? dueDate, DateOnly today) =>
        dueDate is { } due && due < today ? today.DayNumber - due.DayNumber : 0;

    /// <summary>The instant the deadline passes: the start of the following day in the ledger's zone.</summary>
    public DateTimeOffset DeadlineEnds(DateOnly dueDate)
    {
        var local = dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
