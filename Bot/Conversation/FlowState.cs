namespace Rectification.Bot.Conversation;

public enum FlowKind
{
    Progress,
    WriteOff,
    Extension,
}

public enum FlowStep
{
    Code,
    Percent,
    Note,
    Confirm,
    Evidence,
    Date,
    Reason,
}

/// <summary>
/// A conversation flow in progress, kept in the bot's per-user conversation state between turns (and so across
/// restarts). A plain class with setters: it round-trips through the state store's JSON.
/// </summary>
public sealed class FlowState
{
    public FlowKind Kind { get; set; }

    public FlowStep Step { get; set; }

    /// <summary>Identifies this flow instance; the idempotency key of what it saves, so a retried turn saves once.</summary>
    public string FlowId { get; set; } = "";

    public string? Code { get; set; }

    public int? Percent { get; set; }

    public bool Done { get; set; }

    public string? Note { get; set; }

    public DateOnly? NewDate { get; set; }

    /// <summary>The language the flow started in: "80%" or a card press carries none, and must not switch it.</summary>
    public string? Locale { get; set; }

    public FlowState Copy() => (FlowState)MemberwiseClone();
}
