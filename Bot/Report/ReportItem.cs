using Rectification.Data.Ledger;

namespace Rectification.Bot.Report;

/// <summary>
/// One measure as the report sees it on its date: the status, percent, latest note and deadline in force then, and the
/// 回头看 decisions made by then. Code is kept for the admin's tools, never printed in the 通报.
/// </summary>
public sealed record ReportItem(
    string Code,
    string Aspect,
    string Problem,
    string Measure,
    string? LeadDepartment,
    string? Leader,
    RectificationStatus Status,
    int Percent,
    string? Note,
    TimeLimitKind LimitKind,
    DateOnly? DueDate,
    DateOnly? WrittenOffOn,
    int Consolidated,
    int Relapses,
    string? RelapseReason)
{
    public bool IsOpen => Status.IsOpen();

    public bool IsOverdue(DateOnly asOf) => IsOpen && DueDate is { } due && due < asOf;

    public int DaysOverdue(DateOnly asOf) => IsOverdue(asOf) ? LedgerCalendar.DaysOverdue(DueDate, asOf) : 0;
}
