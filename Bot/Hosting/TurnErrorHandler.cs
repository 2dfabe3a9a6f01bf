using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Rectification.Bot.Texts;

namespace Rectification.Bot.Hosting;

/// <summary>
/// What happens when a turn throws: log it with the activity's ids, tell the user something neutral in their
/// language, and clear their conversation state so nobody is stuck in a broken flow.
/// </summary>
public sealed class TurnErrorHandler(PrivateConversationState state, ILogger<TurnErrorHandler> logger)
{
    public async Task HandleAsync(ITurnContext turnContext, Exception exception)
    {
        // A proactive send (ContinueConversationAsync) is not a user's turn: its caller must see the failure to retry
        // or record it, and the user must neither be told "something went wrong" nor lose their flow.
        if (turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
        }
        logger.LogError(exception, "Unhandled error in a {ActivityType} turn of conversation {ConversationId}",
            turnContext.Activity.Type, turnContext.Activity.Conversation?.Id);
        try
        {
            await turnContext.SendActivityAsync(UiText.For(turnContext.Activity.Locale).SomethingWentWrong);
            await state.DeleteAsync(turnContext);
        }
        catch (Exception secondary)
        {
            logger.LogError(secondary, "Could not recover from the error in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
        }
    }
}
