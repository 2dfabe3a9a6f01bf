using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>回头看's schedule as a pure function: periods, the inspection's own period, quarters, working days and the weekly repeat.</summary>
public sealed class FollowUpPolicyTests
{
    private static readonly FollowUpPolicy Policy = new(new FollowUpOptions(), Calendar);

    private static RecheckCandidate Item(string code, RectificationStatus status, string created, string? writtenOff = null, string? lastChecked = null,
        int? recheckDays = null, long department = Office) =>
        new(code.Length, code, "措施 " + code, null, department, status, Date(created), writtenOff is null ? null : Date(writtenOff),
            lastChecked is null ? null : Date(lastChecked), recheckDays);

    [Theory]
    // 90 days after the write-off; after a check that found it holding, 90 days after that check.
    [InlineData("written_off", "2026-01-05", "2026-03-02", null, null, "2026-05-31")]
    [InlineData("written_off", "2026-01-05", "2026-03-02", "2026-06-01", null, "2026-08-30")]
    // The inspection's own period wins over the default.
    [InlineData("written_off", "2026-01-05", "2026-03-02", null, 30, "2026-04-01")]
    // Written off on import, without an approval: counted from when it entered the ledger.
    [InlineData("written_off", "2026-01-05", null, null, null, "2026-04-05")]
    // 长期坚持: every quarter from its start, then from its last check; the inspection's period does not apply.
    [InlineData("ongoing", "2026-01-31", null, null, 30, "2026-04-30")]
    [InlineData("ongoing", "2026-01-31", null, "2026-05-06", null, "2026-08-06")]
    public void The_recheck_falls_due_a_period_after_the_write_off_or_the_last_check(string status, string created, string? writtenOff, string? lastChecked,
        int? recheckDays, string expected)
    {
        var item = Item("1-1-1", RectificationStatusCodes.FromCode(status), created, writtenOff, lastChecked, recheckDays);

        Assert.Equal(Date(expected), Policy.DueOn(item));
    }

    [Fact]
    public void Open_items_are_never_due_and_the_due_ones_come_oldest_first()
    {
        var items = new[]
        {
            Item("2-1-1", RectificationStatus.Ongoing, "2026-01-05"),
            Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-06"),
            Item("1-1-2", RectificationStatus.InProgress, "2025-01-05"),
            Item("1-1-3", RectificationStatus.WrittenOff, "2026-03-01", writtenOff: "2026-03-01"),
        };

        var due = Policy.Due(items, Date("2026-04-06"));

        Assert.Equal(["2-1-1", "1-1-1"], due.Select(d => d.Item.Code));
        Assert.Empty(new FollowUpPolicy(new FollowUpOptions { Enabled = false }, Calendar).Due(items, Date("2026-04-06")));
    }

    [Fact]
    public void A_recheck_due_on_a_holiday_is_asked_on_the_next_working_day_and_then_weekly_until_answered()
    {
        // Due Fri 1 May 2026, in 劳动节 (1–5 May; Sat 9 May is a make-up working day).
        var item = Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-31");
        var due = Assert.Single(Policy.Due([item], Date("2026-06-30")));
        Assert.Equal((Date("2026-05-01"), Date("2026-05-06")), (due.DueOn, due.AskOn));

        var asked = new List<string>();
        for (var day = Date("2026-04-25"); day <= Date("2026-06-30"); day = day.AddDays(1))
        {
            if (Policy.AskOn(due, day))
            {
                asked.Add(day.ToString("MM-dd", null));
            }
        }

        // Every 7 days from Wed 6 May.
        Assert.Equal(["05-06", "05-13", "05-20", "05-27", "06-03", "06-10", "06-17", "06-24"], asked);

        // Due Fri 12 June: the repeat of 19 June falls in 端午 (19–21 June) and waits for Mon 22 June; the next keeps the Friday rhythm.
        var june = Assert.Single(Policy.Due([Item("1-1-2", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-03-14")], Date("2026-07-05")));
        var days = new List<string>();
        for (var day = Date("2026-06-01"); day <= Date("2026-07-05"); day = day.AddDays(1))
        {
            if (Policy.AskOn(june, day))
            {
                days.Add(day.ToString("MM-dd", null));
            }
        }
        Assert.Equal(["06-12", "06-22", "06-26", "07-03"], days);
    }

    [Fact]
    public void The_supervising_leader_is_asked_and_the_admins_only_when_nobody_supervises_the_department()
    {
        var people = People().ToDictionary(p => p.Id);
        var office = Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", department: Office);

        Assert.True(FollowUpPolicy.IsAskedOf(office, people[LeaderLi], departmentHasLeader: true));
        Assert.False(FollowUpPolicy.IsAskedOf(office, people[LeaderWang], departmentHasLeader: true));
        Assert.False(FollowUpPolicy.IsAskedOf(office, people[AdminChen], departmentHasLeader: true));
        Assert.True(FollowUpPolicy.IsAskedOf(office, people[AdminChen], departmentHasLeader: false));
        Assert.False(FollowUpPolicy.IsAskedOf(office, people[Liu], departmentHasLeader: false));
    }

    [Fact]
    public void The_reminder_policy_plans_the_recheck_digest_for_the_leader_on_the_ask_day_only()
    {
        var follow = new FollowUpPolicy(new FollowUpOptions(), Calendar);
        var policy = new ReminderPolicy(new ReminderOptions(), Calendar, LedgerCalendar.ChinaStandardTime, follow);
        var snapshot = Snapshot() with { Rechecks = [Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-31")] };

        var walked = Walk(policy, snapshot, "2026-05-01", "2026-05-15");

        Assert.All(walked, r => Assert.Equal((LeaderLi, ReminderKind.Recheck), (r.PersonId, r.Kind)));
        Assert.Equal(["2026-05-06", "2026-05-13"], Dates(walked));
        Assert.Equal(["1-1-1"], walked[0].Items.Select(i => i.Code));
    }

    [Fact]
    public void A_leader_who_never_opened_the_bot_is_named_to_the_admins_on_the_ask_day()
    {
        var policy = new ReminderPolicy(new ReminderOptions(), Calendar, LedgerCalendar.ChinaStandardTime, Policy);
        var people = People().Select(p => p.Id == LeaderLi ? p with { HasConversationReference = false } : p).ToList();
        var snapshot = new ReminderSnapshot([], people) { Rechecks = [Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-31")] };

        var plan = policy.Plan(snapshot, At("2026-05-06 09:05"));

        var admin = Assert.Single(plan, r => r.Kind == ReminderKind.AdminRed);
        Assert.Equal(AdminChen, admin.PersonId);
        var missed = Assert.Single(admin.Unreachable, u => u.PersonId == LeaderLi);
        Assert.Equal([ReminderKind.Recheck], missed.Missed);
    }

    [Fact]
    public void When_no_supervising_leader_can_be_reached_the_admins_are_asked_the_recheck_itself()
    {
        var policy = new ReminderPolicy(new ReminderOptions(), Calendar, LedgerCalendar.ChinaStandardTime, Policy);
        var unreachable = People().Select(p => p.Id == LeaderLi ? p with { HasConversationReference = false } : p).ToList();
        var rechecks = new[]
        {
            Item("1-1-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-31"),
            Item("2-10-1", RectificationStatus.WrittenOff, "2026-01-05", writtenOff: "2026-01-31", department: Publicity),
        };

        var plan = policy.Plan(new ReminderSnapshot([], unreachable) { Rechecks = rechecks }, At("2026-05-06 09:05"));

        // 李明 (办公室) never opened the bot: 陈静 gets 办公室's 回头看 with its buttons, 王建国 keeps his own; 李明 is named too.
        var asked = plan.Where(r => r.Kind == ReminderKind.Recheck).ToDictionary(r => r.PersonId, r => r.Items.Select(i => i.Code).ToList());
        Assert.Equal([LeaderWang, AdminChen], asked.Keys.Order());
        Assert.Equal(["1-1-1"], asked[AdminChen]);
        Assert.Equal(["2-10-1"], asked[LeaderWang]);
        Assert.Contains(Assert.Single(plan, r => r.Kind == ReminderKind.AdminRed).Unreachable, u => u.PersonId == LeaderLi);

        // With a second, reachable leader of 办公室 the admins are not asked: he is.
        var covered = unreachable.Select(p => p.Id == LeaderWang ? p with { SupervisedDepartmentIds = [Publicity, Office] } : p).ToList();
        var coveredPlan = policy.Plan(new ReminderSnapshot([], covered) { Rechecks = rechecks }, At("2026-05-06 09:05"));
        Assert.DoesNotContain(coveredPlan, r => r.Kind == ReminderKind.Recheck && r.PersonId == AdminChen);
        Assert.Equal(["1-1-1", "2-10-1"], Assert.Single(coveredPlan, r => r.Kind == ReminderKind.Recheck && r.PersonId == LeaderWang).Items.Select(i => i.Code).Order());
    }

    [Theory]
    [InlineData("FollowUp:RecheckAfterDays", "0")]
    [InlineData("FollowUp:OngoingEveryMonths", "13")]
    [InlineData("FollowUp:ReopenDays", "0")]
    [InlineData("FollowUp:RepeatEveryDays", "0")]
    public void Out_of_range_follow_up_settings_are_refused_at_start(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFollowUp().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FollowUpOptions>>().Value);
        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_settings_bind()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        var options = configuration.GetSection(FollowUpOptions.Section).Get<FollowUpOptions>()!;

        Assert.Equal((90, 3, 30), (options.RecheckAfterDays, options.OngoingEveryMonths, options.ReopenDays));
    }
}
