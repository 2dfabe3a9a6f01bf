using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>Planning at scale: one morning for 100k tasks and 5,000 people, and the O(1) date rules against their day-by-day definitions.</summary>
public sealed class ReminderPlanningScaleTests
{
    // What it costs is measured by the benchmark verb (its planning table, 100k tasks and 5,000 people), not here:
    // this checks that a plan at that scale holds what such a ledger should.
    [Fact]
    public void One_mornings_plan_for_100k_tasks_and_5000_people_holds_every_kind_of_digest()
    {
        var snapshot = SyntheticSnapshot(tasks: 100_000, people: 5_000, seed: 13);
        var plan = Policy().Plan(snapshot, At("2026-11-27 09:05"));

        // It planned what such a ledger holds: overdue digests for most officers, yellow for leaders, red for admins.
        var kinds = plan.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds.GetValueOrDefault(ReminderKind.Overdue) > 2_000, $"{kinds.GetValueOrDefault(ReminderKind.Overdue)} overdue digests");
        Assert.Equal(snapshot.People.Count(p => p.IsAdmin && p.HasConversationReference), kinds[ReminderKind.AdminRed]);
        Assert.True(kinds.GetValueOrDefault(ReminderKind.LeaderYellow) > 10, $"{kinds.GetValueOrDefault(ReminderKind.LeaderYellow)} yellow digests");
        var red = plan.First(r => r.Kind == ReminderKind.AdminRed);
        Assert.True(red.Unreachable.Count > 500, $"{red.Unreachable.Count} unreachable people");
        Assert.Equal(plan.Count, plan.Select(r => r.SlotKey).Distinct().Count());
    }

    [Fact]
    public void Digests_list_the_same_items_whichever_way_the_snapshot_is_ordered()
    {
        var snapshot = SyntheticSnapshot(tasks: 3_000, people: 300, seed: 7);
        var shuffled = new ReminderSnapshot([.. snapshot.Tasks.OrderBy(t => t.Id * 7919 % 3001)], [.. snapshot.People.Reverse()]);
        var at = At("2026-11-30 10:00");

        var one = Policy().Plan(snapshot, at).Select(Describe).ToList();
        var other = Policy().Plan(shuffled, at).Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(one.Order(StringComparer.Ordinal), other);
        Assert.NotEmpty(one);
    }

    [Fact]
    public void Working_days_between_two_dates_match_counting_day_by_day_across_holidays_and_make_up_days()
    {
        var random = new Random(2026);
        for (var i = 0; i < 2_000; i++)
        {
            var from = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 900));
            var to = from.AddDays(random.Next(-20, 400));
            var counted = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                counted += Calendar.IsWorkingDay(day) ? 1 : 0;
            }
            Assert.Equal(counted, Calendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void The_stale_rule_matches_walking_every_threshold_however_old_the_progress()
    {
        var random = new Random(14);
        foreach (var every in new[] { 1, 7, 14, 30 })
        {
            var rules = new ReminderRules(new ReminderOptions { StaleAfterDays = every }, Calendar, LedgerCalendar.ChinaStandardTime);
            for (var i = 0; i < 3_000; i++)
            {
                var today = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 360));
                var last = today.AddDays(-random.Next(-5, 800));
                var walked = false;
                for (var threshold = last.AddDays(every); threshold <= today; threshold = threshold.AddDays(every))
                {
                    walked |= Calendar.WorkingDayOnOrAfter(threshold) == today;
                }
                Assert.True(walked == rules.IsStaleDay(last, today), $"every {every}: last {last}, today {today}");
            }
        }
    }

    private static string Describe(PlannedReminder r) =>
        $"{r.SlotKey} {string.Join(",", r.Items.Select(i => i.Code))} {string.Join(",", r.Unreachable.Select(u => $"{u.PersonId}:{string.Join("+", u.Missed)}"))}";

    /// <summary>
    /// A ledger shaped like a large city's: 1-3 officers per item, due dates spread over a year around today (many
    /// overdue), some ongoing and stale items, 200 departments with 60 leaders, 8 admins, and a third of the people
    /// never opened the bot.
    /// </summary>
    internal static ReminderSnapshot SyntheticSnapshot(int tasks, int people, int seed)
    {
        var random = new Random(seed);
        var today = new DateOnly(2026, 11, 27);
        var list = new List<ReminderTask>(tasks);
        for (var i = 1; i <= tasks; i++)
        {
            var officers = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (long)random.Next(1, people + 1)).Distinct().ToList();
            var ongoing = random.Next(20) == 0;
            var status = random.Next(10) switch
            {
                0 => RectificationStatus.Done,
                1 => RectificationStatus.NotStarted,
                _ => RectificationStatus.InProgress,
            };
            list.Add(new ReminderTask(i, $"{i / 1000 + 1}-{i / 10 % 100 + 1}-{i % 10 + 1}", $"措施 {i}", status,
                ongoing ? null : today.AddDays(random.Next(-200, 160)), ongoing, officers, random.Next(1, 201),
                DateTimeOffset.Parse("2026-11-27T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).AddDays(-random.Next(0, 120))));
        }
        var persons = new List<ReminderPerson>(people);
        for (var id = 1; id <= people; id++)
        {
            IReadOnlyList<long> supervised = id % (people / 60 + 2) == 0 ? [id % 200 + 1, (id * 7) % 200 + 1] : [];
            persons.Add(new ReminderPerson(id, $"人员{id}", null, id % (people / 8) == 1, supervised, id % 3 != 0));
        }
        return new ReminderSnapshot(list, persons);
    }
}
