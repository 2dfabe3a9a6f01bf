using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>The reminder digest: one card per person and slot, its items with their buttons, and snooze / acknowledge.</summary>
public static class ReminderCards
{
    /// <summary>Items listed on one card: a phone-sized read, far below Teams' ~28 KB message limit.</summary>
    public const int MaxItems = 15;

    /// <summary>People listed by name in the admins' digest, unreachable and failed alike; the rest are counted.</summary>
    public const int MaxPeople = 20;

    public static readonly int[] SnoozeChoices = [1, 3, 7];

    public static Reply.Card Digest(UiText t, ReminderDigest digest)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(digest);
        var title = t.ReminderTitle(digest.Kind, digest.Items.Count);
        var body = new List<JsonNode>
        {
            Text(title, size: "Medium", weight: "Bolder", color: Colour(digest.Kind)),
            Text(t.ReminderIntro(digest.Kind, digest.SlotDate, digest.IsCatchUp), subtle: true, spacing: "None"),
        };
        if (digest.MissingCalendarYears.Count > 0)
        {
            body.Add(Text(t.CalendarYearsMissing(digest.MissingCalendarYears), weight: "Bolder", color: "attention"));
        }
        foreach (var item in digest.Items.Take(MaxItems))
        {
            var buttons = new List<JsonNode> { Submit(t.ButtonReport, "progress_start", new { code = item.Code }) };
            if (digest.Kind == ReminderKind.Recheck && item.DueDate is { } recheckDue)
            {
                // 回头看: the leader's answer, not the officer's report (DueDate is the day the re-check fell due).
                buttons = [.. FollowUpCards.Buttons(t, item.Code, recheckDue)];
            }
            else if (item.DueDate is not null)
            {
                buttons.Add(Submit(t.ButtonExtend, "extension_start", new { code = item.Code }));
            }
            body.Add(Container(
            [
                Text($"**{item.Code}** {TaskCards.Shorten(item.Measure)}", weight: "Bolder"),
                Text(t.ReminderItemLine(digest.Kind, item), color: Colour(digest.Kind), spacing: "None"),
                ActionSet(buttons),
            ], separator: true));
        }
        if (digest.Items.Count > MaxItems)
        {
            body.Add(Text(t.ReminderMoreItems(digest.Items.Count - MaxItems), subtle: true));
        }
        if (digest.Unreachable.Count > 0)
        {
            body.Add(Container(
            [
                Text(t.ReminderUnreachableTitle, weight: "Bolder", color: "attention"),
                .. digest.Unreachable.Take(MaxPeople).Select(u => (JsonNode)Text("• " + t.ReminderUnreachableLine(u.Name, u.Missed), spacing: "None")),
                .. digest.Unreachable.Count > MaxPeople
                    ? new JsonNode[] { Text(t.ReminderMoreUnreachable(digest.Unreachable.Count - MaxPeople, digest.Unreachable.Count), subtle: true) }
                    : [],
            ], separator: true));
        }
        if (digest.Failed.Count > 0 || digest.UnknownCount > 0)
        {
            var lines = new List<JsonNode>();
            if (digest.Failed.Count > 0)
            {
                lines.Add(Text(t.ReminderFailedTitle, weight: "Bolder", color: "attention"));
                lines.AddRange(digest.Failed.Take(MaxPeople).Select(f => (JsonNode)Text("• " + t.ReminderFailedLine(f.PersonName,
                    ReminderKinds.TryFromCode(f.Kind, out var kind) ? kind : null, f.SlotDate), spacing: "None")));
                if (digest.Failed.Count > MaxPeople)
                {
                    lines.Add(Text(t.ReminderMoreFailed(digest.Failed.Count - MaxPeople, digest.Failed.Count), subtle: true));
                }
            }
            if (digest.UnknownCount > 0)
            {
                lines.Add(Text(t.ReminderUnknownCount(digest.UnknownCount), subtle: true));
            }
            body.Add(Container(lines, separator: true));
        }
        body.Add(InputChoice("days", SnoozeChoices.Select(d => (t.ReminderSnoozeDays(d), d.ToString(t.Culture))), "3", t.ReminderSnoozeLabel));
        var actions = new JsonNode[]
        {
            Submit(t.ReminderButtonAcknowledge, "reminder_ack", new { slot = digest.SlotKey }, style: "positive"),
            Submit(t.ReminderButtonSnooze, "reminder_snooze", new { slot = digest.SlotKey }),
        };
        return new Reply.Card(Build(body, actions), title);
    }

    private static string Colour(ReminderKind kind) => kind switch
    {
        ReminderKind.Overdue or ReminderKind.AdminRed => "attention",
        ReminderKind.DueToday or ReminderKind.DueSoon or ReminderKind.LeaderYellow => "warning",
        _ => "default",
    };
}
