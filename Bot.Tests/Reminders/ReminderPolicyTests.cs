using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    [Fact]
    public void Before_deadline_reminders_land_7_3_1_and_0_days_before_a_Friday_deadline()
    {
        var sent = Walk(Policy(), Snapshot(Task(1, "2026-03-20", Liu)), "2026-03-01", "2026-03-22");

        Assert.Equal(["2026-03-13", "2026-03-17", "2026-03-19"], Dates(sent.Where(r => r.Kind == ReminderKind.DueSoon)));
        Assert.Equal(["2026-03-20"], Dates(sent.Where(r => r.Kind == ReminderKind.DueToday)));
        Assert.All(sent, r => Assert.Equal(Liu, r.PersonId));
        Assert.Equal([7, 3, 1, 0], sent.Where(r => r.Kind is ReminderKind.DueSoon or ReminderKind.DueToday).Select(r => r.Items.Single().DaysUntilDue));
    }

    [Fact]
    public void An_offset_on_a_weekend_moves_to_the_previous_working_day_and_is_sent_once()
    {
        // Due Monday: 1 day before is Sunday, moved to Friday, where the 3-day reminder already is.
        var sent = Walk(Policy(), Snapshot(Task(1, "2026-03-23", Liu)), "2026-03-09", "2026-03-24");

        var dueSoon = sent.Where(r => r.Kind == ReminderKind.DueSoon).ToList();
        Assert.Equal(["2026-03-16", "2026-03-20"], Dates(dueSoon));
        Assert.Equal(3, Assert.Single(dueSoon[1].Items).DaysUntilDue);
        Assert.Equal(["2026-03-23"], Dates(sent.Where(r => r.Kind == ReminderKind.DueToday)));
    }

    [Fact]
    public void A_deadline_after_the_spring_festival_is_reminded_on_the_make_up_Saturday_before_it()
    {
        var sent = Walk(Policy(), Snapshot(Task(1, "2026-02-24", Liu)), "2026-02-09", "2026-02-24");

        Assert.Equal(["2026-02-14"], Dates(sent.Where(r => r.Kind == ReminderKind.DueSoon)));
        Assert.Equal(["2026-02-24"], Dates(sent.Where(r => r.Kind == ReminderKind.DueToday)));
    }

    [Fact]
    public void The_overdue_digest_comes_every_working_day_and_never_at_the_weekend()
    {
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu));

        var sent = Walk(Policy(), snapshot, "2026-03-05", "2026-03-15");

        Assert.Equal(["2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"],
            Dates(sent.Where(r => r.Kind == ReminderKind.Overdue)));
        Assert.Empty(Policy().Plan(snapshot, At("2026-03-07 10:00")));
    }

    [Fact]
    public void Without_daily_overdue_digests_the_officer_hears_once_on_the_first_working_day_overdue()
    {
        var sent = Walk(Policy(new ReminderOptions { OverdueEveryWorkingDay = false }), Snapshot(Task(1, "2026-03-06", Liu)), "2026-03-06", "2026-03-20");

        Assert.Equal(["2026-03-09"], Dates(sent.Where(r => r.Kind == ReminderKind.Overdue)));
    }

    [Fact]
    public void The_supervising_leader_gets_yellow_from_the_third_working_day_overdue_and_no_other_leader_does()
    {
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu, Office));

        Assert.DoesNotContain(Policy().Plan(snapshot, At("2026-03-09 09:05")), r => r.Kind == ReminderKind.LeaderYellow);
        var yellow = Assert.Single(Policy().Plan(snapshot, At("2026-03-10 09:05")), r => r.Kind == ReminderKind.LeaderYellow);

        Assert.Equal(LeaderLi, yellow.PersonId);
        Assert.Equal(3, Assert.Single(yellow.Items).WorkingDaysOverdue);
    }

    [Fact]
    public void Admins_get_the_red_list_from_the_tenth_working_day_with_the_people_who_never_opened_the_bot()
    {
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu), Task(2, "2026-03-09", Ma));

        Assert.DoesNotContain(Policy().Plan(snapshot, At("2026-03-18 09:05")), r => r.Kind == ReminderKind.AdminRed && r.Items.Count > 0);
        var red = Assert.Single(Policy().Plan(snapshot, At("2026-03-19 09:05")), r => r.Kind == ReminderKind.AdminRed);

        Assert.Equal(AdminChen, red.PersonId);
        Assert.Equal(1, Assert.Single(red.Items).TaskId);
        var unreachable = Assert.Single(red.Unreachable);
        Assert.Equal(Ma, unreachable.PersonId);
        Assert.Equal([ReminderKind.Overdue], unreachable.Missed);
    }

    [Fact]
    public void A_person_who_never_opened_the_bot_gets_nothing_planned_and_the_admins_hear_of_it()
    {
        var plan = Policy().Plan(Snapshot(Task(2, "2026-03-09", Ma)), At("2026-03-10 09:05"));

        Assert.DoesNotContain(plan, r => r.PersonId == Ma);
        var admin = Assert.Single(plan, r => r.Kind == ReminderKind.AdminRed);
        Assert.Empty(admin.Items);
        Assert.Equal(Ma, Assert.Single(admin.Unreachable).PersonId);
    }

    [Fact]
    public void Ongoing_items_get_a_check_in_on_the_first_working_day_of_each_month()
    {
        var ongoing = Task(1, null, Sun, status: RectificationStatus.Ongoing, ongoing: true, lastProgress: "2025-12-01 10:00");

        var sent = Walk(Policy(), Snapshot(ongoing), "2025-12-31", "2026-03-31");

        // 1 January is 元旦 and the 2nd and 3rd are its break; Sunday the 4th is a make-up working day.
        Assert.Equal(["2026-01-04", "2026-02-02", "2026-03-02"], Dates(sent));
        Assert.All(sent, r => Assert.Equal(ReminderKind.OngoingCheckIn, r.Kind));
    }

    [Fact]
    public void An_item_without_progress_for_14_days_is_nudged_on_the_next_working_day_and_every_14_days_after()
    {
        var sent = Walk(Policy(), Snapshot(Task(1, "2026-06-30", Liu, lastProgress: "2026-03-01 10:00")), "2026-03-01", "2026-04-05");

        Assert.Equal(["2026-03-16", "2026-03-30"], Dates(sent));
        Assert.All(sent, r => Assert.Equal(ReminderKind.Stale, r.Kind));
        Assert.Equal(15, sent[0].Items.Single().DaysSinceProgress);
    }

    [Fact]
    public void A_snoozed_person_is_skipped_until_the_snooze_ends()
    {
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu)) with
        {
            People = [.. People().Select(p => p.Id == Liu ? p with { SnoozedUntil = At("2026-03-11 00:00") } : p)],
        };

        Assert.DoesNotContain(Policy().Plan(snapshot, At("2026-03-10 09:05")), r => r.PersonId == Liu);
        Assert.Contains(Policy().Plan(snapshot, At("2026-03-11 09:05")), r => r.PersonId == Liu && r.Kind == ReminderKind.Overdue);
    }

    [Fact]
    public void An_acknowledged_slot_is_not_planned_again_that_day_and_yesterdays_is_not_put_in_its_place()
    {
        var key = PlannedReminder.KeyFor(Liu, ReminderKind.Overdue, Date("2026-03-10"));
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu)) with
        {
            People = [.. People().Select(p => p.Id == Liu ? p with { AcknowledgedSlotKeys = [key] } : p)],
        };

        Assert.DoesNotContain(Policy().Plan(snapshot, At("2026-03-10 15:00")), r => r.PersonId == Liu && r.Kind == ReminderKind.Overdue);
        Assert.Contains(Policy().Plan(snapshot, At("2026-03-11 09:05")), r => r.PersonId == Liu && r.Kind == ReminderKind.Overdue);
    }

    [Theory]
    [InlineData("2026-03-10 03:00", false)]
    [InlineData("2026-03-10 08:45", false)] // quiet hours are over, but the send time has not come
    [InlineData("2026-03-10 09:00", true)]
    [InlineData("2026-03-10 17:59", true)]  // a slot missed this morning still goes out
    [InlineData("2026-03-10 18:00", false)]
    [InlineData("2026-03-10 23:30", false)]
    public void Nothing_is_planned_before_the_send_time_or_in_the_quiet_hours(string instant, bool expectSomething)
    {
        var plan = Policy().Plan(Snapshot(Task(1, "2026-03-05", Liu)), At(instant));

        Assert.Equal(expectSomething, plan.Count > 0);
    }

    [Fact]
    public void A_person_in_another_zone_is_reminded_at_nine_in_their_own_morning()
    {
        var snapshot = Snapshot(Task(1, "2026-03-05", Liu)) with
        {
            People = [.. People().Select(p => p.Id == Liu ? p with { TimeZone = "Europe/Berlin" } : p)],
        };

        Assert.DoesNotContain(Policy().Plan(snapshot, At("2026-03-10 09:05")), r => r.PersonId == Liu); // 02:05 in Berlin
        var overdue = Assert.Single(Policy().Plan(snapshot, At("2026-03-10 16:05")), r => r.PersonId == Liu); // 09:05 in Berlin

        Assert.Equal(Date("2026-03-10"), overdue.SlotDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(1)), overdue.SlotStart);
    }

    [Fact]
    public void One_digest_per_person_and_kind_lists_all_their_items()
    {
        var snapshot = Snapshot(
            Task(1, "2026-03-05", Liu), Task(2, "2026-03-06", Liu), Task(3, "2026-03-09", Liu),
            Task(4, "2026-03-13", Liu), Task(5, "2026-03-17", Liu), Task(6, "2026-03-09", Sun));

        var plan = Policy().Plan(snapshot, At("2026-03-10 09:05"));

        var liu = plan.Where(r => r.PersonId == Liu).ToList();
        Assert.Equal([ReminderKind.DueSoon, ReminderKind.Overdue], liu.Select(r => r.Kind));
        Assert.Equal([1, 2, 3], liu.Single(r => r.Kind == ReminderKind.Overdue).Items.Select(i => i.TaskId));
        Assert.Equal([4, 5], liu.Single(r => r.Kind == ReminderKind.DueSoon).Items.Select(i => i.TaskId));
        Assert.Equal(plan.Count, plan.Select(r => r.SlotKey).Distinct().Count());
    }

    [Theory]
    [InlineData(RectificationStatus.Done)]
    [InlineData(RectificationStatus.WrittenOff)]
    public void Done_and_written_off_items_get_nothing(RectificationStatus status)
    {
        var sent = Walk(Policy(), Snapshot(Task(1, "2026-03-20", Liu, status: status, lastProgress: "2026-01-01 10:00")), "2026-03-01", "2026-04-30");

        Assert.Empty(sent);
    }

    [Fact]
    public void A_sparse_slot_missed_yesterday_is_caught_up_once_today()
    {
        // The 7-day reminder of Friday 13 March was never planned: the bot was down that day.
        var snapshot = Snapshot(Task(1, "2026-03-20", Liu));

        var monday = Assert.Single(Policy().Plan(snapshot, At("2026-03-16 10:00")));

        Assert.True(monday.IsCatchUp);
        Assert.Equal(PlannedReminder.KeyFor(Liu, ReminderKind.DueSoon, Date("2026-03-13")), monday.SlotKey);
    }

    [Fact]
    public void A_daily_slot_missed_yesterday_is_superseded_by_today()
    {
        var plan = Policy().Plan(Snapshot(Task(1, "2026-03-05", Liu)), At("2026-03-10 10:00"));

        var overdue = Assert.Single(plan, r => r.PersonId == Liu);
        Assert.False(overdue.IsCatchUp);
        Assert.Equal(Date("2026-03-10"), overdue.SlotDate);
    }

    [Fact]
    public void Nothing_is_planned_when_reminders_are_disabled()
    {
        Assert.Empty(Policy(new ReminderOptions { Enabled = false }).Plan(Snapshot(Task(1, "2026-03-05", Liu)), At("2026-03-10 10:00")));
    }
}
