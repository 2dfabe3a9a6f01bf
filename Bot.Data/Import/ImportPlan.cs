using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// What the caller knows about where a draft came from. The chat upload binds its confirmation to <see cref="Sha256"/>;
/// the importer only carries it through.
/// </summary>
public sealed record ImportPlanOptions(string? SourceName = null, string? Sha256 = null);

/// <summary>How a row of the sheet relates to the ledger already stored.</summary>
public enum PlannedTaskKind
{
    /// <summary>No stored measure matches: a new task.</summary>
    New,
    /// <summary>Matched by content; some field differs.</summary>
    Updated,
    /// <summary>Matched by content under another code (a row inserted above, 序号 renumbered). Other changes may come with it.</summary>
    Renumbered,
    /// <summary>Matched and identical.</summary>
    Unchanged,
}

/// <summary>The stable names of the fields a plan reports as changed; the bot words them per language.</summary>
public static class ImportFields
{
    public const string Code = "code";
    public const string Aspect = "aspect";
    public const string Problem = "problem";
    public const string Measure = "measure";
    public const string Leader = "leader";
    public const string Department = "department";
    public const string CoDepartments = "co_departments";
    public const string Officers = "officers";
    public const string TimeLimit = "time_limit";
    public const string DueDate = "due_date";
    public const string Status = "status";
    public const string Percent = "percent";
    public const string Progress = "progress";

    // Inspection metadata.
    public const string InspectedUnit = "inspected_unit";
    public const string InspectionGroup = "inspection_group";
    public const string PeriodStart = "period_start";
    public const string PeriodEnd = "period_end";
    public const string FeedbackDate = "feedback_date";
}

/// <summary>One field of a task or inspection as stored (<see cref="Before"/>) and as the sheet has it (<see cref="After"/>).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// A deadline the sheet moves. It is written like an approved extension marked as coming from the import: the first
/// deadline is kept, the change is counted and audited.
/// </summary>
public sealed record DeadlineChange(DateOnly? From, DateOnly To);

/// <summary>
/// One row of the sheet and what applying the plan does with it. <see cref="TimeLimit"/>, <see cref="Status"/>,
/// <see cref="Percent"/> and <see cref="Note"/> are the values the task will have.
/// </summary>
public sealed record PlannedTask(
    TaskDraft Draft,
    long? TaskId,
    string? PreviousCode,
    TimeLimit TimeLimit,
    RectificationStatus Status,
    int Percent,
    string? Note,
    IReadOnlyList<FieldChange> Changes,
    DeadlineChange? Deadline,
    bool MatchedByContent)
{
    public string Code => Draft.Code;

    public PlannedTaskKind Kind => TaskId is null ? PlannedTaskKind.New
        : PreviousCode is not null ? PlannedTaskKind.Renumbered
        : Changes.Count > 0 ? PlannedTaskKind.Updated
        : PlannedTaskKind.Unchanged;
}

/// <summary>
/// A stored measure the sheet no longer has. It is kept with its history (nothing is deleted by a sheet); when its code
/// is taken by another row it moves to <see cref="NewCode"/>, and that is reported like any other change of code.
/// </summary>
public sealed record RemovedTask(long TaskId, string Code, string Measure, RectificationStatus Status, string? NewCode);

/// <summary>How many rows the sheet gives each status (after the kind of time limit is taken into account).</summary>
public sealed record StatusCounts(int Done, int InProgress, int NotStarted, int Ongoing, int WrittenOff);

/// <summary>
/// Everything an import would do, computed without writing: <see cref="ImportPlanner.ApplyAsync"/> writes exactly this,
/// or refuses when the ledger changed since. A plan with <see cref="Errors"/> cannot be applied.
/// </summary>
public sealed record ImportPlan(
    LedgerDraft Draft,
    ImportPlanOptions Options,
    long? InspectionId,
    InspectionDraft Inspection,
    IReadOnlyList<FieldChange> InspectionChanges,
    IReadOnlyList<PlannedTask> Tasks,
    IReadOnlyList<RemovedTask> Removed,
    IReadOnlyList<string> NewPeople,
    IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public IReadOnlyList<PlannedTask> New => Of(PlannedTaskKind.New);

    public IReadOnlyList<PlannedTask> Updated => Of(PlannedTaskKind.Updated);

    public IReadOnlyList<PlannedTask> Renumbered => Of(PlannedTaskKind.Renumbered);

    public IReadOnlyList<PlannedTask> Unchanged => Of(PlannedTaskKind.Unchanged);

    /// <summary>Deadlines the sheet moves on stored tasks: each becomes an extension marked "changed by import".</summary>
    public IReadOnlyList<PlannedTask> DeadlineChanges => Tasks.Where(t => t.Deadline is not null).ToList();

    /// <summary>Every change of code, renumbered rows and removed measures that give up their code alike.</summary>
    public IReadOnlyList<(string From, string To)> CodeChanges =>
        Tasks.Where(t => t.PreviousCode is not null).Select(t => (t.PreviousCode!, t.Code))
            .Concat(Removed.Where(r => r.NewCode is not null).Select(r => (r.Code, r.NewCode!))).ToList();

    public StatusCounts StatusCounts => new(
        Tasks.Count(t => t.Status == RectificationStatus.Done),
        Tasks.Count(t => t.Status == RectificationStatus.InProgress),
        Tasks.Count(t => t.Status == RectificationStatus.NotStarted),
        Tasks.Count(t => t.Status == RectificationStatus.Ongoing),
        Tasks.Count(t => t.Status == RectificationStatus.WrittenOff));

    /// <summary>Whether applying would write anything at all.</summary>
    public bool HasChanges => InspectionId is null || InspectionChanges.Count > 0 || NewPeople.Count > 0
        || Tasks.Any(t => t.Kind != PlannedTaskKind.Unchanged) || Removed.Any(r => r.NewCode is not null);

    private List<PlannedTask> Of(PlannedTaskKind kind) => Tasks.Where(t => t.Kind == kind).ToList();
}

/// <summary>What an applied plan wrote.</summary>
public sealed record ImportSummary(long InspectionId, int Created, int Updated, int Unchanged, int PeopleCreated)
{
    public int Renumbered { get; init; }

    public int Removed { get; init; }

    public int DeadlinesChanged { get; init; }

    public StatusCounts? Statuses { get; init; }
}

public sealed record ImportWriteResult(ImportSummary? Summary, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Summary is not null;
}
