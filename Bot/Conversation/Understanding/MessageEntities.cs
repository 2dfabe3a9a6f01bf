namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// What a message names, wherever in the sentence: a task code (normalised: 1-2-2, or 12 for #12 / 第12项), a percent
/// (0-100), whether it says the work is done, a date (a requested deadline), a ledger department and person (as the
/// ledger spells them), a decision, and a deadline shift (延期两周: the date then counts from the task's deadline, which
/// the caller knows; <see cref="Date"/> holds it counted from today). Absent is null.
/// </summary>
public sealed record MessageEntities(
    string? Code = null,
    int? Percent = null,
    bool Done = false,
    DateOnly? Date = null,
    string? Department = null,
    string? Person = null,
    Verdict? Decision = null,
    DeadlineShift? Shift = null)
{
    public static readonly MessageEntities None = new();
}

public enum Verdict
{
    Approve,
    Reject,
}
