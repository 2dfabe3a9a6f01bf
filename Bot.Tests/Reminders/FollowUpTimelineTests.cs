using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Bot.Report;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Tests.Data;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>
/// 回头看 through the whole pipeline, 5 January to 10 July 2026, the scheduler ticking at 09:05 every day on a fake
/// clock: written-off items come back 90 days after their write-off, the long-term item every quarter, each on a
/// working day (清明 and 劳动节 move them); the supervising leader answers on the digest's own buttons; a relapse
/// reopens the item, tells its officer, and the item is reminded and overdue again like any open item.
/// </summary>
public abstract class FollowUpTimelineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private sealed record Cast(long Liu, long Sun, long Zhou, long LiMing, long Wang, long Chen, long A, long B, long C);

    [Fact]
    public async Task Closed_items_come_back_on_schedule_and_a_relapse_reopens_and_counts()
    {
        await using var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-01-05 07:00"));
        var cast = await LoadAsync();
        var changes = new LedgerChanges(_database.Connections);
        var responses = new Dictionary<string, ChatResponse>();
        for (var day = Date("2026-01-05"); day <= Date("2026-07-10"); day = day.AddDays(1))
        {
            var at = At($"{day:yyyy-MM-dd} 09:05");
            await pipeline.TickAtAsync(at);
            await ActAsync(pipeline, changes, cast, day, at.AddMinutes(30), responses);
        }

        var rechecks = pipeline.Channel.Received.Where(r => r.Slot.Kind == ReminderKind.Recheck).Select(r => r.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            // 2-1-1, 长期坚持 since 5 Jan: a quarter later is 5 Apr, in 清明, so Tue 7 Apr; held, so again on Tue 7 Jul.
            $"2026-04-07 {cast.Wang} recheck 2-1-1",
            // 1-1-1, written off Tue 20 Jan: 90 days is Mon 20 Apr; not answered, so asked again a week later.
            $"2026-04-20 {cast.LiMing} recheck 1-1-1",
            $"2026-04-27 {cast.LiMing} recheck 1-1-1",
            // 1-1-2, written off Tue 3 Feb: 90 days is 4 May, in 劳动节, so Wed 6 May.
            $"2026-05-06 {cast.LiMing} recheck 1-1-2",
            $"2026-07-07 {cast.Wang} recheck 2-1-1",
        ], rechecks);

        // The relapse: the leader was told the officer knows, the officer got the notice and the reopened task.
        var reopened = responses["2026-05-06"];
        Assert.Equal("任务 1-1-2 已重新打开整改，整改时限为2026年5月20日，已通知孙丽。", Assert.IsType<Reply.Text>(Assert.Single(reopened.Replies)).Value);
        Assert.All(reopened.Notifications, n => Assert.Equal(cast.Sun, n.PersonId));
        Assert.Equal("李明回头看时发现任务 1-1-2（措施B）出现反弹：抽查发现宣传栏内容未及时更新。该任务已重新打开，请于2026年5月20日前完成整改并报告进展。",
            Assert.IsType<Reply.Text>(reopened.Notifications[0].Reply).Value);
        Assert.IsType<Reply.Card>(reopened.Notifications[1].Reply);
        Assert.Equal("已记录：任务 1-1-1 回头看巩固良好。下次回头看时间为2026年7月26日。", Assert.IsType<Reply.Text>(Assert.Single(responses["2026-04-27"].Replies)).Value);

        // Reopened, 1-1-2 is an open item again: reminded before its new deadline, overdue from the day after.
        var sun = pipeline.Channel.Received.Where(r => r.PersonId == cast.Sun && r.Codes.Contains("1-1-2") && r.At > At("2026-05-06 00:00"))
            .Select(r => $"{r.Slot.Date:MM-dd} {r.Slot.Kind.ToCode()}").Order(StringComparer.Ordinal).ToList();
        // The reopening counts as its last progress: two weeks later, with nothing reported, it is stale too.
        Assert.Equal(["05-13 due_soon", "05-15 due_soon", "05-19 due_soon", "05-20 due_today", "05-20 stale", "05-21 overdue"], sun.Take(6));
        Assert.Contains("07-10 overdue", sun);

        var task = (await new LedgerQueries(_database.Connections).GetAsync(cast.B))!;
        Assert.Equal((RectificationStatus.InProgress, Date("2026-05-20"), "抽查发现宣传栏内容未及时更新"), (task.Task.Status, task.Task.DueDate, task.ProgressNote));
        await using (var connection = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            var actions = await connection.QueryAsync<(string Action, long? ActorId)>(
                "SELECT action AS Action, actor_id AS ActorId FROM audit_log WHERE entity = 'task' AND action LIKE 'recheck%' ORDER BY id");
            Assert.Equal([("recheck_consolidated", cast.Wang), ("recheck_consolidated", cast.LiMing), ("recheck_reopen", cast.LiMing)], actions);
        }

        // The report's 回头看 paragraph and the summary count the checks and the relapse.
        var inspection = Assert.Single(await new LedgerQueries(_database.Connections).InspectionsAsync());
        var input = await pipeline.Get<ReportDrafter>().GatherAsync(UiText.ZhCn, inspection, Date("2026-07-10"), At("2026-07-10 12:00"), charts: false, CancellationToken.None);
        var paragraph = RectificationReport.Build(UiText.ZhCn, input).Blocks.OfType<ReportBlock.Paragraph>().Single(p => p.Text.Contains("项次巩固良好", StringComparison.Ordinal));
        Assert.Contains("开展“回头看”3项次，2项次巩固良好，1项出现反弹", paragraph.Text, StringComparison.Ordinal);
        Assert.Contains("措施B（抽查发现宣传栏内容未及时更新，整改时限2026年5月20日）", paragraph.Text, StringComparison.Ordinal);
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        var followUp = pipeline.Get<FollowUpActions>();
        Assert.Equal("回头看：已开展 3 项次，2 项次巩固良好；1 项出现反弹已重新整改，其中 1 项仍在整改。",
            Assert.IsType<Reply.Text>(Assert.Single(await followUp.SummaryAsync(UiText.ZhCn, (await people.GetAsync(cast.Chen))!, CancellationToken.None))).Value);
        Assert.Equal("回头看：已开展 1 项次，均巩固良好。",
            Assert.IsType<Reply.Text>(Assert.Single(await followUp.SummaryAsync(UiText.ZhCn, (await people.GetAsync(cast.Wang))!, CancellationToken.None))).Value);
    }

    [Fact]
    public async Task Reminders_preview_lists_the_rechecks_waiting_for_an_answer()
    {
        await using var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-01-05 07:00"));
        var cast = await LoadAsync();
        var changes = new LedgerChanges(_database.Connections);
        await ActAsync(pipeline, changes, cast, Date("2026-01-20"), At("2026-01-20 10:00"), []);

        // Fri 24 Apr: 1-1-1 was asked on Monday and not answered; no digest today, but the preview names it.
        using var output = new StringWriter();
        var exit = await Bot.Cli.CommandLine.RunAsync(["reminders", "preview", "--at", "2026-04-24T10:00:00+08:00", "--lang", "zh-CN"], output,
            s => s.Configure<DatabaseOptions>(o =>
            {
                o.Provider = _database.Options.Provider;
                o.ConnectionString = _database.Options.ConnectionString;
            }));
        Assert.Equal(0, exit);
        Assert.True(output.ToString().Contains("待回头看 2 项：2-1-1（2026-04-05 起，王建国）；1-1-1（2026-04-20 起，李明）", StringComparison.Ordinal), output.ToString());
    }

    [Fact]
    public async Task A_recheck_digest_answered_before_it_goes_out_is_cancelled_not_sent()
    {
        await using var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-04-07 07:00"));
        var cast = await LoadAsync(At("2026-01-05 08:00"));
        pipeline.Channel.NextResult[cast.Wang] = new DeliveryResult(Bot.Teams.DeliveryOutcome.Deferred);
        await pipeline.TickAtAsync(At("2026-04-07 09:05"));
        Assert.DoesNotContain(pipeline.Channel.Received, r => r.PersonId == cast.Wang);

        // 王建国 answers from the 回头看 list in chat meanwhile.
        var wang = (await new PeopleRepository(_database.Connections, TimeProvider.System).GetAsync(cast.Wang))!;
        var followUp = pipeline.Get<FollowUpActions>();
        var list = Assert.IsType<Reply.Card>(await followUp.ListAsync(UiText.ZhCn, wang, Date("2026-04-07"), CancellationToken.None));
        var answer = await followUp.HandleAsync(UiText.ZhCn, wang, new CardSubmit(FollowUpCards.ConsolidatedAction, Button(list.Json, FollowUpCards.ConsolidatedAction, "2-1-1")),
            At("2026-04-07 09:30"), CancellationToken.None);
        Assert.Contains("巩固良好", Assert.IsType<Reply.Text>(Assert.Single(answer.Replies)).Value, StringComparison.Ordinal);

        await pipeline.TickAtAsync(At("2026-04-07 09:35"));

        Assert.DoesNotContain(pipeline.Channel.Received, r => r.PersonId == cast.Wang);
        var row = Assert.Single(await pipeline.Get<Rectification.Data.Reminders.ReminderOutbox>().ListAsync(), r => r.SlotKey == $"{cast.Wang}/recheck/2026-04-07");
        Assert.Equal((Rectification.Data.Reminders.OutboxState.Cancelled, "nothing left to remind"), (row.State, row.LastError));
    }

    /// <summary>What people do after the morning's digests: write-offs early in the year, then the answers to the 回头看 cards.</summary>
    private async Task ActAsync(ReminderPipeline pipeline, LedgerChanges changes, Cast cast, DateOnly day, DateTimeOffset at, Dictionary<string, ChatResponse> responses)
    {
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        var followUp = pipeline.Get<FollowUpActions>();
        async Task WriteOffAsync(long task, long officer, string key)
        {
            Assert.True((await changes.RecordProgressAsync(new ProgressReport(task, officer, 100, RectificationStatus.Done, "已完成", "chat", key, at))).Succeeded);
            var request = await changes.RequestWriteOffAsync(task, officer, "已完成整改", at);
            Assert.True(request.Succeeded);
            Assert.True((await changes.DecideWriteOffAsync(request.Id!.Value, cast.LiMing, true, null, at)).Succeeded);
        }
        async Task<ChatResponse> PressAsync(long person, string action, string code, Dictionary<string, string>? inputs = null)
        {
            var digest = pipeline.Channel.Received.Single(r => r.PersonId == person && r.Slot.Kind == ReminderKind.Recheck && r.Slot.Date == day);
            var data = Button(digest.Json, action, code);
            foreach (var (key, value) in inputs ?? [])
            {
                data[key] = value;
            }
            return await followUp.HandleAsync(UiText.ZhCn, (await people.GetAsync(person))!, new CardSubmit(action, data), at, CancellationToken.None);
        }
        switch (day.ToString("yyyy-MM-dd", null))
        {
            case "2026-01-20":
                await WriteOffAsync(cast.A, cast.Liu, "a-done");
                break;
            case "2026-02-03":
                await WriteOffAsync(cast.B, cast.Sun, "b-done");
                break;
            case "2026-04-07":
                responses["2026-04-07"] = await PressAsync(cast.Wang, FollowUpCards.ConsolidatedAction, "2-1-1");
                break;
            case "2026-04-27":
                responses["2026-04-27"] = await PressAsync(cast.LiMing, FollowUpCards.ConsolidatedAction, "1-1-1");
                // The same button pressed again (or the 20 April card's): already answered, nothing recorded twice.
                Assert.Equal("任务 1-1-1 的这次回头看已经处理过或情况已变化，请发送“回头看”查看最新清单。",
                    Assert.IsType<Reply.Text>(Assert.Single((await PressAsync(cast.LiMing, FollowUpCards.ConsolidatedAction, "1-1-1")).Replies)).Value);
                break;
            case "2026-05-06":
                // 王建国 does not supervise 宣传教育科: refused, nothing changes.
                var digest = pipeline.Channel.Received.Single(r => r.PersonId == cast.LiMing && r.Slot.Kind == ReminderKind.Recheck && r.Slot.Date == day);
                var foreign = await followUp.HandleAsync(UiText.ZhCn, (await people.GetAsync(cast.Wang))!,
                    new CardSubmit(FollowUpCards.RelapsedAction, Button(digest.Json, FollowUpCards.RelapsedAction, "1-1-2")), at, CancellationToken.None);
                Assert.Contains("不在您的分管范围内", Assert.IsType<Reply.Text>(Assert.Single(foreign.Replies)).Value, StringComparison.Ordinal);
                // 出现反弹 asks for the reason and the deadline on a card of its own.
                var form = Assert.IsType<Reply.Card>(Assert.Single((await PressAsync(cast.LiMing, FollowUpCards.RelapsedAction, "1-1-2")).Replies));
                Assert.Contains("\"2026-06-05\"", form.Json, StringComparison.Ordinal);
                var reopen = Button(form.Json, FollowUpCards.ReopenAction, "1-1-2");
                var leader = (await people.GetAsync(cast.LiMing))!;
                var empty = await followUp.HandleAsync(UiText.ZhCn, leader, new CardSubmit(FollowUpCards.ReopenAction, reopen), at, CancellationToken.None);
                Assert.Equal(UiText.ZhCn.FollowUpReasonMissing, Assert.IsType<Reply.Text>(Assert.Single(empty.Replies)).Value);
                reopen["reason"] = "抽查发现宣传栏内容未及时更新";
                reopen["deadline"] = "2026-05-20";
                responses["2026-05-06"] = await followUp.HandleAsync(UiText.ZhCn, leader, new CardSubmit(FollowUpCards.ReopenAction, reopen), at, CancellationToken.None);
                break;
        }
    }

    private static Dictionary<string, string> Button(string json, string action, string code) =>
        JsonNode.Parse(json)!.AsObject().Descendants()
            .Where(n => n["type"]?.GetValue<string>() == "Action.Submit")
            .Select(n => n["data"]!.AsObject())
            .Single(d => d["action"]!.GetValue<string>() == action && d["code"]?.GetValue<string>() == code)
            .Where(p => p.Key != "action")
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    private async Task<Cast> LoadAsync(DateTimeOffset? loadedAt = null)
    {
        var draft = new LedgerDraft(
            new InspectionDraft("回头看时间线巡察", "测试单位", "第二巡察组", new DateOnly(2025, 9, 1), new DateOnly(2025, 10, 31), new DateOnly(2025, 12, 10)),
            [
                TestLedger.Task(2, "1-1-1", "方面一", "问题一", "措施A", "李明", "民族宗教科", ["刘洋"], TimeLimit.On(Date("2026-01-30"))),
                TestLedger.Task(3, "1-1-2", "方面一", "问题一", "措施B", "李明", "宣传教育科", ["孙丽"], TimeLimit.On(Date("2026-02-27"))),
                TestLedger.Task(4, "2-1-1", "方面二", "问题二", "措施C", "王建国", "办公室", ["周涛"], TimeLimit.Ongoing, text: "长期坚持",
                    status: RectificationStatus.Ongoing),
            ]);
        var start = loadedAt ?? At("2026-01-05 08:00");
        await TestLedger.WriteReachableAsync(_database, draft, start, "刘洋", "孙丽", "周涛", "李明", "王建国", "陈静");
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        async Task<long> Id(string name) => (await people.FindByNameAsync(name)).Single().Id;
        var queries = new LedgerQueries(_database.Connections);
        async Task<long> Task(string code) => (await queries.FindByCodeAsync(code))!.Task.Id;
        return new Cast(await Id("刘洋"), await Id("孙丽"), await Id("周涛"), await Id("李明"), await Id("王建国"), await Id("陈静"),
            await Task("1-1-1"), await Task("1-1-2"), await Task("2-1-1"));
    }
}

public sealed class SqliteFollowUpTimelineTests : FollowUpTimelineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresFollowUpTimelineTests : FollowUpTimelineTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
