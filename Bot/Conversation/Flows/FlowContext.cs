using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation.Flows;

public enum TaskAccess
{
    NoCode,
    Ok,
    NotFound,
    Forbidden,
}

/// <summary>What a flow step may know of the world: the task its code points at (already looked up and
/// permission-checked), the user's open tasks to choose from, today, the user's language, and this turn's words as
/// typed (Said), for an answer that is only a status: 已经完成了 answering "what was done?" is the note after all.</summary>
public sealed record FlowContext(
    UiText T,
    DateOnly Today,
    TaskSummary? Task,
    TaskAccess Access,
    IReadOnlyList<TaskSummary> MyTasks,
    string? Said = null);

/// <summary>A ledger change a flow asks for once it has everything; the engine performs it.</summary>
public abstract record FlowEffect
{
    private FlowEffect()
    {
    }

    public sealed record SaveProgress(TaskSummary Task, int? Percent, bool Done, string? Note, string IdempotencyKey) : FlowEffect;

    public sealed record RequestWriteOff(TaskSummary Task, string Evidence) : FlowEffect;

    public sealed record RequestExtension(TaskSummary Task, DateOnly NewDate, string Reason) : FlowEffect;
}

public sealed record FlowResult(IReadOnlyList<Reply> Replies, FlowState? Next, FlowEffect? Effect = null)
{
    public static FlowResult Ask(FlowState next, params Reply[] replies) => new(replies, next);

    public static FlowResult End(params Reply[] replies) => new(replies, null);
}
