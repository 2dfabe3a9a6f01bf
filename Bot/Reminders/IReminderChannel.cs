using Rectification.Bot.Conversation;
using Rectification.Bot.Teams;

namespace Rectification.Bot.Reminders;

/// <summary>What a send came to, with the HTTP status Teams answered when there was one.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int? StatusCode = null, string? Error = null)
{
    public static readonly DeliveryResult Sent = new(DeliveryOutcome.Sent);
}

/// <summary>
/// The seam between the reminder pipeline and Teams: the proactive sender implements it, tests fake it. Nothing
/// of Bot Framework crosses it.
/// </summary>
public interface IReminderChannel
{
    /// <summary>The locale of the person's stored conversation (what their Teams client said), or null.</summary>
    Task<string?> LocaleAsync(long personId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="replies"/> to the person. <paramref name="starting"/> is awaited once, just before the
    /// first request leaves (after any wait for the rate limit); when it answers false nothing is sent and the
    /// outcome is <see cref="DeliveryOutcome.Deferred"/>. The outbox records the start there, so that a crash can be
    /// told apart from a send that never began.
    /// </summary>
    Task<DeliveryResult> DeliverAsync(long personId, IReadOnlyList<Reply> replies, Func<CancellationToken, Task<bool>> starting, CancellationToken cancellationToken);
}
