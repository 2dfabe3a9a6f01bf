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

    /// <summary>
    /// All members null means "I want to report progress", and the flow asks for the rest. Status is only
    /// ever Done or InProgress. Percent is within 0-100 (out of range becomes InvalidInput).
    /// </summary>
    public sealed record ReportProgress(string? Code, int? Percent, RectificationStatus? Status, string? Note) : ChatCommand;

    public sealed record RequestWriteOff(string? Code, string? Evidence) : ChatCommand;

    /// <summary>NewDate may be in the past: the flow checks that, the parser does not.</summary>
    public sealed record RequestExtension(string? Code, DateOnly? NewDate, string? Reason) : ChatCommand;

    public sealed record Summary : ChatCommand;

    public sealed record Cancel : ChatCommand;

    public sealed record Confirm : ChatCommand;

    public sealed record Decline : ChatCommand;

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
