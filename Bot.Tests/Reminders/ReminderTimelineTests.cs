using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Tests.Data;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>
/// Sixty days, 14 September to 12 November 2026, through the whole pipeline: ledger database → snapshot → policy →
/// outbox → channel, the scheduler ticking at 08:00, 09:05, 13:00 and 20:00 every day on a fake clock. The window
/// holds 中秋 (25–27 Sep), 国庆 (1–7 Oct) and their make-up Sunday 20 Sep and Saturday 10 Oct.
/// </summary>
public abstract class ReminderTimelineTests : IAsyncLifetime
{
    private static readonly string[] TickTimes = ["08:00", "09:05", "13:00", "20:00"];

    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private sealed record Cast(long Liu, long Sun, long Zhou, long Ma, long LiMing, long Wang, long Chen, long A, long B, long C);

    [Fact]
    public async Task Sixty_days_send_exactly_the_expected_digests_to_the_expected_people()
    {
        var (received, cast, pipeline) = await RunAsync(restartEvery: null);
        await using (pipeline)
        {
            Assert.Equal(Expected(cast), received);
            await AssertAfterwardsAsync(pipeline, cast);
        }
    }

    [Fact]
    public async Task Restarting_in_the_middle_of_the_timeline_neither_repeats_nor_loses_a_digest()
    {
        // Restarts after every tick on some days, between the planning tick and the afternoon on others.
        var (received, cast, pipeline) = await RunAsync(restartEvery: 3);
        await using (pipeline)
        {
            Assert.Equal(Expected(cast), received);
            await AssertAfterwardsAsync(pipeline, cast);
        }
    }

    private static async Task AssertAfterwardsAsync(ReminderPipeline pipeline, Cast cast)
    {
        var rows = await pipeline.Get<ReminderOutbox>().ListAsync();
        // 孙丽's 13 October digest was planned, put off, and cancelled once its only item was written off.
        var cancelled = Assert.Single(rows, r => r.State == OutboxState.Cancelled);
        Assert.Equal(($"{cast.Sun}/due_soon/2026-10-13", "nothing left to remind"), (cancelled.SlotKey, cancelled.LastError));
        Assert.All(rows.Where(r => r != cancelled), r => Assert.Equal((OutboxState.Sent, 1), (r.State, r.Attempts)));

        // 马超 never opened the bot: the admin's digest names him on each day he had something.
        var admin = pipeline.Channel.Received.Where(r => r.PersonId == cast.Chen).ToList();
        Assert.Equal(["2026-09-28", "2026-10-12", "2026-10-26", "2026-11-03", "2026-11-06", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"],
            admin.Where(r => r.Json.Contains("马超", StringComparison.Ordinal)).Select(r => r.At.Day()));
        Assert.All(pipeline.Channel.Received, r => Assert.Equal("09:05", TimeZoneInfo.ConvertTime(r.At, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("HH:mm", null)));
    }

    private static List<string> Expected(Cast c)
    {
        var expected = new List<string>();
        void Add(string day, long person, ReminderKind kind, params string[] codes) =>
            expected.Add($"{day} {person} {kind.ToCode()} {string.Join(",", codes)}");
        IEnumerable<string> WorkingDays(string from, string to)
        {
            for (var d = Date(from); d <= Date(to); d = d.AddDays(1))
            {
                if (Calendar.IsWorkingDay(d))
                {
                    yield return d.ToString("yyyy-MM-dd", null);
                }
            }
        }

        // A, 1-1-1, 刘洋, due Wed 30 Sep. 7 days before is 23 Sep; 3 days before is 中秋's Sunday, moved back to Thu 24 Sep.
        Add("2026-09-23", c.Liu, ReminderKind.DueSoon, "1-1-1");
        Add("2026-09-24", c.Liu, ReminderKind.DueSoon, "1-1-1");
        Add("2026-09-29", c.Liu, ReminderKind.DueSoon, "1-1-1");
        Add("2026-09-30", c.Liu, ReminderKind.DueToday, "1-1-1");
        // Overdue from the first working day after 国庆, make-up Saturday 10 Oct included; snoozed 13–15 Oct.
        foreach (var day in WorkingDays("2026-10-08", "2026-11-12").Except(["2026-10-13", "2026-10-14", "2026-10-15"]))
        {
            Add(day, c.Liu, ReminderKind.Overdue, "1-1-1");
        }
        // Yellow to 李明 from the third working day overdue (Sat 10 Oct), red to 陈静 from the tenth (Tue 20 Oct).
        foreach (var day in WorkingDays("2026-10-10", "2026-11-12"))
        {
            Add(day, c.LiMing, ReminderKind.LeaderYellow, "1-1-1");
        }
        foreach (var day in WorkingDays("2026-10-20", "2026-11-12"))
        {
            Add(day, c.Chen, ReminderKind.AdminRed, "1-1-1");
        }
        // Before red starts, the admin's digest only names 马超 (unreachable), on the days he has something.
        Add("2026-09-28", c.Chen, ReminderKind.AdminRed);
        Add("2026-10-12", c.Chen, ReminderKind.AdminRed);

        // B, 1-1-2, 孙丽, due Fri 16 Oct, no progress since it entered the ledger on 14 Sep: stale on 28 Sep and 12 Oct.
        // Her 13 Oct digest is put off, B is written off that morning, and nothing more comes.
        Add("2026-09-28", c.Sun, ReminderKind.Stale, "1-1-2");
        Add("2026-10-09", c.Sun, ReminderKind.DueSoon, "1-1-2");
        Add("2026-10-12", c.Sun, ReminderKind.Stale, "1-1-2");

        // C, 1-2-1, 周涛, due Fri 9 Oct: 7 and 3 days before both fall in 国庆, so 30 Sep lists it once; 1 day before is
        // 8 Oct. Extended that morning to 20 Nov, so no due-today on 9 Oct; stale every 14 days from 14 Sep.
        Add("2026-09-28", c.Zhou, ReminderKind.Stale, "1-2-1");
        Add("2026-09-30", c.Zhou, ReminderKind.DueSoon, "1-2-1");
        Add("2026-10-08", c.Zhou, ReminderKind.DueSoon, "1-2-1");
        Add("2026-10-12", c.Zhou, ReminderKind.Stale, "1-2-1");
        Add("2026-10-26", c.Zhou, ReminderKind.Stale, "1-2-1");
        Add("2026-11-09", c.Zhou, ReminderKind.Stale, "1-2-1");
        // D, 2-1-1, 周涛, 长期坚持: the first working day of October (after 国庆) and of November (Mon 2 Nov).
        Add("2026-10-08", c.Zhou, ReminderKind.OngoingCheckIn, "2-1-1");
        Add("2026-11-02", c.Zhou, ReminderKind.OngoingCheckIn, "2-1-1");

        return [.. expected.Order(StringComparer.Ordinal)];
    }

    private async Task<(List<string> Received, Cast Cast, ReminderPipeline Pipeline)> RunAsync(int? restartEvery)
    {
        var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-09-14 07:00"));
        var cast = await LoadAsync(pipeline);
        var changes = new LedgerChanges(_database.Connections);
        var ticks = 0;
        for (var day = Date("2026-09-14"); day <= Date("2026-11-12"); day = day.AddDays(1))
        {
            foreach (var time in TickTimes)
            {
                var at = At($"{day:yyyy-MM-dd} {time}");
                if (day == Date("2026-10-13") && time == "09:05")
                {
                    // The send is put off (say the host was stopping): the row stays pending.
                    pipeline.Channel.NextResult[cast.Sun] = new DeliveryResult(DeliveryOutcome.Deferred);
                }
                await pipeline.TickAtAsync(at);
                if (restartEvery is { } every && ++ticks % every == 0)
                {
                    await pipeline.RestartAsync();
                }
                if (time == "09:05")
                {
                    await ActAsync(pipeline, changes, cast, day, at.AddMinutes(30));
                }
            }
        }
        var received = pipeline.Channel.Received.Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
        return (received, cast, pipeline);
    }

    /// <summary>What people do during the timeline, in the morning after the digests went out.</summary>
    private static async Task ActAsync(ReminderPipeline pipeline, LedgerChanges changes, Cast cast, DateOnly day, DateTimeOffset at)
    {
        switch (day.ToString("yyyy-MM-dd", null))
        {
            case "2026-09-21":
                // Progress on A: no stale nudge for it after this.
                Assert.True((await changes.RecordProgressAsync(new ProgressReport(cast.A, cast.Liu, 30, null, "已起草方案", "chat", "a-1", at))).Succeeded);
                break;
            case "2026-10-08":
                var extension = await changes.RequestExtensionAsync(cast.C, cast.Zhou, Date("2026-11-20"), "需配合上级部署", day, at);
                Assert.True(extension.Succeeded);
                Assert.True((await changes.DecideExtensionAsync(extension.Id!.Value, cast.Wang, true, null, at)).Succeeded);
                break;
            case "2026-10-12":
                var digest = pipeline.Channel.Received.Single(r => r.PersonId == cast.Liu && r.At.Day() == "2026-10-12");
                var person = (await new PeopleRepository(pipeline.Database.Connections, TimeProvider.System).GetAsync(cast.Liu))!;
                var replies = await pipeline.Get<ReminderActions>().HandleAsync(person,
                    new CardSubmit(ReminderActions.SnoozeAction, new Dictionary<string, string> { ["days"] = "3", ["slot"] = digest.SlotKey }), at, UiText.ZhCn, CancellationToken.None);
                Assert.Equal("好的，接下来 3 天不再提醒您，2026年10月16日起恢复。", Assert.IsType<Reply.Text>(Assert.Single(replies)).Value);
                break;
            case "2026-10-13":
                Assert.True((await changes.RecordProgressAsync(new ProgressReport(cast.B, cast.Sun, 100, RectificationStatus.Done, "已完成", "chat", "b-1", at))).Succeeded);
                var writeOff = await changes.RequestWriteOffAsync(cast.B, cast.Sun, "制度文件已印发", at);
                Assert.True(writeOff.Succeeded);
                Assert.True((await changes.DecideWriteOffAsync(writeOff.Id!.Value, cast.LiMing, true, null, at)).Succeeded);
                break;
        }
    }

    private async Task<Cast> LoadAsync(ReminderPipeline pipeline)
    {
        var draft = new LedgerDraft(
            new InspectionDraft("时间线巡察", "测试单位", "第一巡察组", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 10)),
            [
                TestLedger.Task(2, "1-1-1", "方面一", "问题一", "措施A", "李明", "民族宗教科", ["刘洋"], TimeLimit.On(Date("2026-09-30"))),
                TestLedger.Task(3, "1-1-2", "方面一", "问题一", "措施B", "李明", "宣传教育科", ["孙丽"], TimeLimit.On(Date("2026-10-16"))),
                TestLedger.Task(4, "1-2-1", "方面一", "问题二", "措施C", "王建国", "办公室", ["周涛"], TimeLimit.On(Date("2026-10-09"))),
                TestLedger.Task(5, "2-1-1", "方面二", "问题三", "措施D", "王建国", "办公室", ["周涛"], TimeLimit.Ongoing, text: "长期坚持"),
                TestLedger.Task(6, "2-1-2", "方面二", "问题三", "措施E", "赵志刚", "经济联络科", ["马超"], TimeLimit.On(Date("2026-11-10"))),
            ]);
        var start = At("2026-09-14 08:00");
        await TestLedger.WriteReachableAsync(_database, draft, start, "刘洋", "孙丽", "周涛", "李明", "王建国", "陈静");
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        async Task<long> Id(string name) => (await people.FindByNameAsync(name)).Single().Id;
        var queries = new LedgerQueries(_database.Connections);
        async Task<long> Task(string code) => (await queries.FindByCodeAsync(code))!.Task.Id;
        return new Cast(await Id("刘洋"), await Id("孙丽"), await Id("周涛"), await Id("马超"), await Id("李明"), await Id("王建国"), await Id("陈静"),
            await Task("1-1-1"), await Task("1-1-2"), await Task("1-2-1"));
    }
}

public sealed class SqliteReminderTimelineTests : ReminderTimelineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReminderTimelineTests : ReminderTimelineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
