using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>One incoming message, already tied to a ledger person. Free of Bot Framework types.</summary>
public sealed record ChatRequest(
    Person Person,
    string? Text,
    CardSubmit? Submit,
    string? ReplyToId,
    string? Locale,
    DateTimeOffset Now,
    IReadOnlyList<ReceivedFile>? Files = null);

/// <summary>A file that came with the message and passed the checks: stored as evidence, not yet tied to a task.</summary>
public sealed record ReceivedFile(long EvidenceId, string Name);

/// <summary>The data of an Adaptive Card Action.Submit: an action name and string fields (inputs included).</summary>
public sealed record CardSubmit(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

public sealed record ChatResponse(
    IReadOnlyList<Reply> Replies,
    FlowState? NextState,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<CardUpdate> CardUpdates)
{
    public static ChatResponse Say(FlowState? next, params Reply[] replies) => new(replies, next, [], []);
}
