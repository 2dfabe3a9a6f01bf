using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Data.Db;

namespace Rectification.Bot.Teams;

/// <summary>Our replies as Bot Framework activities.</summary>
public static class ActivityReplies
{
    public static IActivity ToActivity(Reply reply) => reply switch
    {
        Reply.Text text => MessageFactory.Text(text.Value),
        Reply.Card card => CardActivity(card),
        _ => throw new ArgumentOutOfRangeException(nameof(reply)),
    };

    public static Activity CardActivity(Reply.Card card)
    {
        var activity = MessageFactory.Attachment(new Attachment { ContentType = AdaptiveCard.ContentType, Content = JObject.Parse(card.Json) });
        activity.Summary = card.Summary;
        return (Activity)activity;
    }

    /// <summary>The data of a card's Action.Submit (with its inputs), as plain strings; null when the message has none.</summary>
    public static CardSubmit? Submit(IActivity activity)
    {
        if (activity is not IMessageActivity { Value: JObject value } || value.Value<string>("action") is not { Length: > 0 } action)
        {
            return null;
        }
        var fields = value.Properties()
            .Where(p => p.Name != "action" && p.Value.Type is not (JTokenType.Object or JTokenType.Array))
            .ToDictionary(p => p.Name, p => SafeText.Clean(p.Value.ToString())!);
        return new CardSubmit(action, fields);
    }
}
