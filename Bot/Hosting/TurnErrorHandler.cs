using Microsoft.Bot.Builder;
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
