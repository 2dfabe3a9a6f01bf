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
    /// <summary>A new report arrived before this one was saved: keep (save) it or drop it, then go on with <see cref="FlowState.Queued"/>.</summary>
    KeepOrDrop,
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

    /// <summary>An extension asked as a length (延期两周), in days and months, until the task's deadline is known.</summary>
    public int? ShiftDays { get; set; }

    public int? ShiftMonths { get; set; }

    /// <summary>The language the flow started in: "80%" or a card press carries none, and must not switch it.</summary>
    public string? Locale { get; set; }

    /// <summary>The flow that waits while the person decides whether to keep this one's unsaved draft.</summary>
    public FlowState? Queued { get; set; }

    /// <summary>
    /// No flow in progress: the state only remembers the task the person just looked at, so "80%" right after a
    /// task's detail reports on that task. False in every state written before this existed.
    /// </summary>
    public bool Idle { get; set; }

    public string? ViewedCode { get; set; }

    public DateTimeOffset? ViewedAt { get; set; }

    /// <summary>Something the person typed would be lost if this flow were dropped now.</summary>
    public bool HasUnsavedWords() => Kind switch
    {
        FlowKind.Progress => Percent is not null || Done,
        FlowKind.Extension => NewDate is not null || ShiftDays is not null || !string.IsNullOrWhiteSpace(Note),
        _ => !string.IsNullOrWhiteSpace(Note),
    };

    /// <summary>Keeps <paramref name="shift"/> for when the task's deadline is known (see <see cref="DeadlineShift"/>).</summary>
    public void Remember(DeadlineShift? shift)
    {
        ShiftDays = shift?.Days;
        ShiftMonths = shift?.Months;
    }

    /// <summary>The shift remembered, taken out: the new date is worked out from it once.</summary>
    public DeadlineShift? TakeShift()
    {
        var shift = ShiftDays is { } days ? new DeadlineShift(days, ShiftMonths ?? 0) : null;
        Remember(null);
        return shift;
    }

    public static FlowState Viewed(string code, DateTimeOffset at) => new() { Idle = true, ViewedCode = code, ViewedAt = at };

    public FlowState Copy() => (FlowState)MemberwiseClone();
}
