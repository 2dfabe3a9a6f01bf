using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>Cards that keep a conversation going: keep or drop an unsaved draft, and the readings offered when unsure.</summary>
public static class FlowCards
{
    /// <summary>The buttons carry the draft's flow id like its confirmation card: confirm keeps (saves) it, cancel drops it.</summary>
    public static Reply.Card KeepOrDrop(UiText t, string code, string flowId)
    {
        var text = t.KeepOrDrop(code);
        return new Reply.Card(Build([Text(text, weight: "Bolder")],
        [
            Submit(t.ButtonKeep(code), "confirm", new { flow = flowId }, style: "positive"),
            Submit(t.ButtonDrop, "cancel", new { flow = flowId }),
        ]), text);
    }

    /// <summary>"您是想：…" with one button per reading; a press comes back as the action "suggest" with its intent and code.</summary>
    public static Reply.Card Suggestions(UiText t, IReadOnlyList<Suggestion> suggestions)
    {
        var body = new JsonNode[] { Text(t.NotSure, spacing: "None"), Text(t.SuggestTitle, weight: "Bolder") };
        var actions = suggestions.Select(s => (JsonNode?)Submit(t.SuggestionLabel(s.Intent, s.Code), "suggest", new { intent = s.Intent, code = s.Code ?? "" }));
        return new Reply.Card(Build(body, actions), t.SuggestTitle + string.Join(" / ", suggestions.Select(s => t.SuggestionLabel(s.Intent, s.Code))));
    }
}
