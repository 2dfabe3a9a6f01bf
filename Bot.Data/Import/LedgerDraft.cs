using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>A whole ledger as read from a sheet (or built for the demo), before anything is written.</summary>
public sealed record LedgerDraft(InspectionDraft Inspection, IReadOnlyList<TaskDraft> Tasks);

public sealed record InspectionDraft(
    string Title,
    string? InspectedUnit = null,
    string? InspectionGroup = null,
    DateOnly? PeriodStart = null,
    DateOnly? PeriodEnd = null,
    DateOnly? FeedbackDate = null);

/// <summary>
/// One measure (整改措施) row. <see cref="TimeLimit"/> of kind Immediate may come without a date: the writer
/// then dates it from the inspection's feedback, or the day of import.
/// </summary>
public sealed record TaskDraft(
    int Row,
    string Code,
    string Aspect,
    string Problem,
    string Measure,
    string? Leader,
    string? LeadDepartment,
    IReadOnlyList<string> CoDepartments,
    IReadOnlyList<string> Officers,
    TimeLimit TimeLimit,
    string TimeLimitText,
    RectificationStatus? Status = null,
    int? Percent = null,
    string? Progress = null);

/// <summary>One problem with one cell of one row. Codes are stable; the bot words them per language.</summary>
public sealed record ImportError(int Row, string? Column, string Code, string? Value = null);

public sealed record ImportReadResult(LedgerDraft? Draft, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Draft is not null && Errors.Count == 0;
}
