using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

public sealed class ReminderWalkTests
{
    // 2 March to 30 April 2026: 60 days, 42 working days (清明 takes Monday 6 April).
    private static readonly ReminderSnapshot Ledger = Snapshot(
        Task(1, "2026-03-20", Liu, Office, lastProgress: "2026-03-10 10:00"),
        Task(2, null, Sun, Publicity, RectificationStatus.Ongoing, ongoing: true, lastProgress: "2026-01-01 10:00"),
        Task(3, "2026-03-10", Liu, Office, RectificationStatus.WrittenOff),
        Task(4, "2026-06-30", Sun, Publicity, lastProgress: "2026-03-01 10:00"),
        Task(5, "2026-04-20", Ma, Publicity));

    [Fact]
    public void Sixty_days_of_slots_send_exactly_the_expected_digests()
    {
        var policy = Policy();
        var sent = new Dictionary<string, PlannedReminder>();
        for (var day = Date("2026-03-02"); day <= Date("2026-04-30"); day = day.AddDays(1))
        {
            foreach (var time in new[] { "03:00", "09:00", "12:30", "17:55", "21:00" })
            {
                var plan = policy.Plan(Ledger, At($"{day:yyyy-MM-dd} {time}"));
                Assert.Equal(plan.Count, plan.Select(r => (r.PersonId, r.Kind)).Distinct().Count());
                if (time is "03:00" or "21:00" || !Calendar.IsWorkingDay(day))
                {
                    Assert.Empty(plan);
                }
                foreach (var reminder in plan)
                {
                    sent.TryAdd(reminder.SlotKey, reminder);
                }
            }
        }

        var counts = sent.Values.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, counts[ReminderKind.DueSoon]);         // task 1: 13, 17, 19 March
        Assert.Equal(1, counts[ReminderKind.DueToday]);        // task 1: 20 March
        Assert.Equal(28, counts[ReminderKind.Overdue]);        // task 1: every working day from 23 March
        Assert.Equal(26 + 6, counts[ReminderKind.LeaderYellow]); // task 1 to 李明 from 25 March, task 5 to 王建国 from 23 April
        Assert.Equal(19, counts[ReminderKind.AdminRed]);       // task 1 from 3 April
        Assert.Equal(2, counts[ReminderKind.OngoingCheckIn]);  // task 2: 2 March, 1 April
        Assert.Equal(4, counts[ReminderKind.Stale]);           // task 4: 16, 30 March, 13, 27 April
        Assert.Equal(7, counts.Count);

        Assert.DoesNotContain(sent.Values, r => r.PersonId == Ma);
        // 马超 has task 5's digests on 13, 17, 20 April and every working day overdue after: 11 red lists name him.
        Assert.Equal(11, sent.Values.Count(r => r.Kind == ReminderKind.AdminRed && r.Unreachable.Any(u => u.PersonId == Ma)));
        Assert.All(sent.Values, r => Assert.False(r.IsCatchUp));
    }
}
