using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Rectification.Bot.Teams;

/// <summary>
/// What a card's Action.Submit may carry. Anyone can post any JSON as a message's value, so a payload of the wrong
/// shape (an object where a string belongs, a field no card of ours has) is refused plainly instead of being half
/// understood. Actions not in the table are only checked for shape; add a line for a new card action.
/// </summary>
public static class CardPayload
{
    public const int MaxFieldLength = 4000;

    // The button's own data plus the inputs of the card it sits on (Teams merges them into one object).
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["more"] = ["list", "skip", "filter"],
        ["pick"] = ["code"],
        ["progress_start"] = ["code", "days"],
        ["writeoff_start"] = ["code"],
        ["extension_start"] = ["code", "days"],
        ["progress"] = ["code", "percent", "note"],
        ["confirm"] = ["flow"],
        ["cancel"] = ["flow", "code", "percent", "note"],
        ["decide_writeoff"] = ["id", "decision", "reason"],
        ["decide_extension"] = ["id", "decision", "reason"],
        ["reminder_ack"] = ["slot", "days"],
        ["reminder_snooze"] = ["slot", "days"],
        ["evidence_get"] = ["id"],
        ["import_confirm"] = ["upload", "sha256", "plan"],
        // 回头看 (Bot/Cards/FollowUpCards.cs): recheck is the due day the button answers; the relapse form adds its inputs.
        ["recheck_ok"] = ["code", "recheck", "slot", "days"],
        ["recheck_relapse"] = ["code", "recheck", "slot", "days"],
        ["recheck_reopen"] = ["code", "recheck", "reason", "deadline"],
        ["history"] = ["code", "skip"],
    };

    /// <summary>False for a message value that claims to be a card submit but has the wrong shape.</summary>
    public static bool IsWellFormed(IActivity activity)
    {
        if (activity is not IMessageActivity { Value: { } value })
        {
            return true;
        }
        if (value is not JObject data)
        {
            // A bare string or array as the value: no card of ours sends that. With text beside it, the text counts.
            return !string.IsNullOrWhiteSpace(((IMessageActivity)activity).Text);
        }
        if (data.Property("action") is not { } action)
        {
            return true;
        }
        if (action.Value.Type != JTokenType.String || string.IsNullOrWhiteSpace(action.Value.Value<string>()))
        {
            return false;
        }
        Fields.TryGetValue(action.Value.Value<string>()!, out var allowed);
        foreach (var field in data.Properties().Where(p => p.Name != "action"))
        {
            var scalar = field.Value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean or JTokenType.Null;
            if (!scalar || field.Value.ToString().Length > MaxFieldLength || (allowed is not null && !allowed.Contains(field.Name, StringComparer.Ordinal)))
            {
                return false;
            }
        }
        return true;
    }
}
