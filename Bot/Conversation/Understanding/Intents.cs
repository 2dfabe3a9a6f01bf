namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The intent names of the understanding stage: the labels of the corpus, the classifier's classes and the
/// <c>understand</c> verb's output. A contract: the held-out evaluation uses exactly these.
/// </summary>
public static class Intents
{
    public const string Help = "help";
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string MyTasks = "my_tasks";
    public const string DueSoon = "due_soon";
    public const string Overdue = "overdue";
    public const string TaskDetail = "task_detail";
    public const string ReportProgress = "report_progress";
    public const string WriteOff = "write_off";
    public const string Extend = "extend";
    public const string Pending = "pending";
    public const string Decide = "decide";
    public const string Summary = "summary";
    public const string Urge = "urge";
    public const string Export = "export";
    public const string Report = "report";
    public const string Cancel = "cancel";
    public const string Confirm = "confirm";
    public const string Decline = "decline";
    public const string Withdraw = "withdraw";
    public const string Unknown = "unknown";

    /// <summary>回头看 is understood by its words only (it is not one of the classifier's classes).</summary>
    public const string FollowUp = "follow_up";

    public static readonly IReadOnlyList<string> All =
    [
        Help, Greeting, Thanks, MyTasks, DueSoon, Overdue, TaskDetail, ReportProgress, WriteOff, Extend, Pending, Decide,
        Summary, Urge, Export, Report, Cancel, Confirm, Decline, Withdraw, Unknown,
    ];
}
