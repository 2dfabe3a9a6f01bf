using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation;

/// <summary>What a chat message asks for. A closed set: the private constructor keeps it to the records below.</summary>
public abstract record ChatCommand
{
    private ChatCommand()
    {
    }

    public sealed record Help : ChatCommand;

    public sealed record MyTasks : ChatCommand;

    public sealed record DueSoon : ChatCommand;

    /// <summary>Filter: the department or aspect words typed after the keyword, as the user wrote them.</summary>
    public sealed record Overdue(string? Filter) : ChatCommand;

    public sealed record TaskDetail(string Code) : ChatCommand;

    /// <summary>任务 / details with no code (what Teams' command menu sends): offer the person's tasks to pick from.</summary>
    public sealed record PickTask : ChatCommand;

    /// <summary>
    /// All members null means "I want to report progress", and the flow asks for the rest. Status is only
    /// ever Done or InProgress. Percent is within 0-100 (out of range becomes InvalidInput).
    /// </summary>
    public sealed record ReportProgress(string? Code, int? Percent, RectificationStatus? Status, string? Note) : ChatCommand;

    public sealed record RequestWriteOff(string? Code, string? Evidence) : ChatCommand;

    /// <summary>
    /// NewDate may be in the past: the flow checks that, the parser does not. A <see cref="Shift"/> (延期两周) counts from
    /// the task's deadline, which only the flow knows: it takes the place of NewDate there.
    /// </summary>
    public sealed record RequestExtension(string? Code, DateOnly? NewDate, string? Reason) : ChatCommand
    {
        public DeadlineShift? Shift { get; init; }
    }

    public sealed record Summary : ChatCommand;

    public sealed record Cancel : ChatCommand;

    public sealed record Confirm : ChatCommand;

    public sealed record Decline : ChatCommand;

    /// <summary>待审批 / pending: the requests waiting for this leader's or admin's decision.</summary>
    public sealed record Pending : ChatCommand;

    /// <summary>Small talk: 你好 / hello.</summary>
    public sealed record Greeting : ChatCommand;

    /// <summary>Small talk: 谢谢 / thanks.</summary>
    public sealed record Thanks : ChatCommand;

    /// <summary>Small talk: 再见 / bye.</summary>
    public sealed record Goodbye : ChatCommand;

    /// <summary>
    /// 催办: a leader or admin chases a task (Code) or a person (Person: the ledger name as the ledger spells it).
    /// Either or both may be given; neither means "whom?".
    /// </summary>
    public sealed record Urge(string? Code, string? Person) : ChatCommand;

    /// <summary>撤回 / undo: take back the sender's own last progress update (within the allowed window).</summary>
    public sealed record Withdraw : ChatCommand;

    /// <summary>
    /// A typed decision on a pending request: 同意1-2-3销号, 驳回1-2-3，佐证材料不足, approve the extension of 2-1-1.
    /// Target says which kind of request when the words tell it (null: whichever waits on that task).
    /// </summary>
    public sealed record Decide(string? Code, bool Approve, DecisionTarget? Target, string? Reason) : ChatCommand;

    /// <summary>导出台账 / export the ledger (the person's scope).</summary>
    public sealed record ExportLedger : ChatCommand;

    /// <summary>生成通报 / draft the report, optionally as the ledger stood on a date.</summary>
    public sealed record DraftReport(DateOnly? AsOf) : ChatCommand;

    /// <summary>导出人员名单 / export the roster.</summary>
    public sealed record ExportRoster : ChatCommand;

    /// <summary>回头看 / follow-up: the re-checks of written-off items that are due.</summary>
    public sealed record FollowUp : ChatCommand;

    /// <summary>继续 / continue: resume the flow that an interruption left open. Never a note.</summary>
    public sealed record Continue : ChatCommand;

    /// <summary>
    /// The understanding stage was not sure: the two or three likeliest readings, best first, offered as buttons
    /// (never a dead end). Text is the message as the user wrote it.
    /// </summary>
    public sealed record Unclear(string Text, IReadOnlyList<Suggestion> Suggestions) : ChatCommand;

    /// <summary>Anything else, cleaned but with the user's wording and case (a flow may take it as an answer).</summary>
    public sealed record Unknown(string Text) : ChatCommand;

    /// <summary>Reason is one of <see cref="InvalidInputReason"/>; Detail is the offending fragment, if any.</summary>
    public sealed record InvalidInput(string Reason, string? Detail = null) : ChatCommand;
}

/// <summary>Codes, not texts: the replies in Texts/ turn them into words.</summary>
public static class InvalidInputReason
{
    public const string Empty = "empty";

    public const string TooLong = "too_long";

    /// <summary>A percent below 0 or above 100; never clamped.</summary>
    public const string PercentOutOfRange = "percent_out_of_range";

    /// <summary>A percent with decimals (80.5%); never rounded.</summary>
    public const string PercentNotWhole = "percent_not_whole";

    /// <summary>A date that does not parse or does not exist (2月30日).</summary>
    public const string BadDate = "bad_date";
}

public enum DecisionTarget
{
    WriteOff,
    Extension,
}

/// <summary>One reading offered when the bot is unsure: an intent name (see <c>Intents</c>) and the task code it would act on.</summary>
public sealed record Suggestion(string Intent, string? Code = null);
