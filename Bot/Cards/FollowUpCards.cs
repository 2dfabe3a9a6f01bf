using System.Globalization;
using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>
/// 回头看 cards. The buttons carry the item's code and the due day of the re-check they answer (<c>recheck</c>): a
/// button on a card whose re-check was answered meanwhile no longer matches and is refused as out of date.
/// </summary>
public static class FollowUpCards
{
    public const string ConsolidatedAction = "recheck_ok";
    public const string RelapsedAction = "recheck_relapse";
    public const string ReopenAction = "recheck_reopen";

    public const int MaxItems = 15;

    public static string Key(DateOnly dueOn) => dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>巩固良好 / 出现反弹 for one item; the relapse asks for its reason on a card of its own.</summary>
    public static IReadOnlyList<JsonNode> Buttons(UiText t, string code, DateOnly dueOn)
    {
        ArgumentNullException.ThrowIfNull(t);
        return
        [
            Submit(t.FollowUpButtonConsolidated, ConsolidatedAction, new { code, recheck = Key(dueOn) }, style: "positive"),
            Submit(t.FollowUpButtonRelapsed, RelapsedAction, new { code, recheck = Key(dueOn) }, style: "destructive"),
        ];
    }

    /// <summary>The due re-checks (with buttons, for those who decide) or an officer's items and their re-check days.</summary>
    public static Reply.Card List(UiText t, string title, IReadOnlyList<DueRecheck> items, DateOnly today, bool withButtons)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(items);
        var body = new List<JsonNode> { Text(title, size: "Medium", weight: "Bolder") };
        foreach (var due in items.Take(MaxItems))
        {
            var lines = new List<JsonNode>
            {
                Text($"**{due.Item.Code}** {TaskCards.Shorten(due.Item.Measure)}", weight: "Bolder"),
                Text(t.FollowUpItemLine(due, today), subtle: true, spacing: "None"),
            };
            if (withButtons && due.DueOn <= today)
            {
                lines.Add(ActionSet(Buttons(t, due.Item.Code, due.DueOn)));
            }
            body.Add(Container(lines, separator: true));
        }
        if (items.Count > MaxItems)
        {
            body.Add(Text(t.FollowUpMore(items.Count - MaxItems), subtle: true));
        }
        return new Reply.Card(Build(body), title);
    }

    /// <summary>出现反弹: the reason (required) and the new deadline (a default period when left empty).</summary>
    public static Reply.Card Relapse(UiText t, string code, string measure, DateOnly dueOn, DateOnly defaultDeadline, int defaultDays)
    {
        ArgumentNullException.ThrowIfNull(t);
        var title = t.FollowUpRelapseTitle(code);
        var deadline = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = "deadline",
            ["label"] = t.FollowUpDeadlineLabel(defaultDays),
            ["value"] = Key(defaultDeadline),
        };
        var reason = InputText("reason", t.FollowUpReasonPlaceholder, multiline: true, label: t.FollowUpReasonLabel);
        reason["isRequired"] = true;
        var body = new List<JsonNode>
        {
            Text(title, size: "Medium", weight: "Bolder", color: "attention"),
            Text(TaskCards.Shorten(measure), subtle: true, spacing: "None"),
            Text(t.FollowUpRelapseIntro, wrap: true),
            reason,
            deadline,
        };
        return new Reply.Card(Build(body, [Submit(t.FollowUpButtonReopen, ReopenAction, new { code, recheck = Key(dueOn) }, style: "destructive")]), title);
    }
}
