using Rectification.Bot.Cards;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

/// <summary>What the bot says in chat and on its cards.</summary>
public abstract partial class UiText
{
    public string MarkSymbol(TaskMark mark) => mark switch
    {
        TaskMark.Overdue => "🔴",
        TaskMark.DueSoon => "🟡",
        _ => "🟢",
    };

    public string DueText(TaskSummary task) => task.TimeLimit.Kind switch
    {
        TimeLimitKind.Ongoing => LongTerm,
        TimeLimitKind.Immediate => $"{Immediate}（{Date(task.DueDate!.Value)}）",
        _ => Date(task.DueDate!.Value),
    };

    // Formatting
    public abstract string Date(DateOnly date);
    public abstract string StatusName(RectificationStatus status);
    public abstract string LongTerm { get; }
    public abstract string Immediate { get; }
    public abstract string TaskLine(TaskSummary task, DateOnly today, TaskMark mark);
    public abstract string OwnersLine(TaskSummary task);
    public abstract string Deadline(TaskSummary task, DateOnly? originalDueDate, int extensionCount);
    public abstract IReadOnlyList<string> History(TaskDetail detail);
    public abstract string ListRange(int from, int to, int total);

    // Turn-level
    public abstract string Welcome(string? name);
    public abstract string NotRegistered(IReadOnlyList<string> admins);
    public abstract string SomethingWentWrong { get; }
    public abstract string AttachmentsUnsupported { get; }
    public abstract string Help(bool isLeader, bool isAdmin);
    public abstract string DidNotUnderstand { get; }
    public abstract string Invalid(string reason, string? detail);
    public abstract string NothingToCancel { get; }
    public abstract string NothingToConfirm { get; }
    public abstract string Cancelled { get; }

    // Lists
    public abstract string MyTasksTitle { get; }
    public abstract string OverdueTitle(string scope);
    public abstract string DueSoonTitle(int days, string scope);
    public abstract string ScopeMine { get; }
    public abstract string ScopeDepartments { get; }
    public abstract string ScopeAll { get; }
    public abstract string NoTasks { get; }
    public abstract string NoOwnTasks { get; }
    public abstract string NoOwnTasksLeader { get; }
    public abstract string NothingOverdue { get; }
    public abstract string NothingDueSoon(int days);
    public abstract string NotYourDepartment(string department);
    public abstract string AmbiguousFilter(string filter, IReadOnlyList<string> matches);
    public abstract string UnknownFilter(string filter);
    public abstract string ButtonMore(int remaining);
    public abstract string ButtonDetail { get; }
    public abstract string ButtonReport { get; }
    public abstract string ButtonWriteOff { get; }
    public abstract string ButtonExtend { get; }
    public abstract string TaskNotFound(string code);
    public abstract string NotYourTask(string code);
    public abstract string HistoryTitle { get; }
    public abstract string NoHistory { get; }
    public abstract string CoOperating { get; }

    // Summary
    public abstract string SummaryTitle(string scope, DateOnly today);
    public abstract string FigureTotal { get; }
    public abstract string FigureWrittenOff { get; }
    public abstract string FigureInProgress { get; }
    public abstract string FigureOngoing { get; }
    public abstract string FigureOverdue { get; }
    public abstract string FigureRate { get; }
    public abstract string SummaryTotals(int total, int writtenOff, int overdue);

    // Flows
    public abstract string AskWhichTask { get; }
    public abstract string AskWhichTaskOrForm { get; }
    public abstract string AskCodeNoTasks { get; }
    public abstract string ButtonPick(string code);
    public abstract string TypeCodeForOthers(int more);
    public abstract string NotACode(string text);
    public abstract string AskPercent(string code, string measure, int currentPercent);
    public abstract string NotAPercent(string text);
    public abstract string AskNote(string code);
    public abstract string ConfirmProgressTitle { get; }
    public abstract string ConfirmHint { get; }
    public abstract string ConfirmOrCancel { get; }
    public abstract string CardOutOfDate { get; }
    public abstract string ProgressFormTitle { get; }
    public abstract string NotePlaceholder { get; }
    public abstract string ButtonSubmit { get; }
    public abstract string ButtonConfirm { get; }
    public abstract string ButtonCancel { get; }
    public abstract string ProgressSaved(string code, int percent, bool done);
    public abstract string ProgressAlreadySaved(string code);
    public abstract string AlreadyWrittenOff(string code);
    public abstract string AskEvidence(string code, string measure);
    public abstract string AskNewDate(string code, DateOnly? due);
    public abstract string DateNotLater(DateOnly date, DateOnly? due, DateOnly today);
    public abstract string AskReason(string code);
    public abstract string OngoingHasNoDeadline(string code);
    public abstract string ChangeRefused(LedgerChangeResult result, string? code);

    // Fields
    public abstract string FieldTask { get; }
    public abstract string FieldPercent { get; }
    public abstract string FieldStatus { get; }
    public abstract string FieldNote { get; }
    public abstract string FieldAspect { get; }
    public abstract string FieldProblem { get; }
    public abstract string FieldLeader { get; }
    public abstract string FieldDepartment { get; }
    public abstract string FieldOfficers { get; }
    public abstract string FieldDeadline { get; }
    public abstract string FieldRequester { get; }
    public abstract string FieldEvidence { get; }
    public abstract string FieldReason { get; }

    // Approvals
    public abstract string WriteOffRequested(string code, IReadOnlyList<string> approvers);
    public abstract string ExtensionRequested(string code, DateOnly date, IReadOnlyList<string> approvers);
    public abstract string WriteOffApprovalTitle(string code);
    public abstract string ExtensionApprovalTitle(string code);
    public abstract string RejectReasonPlaceholder { get; }
    public abstract string ButtonApprove { get; }
    public abstract string ButtonReject { get; }
    public abstract string RejectNeedsReason { get; }
    public abstract string DecidedApproved(string decider);
    public abstract string DecidedRejected(string decider, string? note);
    public abstract string WriteOffApproved(string code);
    public abstract string WriteOffRejected(string code, string reason);
    public abstract string ExtensionApproved(string code, DateOnly due);
    public abstract string ExtensionRejected(string code, string reason);
    public abstract string DecisionForRequester(string decider, string outcome);
    public abstract string NotALeader { get; }
    public abstract string NothingPending { get; }
    public abstract string PendingCount(int count);
}
