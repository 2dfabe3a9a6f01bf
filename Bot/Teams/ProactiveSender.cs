using Microsoft.Bot.Builder;
using Rectification.Bot.Conversation;
using Rectification.Data.People;

namespace Rectification.Bot.Teams;

public enum DeliveryOutcome
{
    Sent,
    /// <summary>The person never opened a conversation with the bot: there is nowhere to send.</summary>
    NoReference,
    Failed,
}

/// <summary>Sends a message to a person outside the current turn, through their stored conversation reference.</summary>
public sealed class ProactiveSender(BotAdapter adapter, ConversationReferences references, IConfiguration configuration, ILogger<ProactiveSender> logger)
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? "";

    public async Task<DeliveryOutcome> SendAsync(long personId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        var stored = await references.FindForPersonAsync(personId, cancellationToken);
        if (stored is null)
        {
            return DeliveryOutcome.NoReference;
        }
        try
        {
            await adapter.ContinueConversationAsync(BotAppId, ReferenceCapture.Parse(stored), async (turn, token) =>
            {
                foreach (var reply in replies)
                {
                    await turn.SendActivityAsync(ActivityReplies.ToActivity(reply), token);
                }
            }, cancellationToken);
            return DeliveryOutcome.Sent;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Proactive message to person {PersonId} failed", personId);
            return DeliveryOutcome.Failed;
        }
    }
}
