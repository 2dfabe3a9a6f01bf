using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rectification.Bot.Cards;

/// <summary>
/// Small helpers to write Adaptive Card JSON (schema 1.5, what Teams renders). Cards are plain JSON here:
/// the AdaptiveCards package is not used anywhere.
/// </summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(IEnumerable<JsonNode?> body, IEnumerable<JsonNode?>? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = new JsonArray([.. body.Where(n => n is not null)]),
        };
        var actionList = actions?.Where(a => a is not null).ToArray() ?? [];
        if (actionList.Length > 0)
        {
            card["actions"] = new JsonArray(actionList);
        }
        return card.ToJsonString(Compact);
    }

    public static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool wrap = true, bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (size is not null)
        {
            block["size"] = size;
        }
        if (weight is not null)
        {
            block["weight"] = weight;
        }
        if (color is not null)
        {
            block["color"] = color;
        }
        if (subtle)
        {
            block["isSubtle"] = true;
        }
        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }
        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static JsonObject Container(IEnumerable<JsonNode> items, string? style = null, bool separator = false)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray([.. items]) };
        if (style is not null)
        {
            container["style"] = style;
        }
        if (separator)
        {
            container["separator"] = true;
        }
        return container;
    }

    public static JsonObject ActionSet(IEnumerable<JsonNode> actions) => new() { ["type"] = "ActionSet", ["actions"] = new JsonArray([.. actions]) };

    /// <summary>A button whose data comes back as the message's value, with the card's inputs merged in.</summary>
    public static JsonObject Submit(string title, string action, object? fields = null, string? style = null)
    {
        var data = new JsonObject { ["action"] = action };
        if (fields is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(fields)!.AsObject().ToList())
            {
                data[key] = value?.DeepClone();
            }
        }
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data };
        if (style is not null)
        {
            submit["style"] = style;
        }
        return submit;
    }

    public static JsonObject InputText(string id, string placeholder, bool multiline = false, int maxLength = 2000, string? label = null) => WithLabel(new JsonObject
    {
        ["type"] = "Input.Text",
        ["id"] = id,
        ["placeholder"] = placeholder,
        ["isMultiline"] = multiline,
        ["maxLength"] = maxLength,
    }, label);

    public static JsonObject InputNumber(string id, string placeholder, int min, int max, string? label = null) => WithLabel(new JsonObject
    {
        ["type"] = "Input.Number",
        ["id"] = id,
        ["placeholder"] = placeholder,
        ["min"] = min,
        ["max"] = max,
    }, label);

    public static JsonObject InputChoice(string id, IEnumerable<(string Title, string Value)> choices, string? value = null, string? label = null)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["style"] = "compact",
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (value is not null)
        {
            input["value"] = value;
        }
        return WithLabel(input, label);
    }

    private static JsonObject WithLabel(JsonObject input, string? label)
    {
        if (label is not null)
        {
            input["label"] = label;
        }
        return input;
    }
}
