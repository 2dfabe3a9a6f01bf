namespace Rectification.Data.Ledger;

public sealed record Inspection(
    long Id,
    string Title,
    string? InspectedUnit,
    string? InspectionGroup,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    DateOnly? FeedbackDate);

/// <summary>A task as lists show it.</summary>
public sealed record TaskSummary(
    long Id,
    string Code,
    string Measure,
    string Aspect,
    string Problem,
    RectificationStatus Status,
    int Percent,
    TimeLimit TimeLimit,
    string TimeLimitText,
    string? LeadDepartment,
    string? Leader,
    string Officers,
    DateTimeOffset? LastProgressAt,
    long Version)
{
    public DateOnly? DueDate => TimeLimit.Date;

    public bool IsOverdue(DateOnly today) => Status.IsOpen() && DueDate is { } due && due < today;

    public int DaysOverdue(DateOnly today) => Status.IsOpen() ? LedgerCalendar.DaysOverdue(DueDate, today) : 0;
}

public sealed record ProgressUpdate(
    long Id,
    long TaskId,
    long? PersonId,
    string? PersonName,
    DateTimeOffset At,
    int Percent,
    RectificationStatus Status,
    string? Note,
    string Source);

public enum RequestState
{
    Pending,
    Approved,
    Rejected,
}

public sealed record ExtensionRequest(
    long Id,
    long TaskId,
    long? RequestedBy,
    DateTimeOffset RequestedAt,
    DateOnly? FromDate,
    DateOnly ToDate,
    string Reason,
    RequestState State,
    long? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote);

public sealed record WriteOffRequest(
    long Id,
    long TaskId,
    long? RequestedBy,
    DateTimeOffset RequestedAt,
    string Evidence,
    RequestState State,
    long? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote);

public sealed record PersonRef(long Id, string Name);

/// <summary>One task with everything that happened to it.</summary>
public sealed record TaskDetail(
    TaskSummary Task,
    long InspectionId,
    DateOnly? OriginalDueDate,
    int ExtensionCount,
    string? ProgressNote,
    IReadOnlyList<PersonRef> OfficerList,
    IReadOnlyList<string> CoDepartments,
    IReadOnlyList<ProgressUpdate> Progress,
    IReadOnlyList<ExtensionRequest> Extensions,
    IReadOnlyList<WriteOffRequest> WriteOffs,
    long? LeadDepartmentId,
    long? LeaderId);

public sealed record AspectFigures(
    long AspectId,
    int Ordinal,
    string Aspect,
    int Total,
    int WrittenOff,
    int Done,
    int InProgress,
    int NotStarted,
    int Ongoing,
    int Overdue)
{
    /// <summary>完成率 as the notice counts it: items written off over all items.</summary>
    public double CompletionRate => Total == 0 ? 0 : (double)WrittenOff / Total;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take)
{
    public bool HasMore => Skip + Items.Count < Total;
}

public static class RequestStates
{
    public static string ToCode(this RequestState state) => state switch
    {
        RequestState.Pending => "pending",
        RequestState.Approved => "approved",
        _ => "rejected",
    };

    public static RequestState FromCode(string code) => code switch
    {
        "pending" => RequestState.Pending,
        "approved" => RequestState.Approved,
        "rejected" => RequestState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown request state."),
    };
}

public sealed record NamedId(long Id, string Name);

public enum PendingKind
{
    WriteOff,
    Extension,
}

public sealed record PendingRequest(PendingKind Kind, long Id, long TaskId, string Requester, DateTimeOffset RequestedAt, string Detail, DateOnly? ToDate);
