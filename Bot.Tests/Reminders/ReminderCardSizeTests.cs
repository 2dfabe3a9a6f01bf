using System.Text;
using System.Text.Json.Nodes;
using Rectification.Bot.Cards;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Reminders;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>Every digest card of a 100k-task morning stays under 24 KB (Teams refuses messages of about 28 KB), in both languages.</summary>
public sealed class ReminderCardSizeTests
{
    private const int Limit = 24 * 1024;

    [Fact]
    public void The_largest_digest_of_each_kind_at_100k_tasks_stays_under_24_KB_with_unreachable_and_failed_people_summarised()
    {
        var snapshot = ReminderPlanningScaleTests.SyntheticSnapshot(tasks: 100_000, people: 5_000, seed: 13);
        var plan = Policy().Plan(snapshot, At("2026-11-27 09:05"));
        // 2,000 failed deliveries, with long names, as after a tenant-wide outage.
        var failed = Enumerable.Range(1, 2_000).Select(i => new FailedDelivery(i, $"欧阳{i}号同志（综合协调科）", "overdue", new DateOnly(2026, 11, 26), "Failed (502)")).ToList();
        var largest = plan.GroupBy(r => r.Kind).Select(g => g.MaxBy(r => r.Items.Count + r.Unreachable.Count)!).ToList();
        Assert.Contains(largest, r => r.Kind == ReminderKind.AdminRed && r.Unreachable.Count > 1_000 && r.Items.Count > 1_000);

        foreach (var locale in new[] { "zh-CN", "en-US" })
        {
            var text = UiText.For(locale);
            foreach (var reminder in largest)
            {
                var digest = new ReminderDigest(reminder.Kind, reminder.SlotKey, reminder.SlotDate, reminder.IsCatchUp, reminder.Items, reminder.Unreachable,
                    reminder.Kind == ReminderKind.AdminRed ? failed : [], reminder.Kind == ReminderKind.AdminRed ? 37 : 0);
                var card = ReminderCards.Digest(text, digest);
                var bytes = Encoding.UTF8.GetByteCount(card.Json);
                Assert.True(bytes < Limit, $"{locale} {reminder.Kind} digest ({reminder.Items.Count} items, {reminder.Unreachable.Count} unreachable): {bytes:N0} bytes");
                if (reminder.Kind == ReminderKind.AdminRed)
                {
                    var texts = JsonNode.Parse(card.Json)!.AsObject().Descendants().Select(n => n["text"]?.GetValue<string>()).ToList();
                    Assert.Contains(text.ReminderMoreUnreachable(reminder.Unreachable.Count - ReminderCards.MaxPeople, reminder.Unreachable.Count), texts);
                    Assert.Contains(text.ReminderMoreFailed(failed.Count - ReminderCards.MaxPeople, failed.Count), texts);
                }
            }
        }
    }
}
