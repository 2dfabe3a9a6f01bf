namespace Rectification.Bot.Conversation;

/// <summary>What the bot says: plain text, or an Adaptive Card (JSON) with a one-line summary for notifications.</summary>
public abstract record Reply
{
    private Reply()
    {
    }

    public sealed record Text(string Value) : Reply;

    public sealed record Card(string Json, string Summary) : Reply;

    /// <summary>
    /// A file for the person to take: the Teams edge offers it through the file consent flow, or, where bots cannot send
    /// files, says so and gives CliCommand, the command-line verb that makes the same file on the server.
    /// </summary>
    public sealed record File(string Name, byte[] Content, string Kind, string CliCommand) : Reply;
}

/// <summary>Replace a card the bot sent earlier (an approval card once decided, so it cannot be decided twice).</summary>
public sealed record CardUpdate(string ActivityId, Reply.Card Card);

/// <summary>A message to someone other than the sender, sent proactively (an approval card to a leader).</summary>
public sealed record Notification(long PersonId, Reply Reply);
