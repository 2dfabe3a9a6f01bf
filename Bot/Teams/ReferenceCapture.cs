using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Rectification.Data.People;

namespace Rectification.Bot.Teams;

/// <summary>
/// Remembers where each user can be reached, on install and on every message: reminders need it. It is written only
/// when it changed, so an ordinary message costs no write.
/// </summary>
public sealed class ReferenceCapture(ConversationReferences references, TimeProvider time, IConfiguration configuration)
{
    private bool AuthenticationOn => !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public async Task CaptureAsync(ITurnContext turn, long? personId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.From?.Id is not { Length: > 0 } userId || activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is null)
        {
            return;
        }
        // /api/messages refuses such an activity already; this keeps any other path from storing a file: or plain-http URL.
        if (ServiceUrls.Problem(activity.ServiceUrl, AuthenticationOn) is not null)
        {
            return;
        }
        var reference = activity.GetConversationReference();
        // The incoming message's id is not part of where the user is, and would make every message's reference
        // differ; proactive messages start fresh rather than reply to it.
        reference.ActivityId = null;
        // An install or re-install (conversationUpdate, installationUpdate) always asks the database: the person may have
        // been refused (403/404) on another host, and only a written row makes them reachable again.
        var announced = activity.Type is ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate;
        await references.SaveIfChangedAsync(new StoredReference(
            userId,
            conversationId,
            activity.From.AadObjectId,
            personId,
            // Teams says "personal", "groupChat" or "channel"; other channels may say nothing but IsGroup.
            IsPersonal: activity.Conversation.IsGroup != true && activity.Conversation.ConversationType is not ("groupChat" or "channel"),
            activity.ServiceUrl,
            activity.Conversation.TenantId,
            activity.ChannelId,
            activity.Recipient?.Id ?? "",
            JsonConvert.SerializeObject(reference),
            time.GetUtcNow()), askDatabase: announced, cancellationToken);
    }

    /// <summary>Whether the bot already knows this user in this conversation (it has met them before).</summary>
    public Task<bool> IsKnownAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.From?.Id is { Length: > 0 } userId && turn.Activity.Conversation?.Id is { Length: > 0 } conversationId
            ? references.ExistsAsync(userId, conversationId, cancellationToken)
            : Task.FromResult(false);

    /// <summary>Whether this turn is the one that greets the user here: true once per user and conversation, atomically.</summary>
    public Task<bool> ClaimWelcomeAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.Activity.From?.Id is { Length: > 0 } userId && turn.Activity.Conversation?.Id is { Length: > 0 } conversationId
            ? references.ClaimWelcomeAsync(userId, conversationId, time.GetUtcNow(), cancellationToken)
            : Task.FromResult(false);

    public static ConversationReference Parse(StoredReference stored) =>
        JsonConvert.DeserializeObject<ConversationReference>(stored.ReferenceJson)
        ?? throw new InvalidOperationException("A stored conversation reference is empty.");
}
