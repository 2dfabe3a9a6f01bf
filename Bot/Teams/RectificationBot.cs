using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.State;
using Rectification.Data.Trust;

namespace Rectification.Bot.Teams;

/// <summary>
/// The Teams activity handler. It only routes: who is talking, remember where they can be reached, hand the
/// message to the chat engine, and turn its answer into activities. State is saved once, at the end of the turn.
/// </summary>
public sealed class RectificationBot(
    ChatEngine engine,
    IdentityLinker identity,
    ReferenceCapture references,
    ProactiveSender proactive,
    PeopleRepository people,
    PrivateConversationState state,
    HandledActivities handled,
    FilesInbox inbox,
    FileConsents consents,
    TimeProvider time,
    ILogger<RectificationBot> logger) : TeamsActivityHandler
{
    // Per user and conversation, so two people in one group chat never share a half-finished flow.
    private readonly IStatePropertyAccessor<FlowState> _flow = state.CreateProperty<FlowState>(nameof(FlowState));

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.From?.Id is not { Length: > 0 } || activity.Conversation?.Id is not { Length: > 0 })
        {
            logger.LogWarning("Ignored a {ActivityType} activity without a sender or conversation", activity.Type);
            return;
        }
        // A message Teams delivers again (no timely answer, a retry after a network fault) is answered once: a
        // redelivered write-off request must not record its progress twice.
        var claim = activity.Type == ActivityTypes.Message && activity.Id is { Length: > 0 } activityId ? activityId : null;
        if (claim is not null && !await handled.TryClaimAsync(activity.Conversation.Id, claim, cancellationToken))
        {
            logger.LogInformation("Ignored message {ActivityId} of conversation {ConversationId}: already handled", claim, activity.Conversation.Id);
            return;
        }
        try
        {
            await base.OnTurnAsync(turnContext, cancellationToken);
            try
            {
                await state.SaveChangesAsync(turnContext, false, cancellationToken);
            }
            catch (StateConflictException)
            {
                // Another turn of the same user saved first: most often Teams redelivering a message we were still
                // answering. Its state stands and ours is dropped; our replies already went out, so nothing to say.
                logger.LogWarning("Conversation state of {ConversationId} changed under a concurrent turn; this turn's state change was dropped",
                    activity.Conversation.Id);
            }
        }
        catch when (claim is not null)
        {
            // The turn did not finish: a redelivery may try it again.
            await handled.ReleaseAsync(activity.Conversation.Id, claim, CancellationToken.None);
            throw;
        }
        if (claim is not null)
        {
            await handled.CompleteAsync(activity.Conversation.Id, claim, cancellationToken);
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var match = await identity.MatchAsync(turnContext, cancellationToken);
        var person = match.Person;
        await references.CaptureAsync(turnContext, person?.Id, cancellationToken);
        var text = UiText.For(activity.Locale);
        if (person is null)
        {
            var admins = (await people.ListAdminsAsync(cancellationToken)).Select(a => a.Name).ToList();
            var answer = match.Refusal == IdentityRefusal.Unknown ? text.NotRegistered(admins) : text.IdentityNeedsAdmin(admins);
            await turnContext.SendActivityAsync(MessageFactory.Text(answer), cancellationToken);
            return;
        }
        if (!CardPayload.IsWellFormed(activity))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text.CardPayloadInvalid), cancellationToken);
            return;
        }

        var submit = ActivityReplies.Submit(activity);
        // Control characters (a NUL, a BEL pasted from elsewhere) never get past the door.
        var typed = submit is null ? SafeText.Clean(activity.RemoveRecipientMention() ?? activity.Text) : null;
        var files = await ReceiveFilesAsync(turnContext, person, text, cancellationToken);
        if (files is null)
        {
            return;
        }
        if (submit is null && string.IsNullOrWhiteSpace(typed) && files.Count == 0 && activity.Attachments?.Count > 0)
        {
            // Pasted images and other attachments that are not Teams files cannot be fetched as evidence.
            await turnContext.SendActivityAsync(MessageFactory.Text(text.AttachmentsUnsupported), cancellationToken);
            return;
        }

        var flow = await _flow.GetAsync(turnContext, () => null!, cancellationToken);
        var request = new ChatRequest(person, typed, submit, activity.ReplyToId, activity.Locale, time.GetUtcNow(), files);
        var response = await engine.HandleAsync(request, flow, cancellationToken);
        if (response.NextState is null)
        {
            await _flow.DeleteAsync(turnContext, cancellationToken);
        }
        else
        {
            await _flow.SetAsync(turnContext, response.NextState, cancellationToken);
        }

        foreach (var update in response.CardUpdates)
        {
            var updated = ActivityReplies.CardActivity(update.Card);
            updated.Id = update.ActivityId;
            await turnContext.UpdateActivityAsync(updated, cancellationToken);
        }
        foreach (var reply in response.Replies)
        {
            if (reply is Reply.File file)
            {
                await consents.OfferAsync(turnContext, person, file, UiText.For(response.NextState?.Locale ?? person.Language ?? activity.Locale), cancellationToken);
                continue;
            }
            await turnContext.SendActivityAsync(ActivityReplies.ToActivity(reply), cancellationToken);
        }
        foreach (var notification in response.Notifications)
        {
            var outcome = await proactive.SendAsync(notification.PersonId, [notification.Reply], cancellationToken);
            if (outcome != DeliveryOutcome.Sent)
            {
                logger.LogInformation("Notification for person {PersonId} not delivered: {Outcome}", notification.PersonId, outcome);
            }
        }
    }

    /// <summary>
    /// The files of the message, checked and stored; refusals are answered here. Null when the turn ends here: files
    /// sent outside the personal chat, or a message of nothing but refused files.
    /// </summary>
    private async Task<IReadOnlyList<ReceivedFile>?> ReceiveFilesAsync(ITurnContext<IMessageActivity> turnContext, Data.People.Person person, UiText text,
        CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var incoming = FilesInbox.Incoming(activity);
        if (incoming.Count == 0)
        {
            return [];
        }
        if (activity.Conversation.ConversationType is { } type && type != "personal")
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text.FilesOnlyInPersonalChat), cancellationToken);
            return null;
        }
        var (stored, refused) = await inbox.ReceiveAsync(person, incoming, cancellationToken);
        foreach (var (name, reason) in refused)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(text.FileRefused(name, reason, inbox.MaxFileBytes)), cancellationToken);
        }
        return stored.Count == 0 && refused.Count > 0 && string.IsNullOrWhiteSpace(activity.RemoveRecipientMention() ?? activity.Text) ? null : stored;
    }

    protected override async Task OnTeamsFileConsentAcceptAsync(ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse,
        CancellationToken cancellationToken) =>
        await consents.AcceptAsync(turnContext, await identity.ResolveAsync(turnContext, cancellationToken), fileConsentCardResponse, cancellationToken);

    protected override async Task OnTeamsFileConsentDeclineAsync(ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse,
        CancellationToken cancellationToken) =>
        await consents.DeclineAsync(turnContext, await identity.ResolveAsync(turnContext, cancellationToken), fileConsentCardResponse, cancellationToken);

    protected override async Task OnTeamsMembersAddedAsync(IList<TeamsChannelAccount> teamsMembersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The bot itself was added (installed in a chat or team): introduce ourselves once.
        if (teamsMembersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id))
        {
            await WelcomeAsync(turnContext, cancellationToken);
        }
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Channels other than Teams (the local test client): greet each user who joins.
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await WelcomeAsync(turnContext, cancellationToken, member.Name);
        }
    }

    protected override Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        WelcomeAsync(turnContext, cancellationToken);

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken, string? name = null)
    {
        // Teams announces a personal install twice (conversationUpdate and installationUpdate): greet once.
        var known = await references.IsKnownAsync(turnContext, cancellationToken);
        var person = await identity.ResolveAsync(turnContext, cancellationToken);
        await references.CaptureAsync(turnContext, person?.Id, cancellationToken);
        // Two announcements at the same moment both find the user unknown: only the one that claims the welcome greets.
        if (known || !await references.ClaimWelcomeAsync(turnContext, cancellationToken))
        {
            return;
        }
        var text = UiText.For(person?.Language ?? turnContext.Activity.Locale);
        await turnContext.SendActivityAsync(MessageFactory.Text(text.Welcome(person?.Name ?? name)), cancellationToken);
    }
}
