using Dapper;
using Rectification.Data.Db;
using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Data.FollowUp;

/// <summary>
/// 回头看 in the data layer, on SQLite and PostgreSQL: what the policy is fed (write-off day, last check, the
/// inspection's own period), who may record a check, and what a relapse does to the item.
/// </summary>
public abstract class RecheckContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    private Rechecks Rechecks => new(_database.Connections, TestLedger.Calendar);

    private LedgerQueries Queries => new(_database.Connections);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<long> IdAsync(string code) => (await Queries.FindByCodeAsync(code))!.Task.Id;

    /// <summary>1-2-1 (办公室, 周涛) done and written off by 王建国 at <paramref name="at"/>.</summary>
    private async Task WriteOffAsync(TestPeople people, DateTimeOffset at)
    {
        var changes = new LedgerChanges(_database.Connections);
        var task = await IdAsync("1-2-1");
        Assert.True((await changes.RecordProgressAsync(new ProgressReport(task, people.ZhouTao.Id, 100, RectificationStatus.Done, "已完成", "chat", "w-1", at))).Succeeded);
        var request = await changes.RequestWriteOffAsync(task, people.ZhouTao.Id, "制度已印发", at);
        Assert.True((await changes.DecideWriteOffAsync(request.Id!.Value, people.WangJianguo.Id, true, null, at)).Succeeded);
    }

    [Fact]
    public async Task Candidates_carry_the_write_off_day_the_last_check_and_the_inspections_own_period()
    {
        var people = await TestLedger.LoadAsync(_database);
        await WriteOffAsync(people, TestLedger.Now.AddDays(-3));
        var inspection = Assert.Single(await Queries.InspectionsAsync()).Id;
        Assert.True((await Rechecks.SetRecheckDaysAsync(inspection, 60, Actor.System("test"), TestLedger.Now)).Succeeded);
        Assert.Equal(ChangeOutcome.NotFound, (await Rechecks.SetRecheckDaysAsync(inspection + 100, 60, Actor.System("test"), TestLedger.Now)).Outcome);
        Assert.True((await Rechecks.RecordAsync(await IdAsync("2-1-2"), people.LiMing.Id, TestLedger.Today, relapsed: false, null, null, TestLedger.Now)).Succeeded);

        var candidates = (await Rechecks.CandidatesAsync()).ToDictionary(c => c.Code);

        // Written-off and long-term items only: 2-1-1 is 长期坚持, 2-1-2 was imported written off; open items are not re-checked.
        Assert.Equal(["1-2-1", "2-1-1", "2-1-2"], candidates.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RectificationStatus.Ongoing, candidates["2-1-1"].Status);
        var approved = candidates["1-2-1"];
        Assert.Equal((RectificationStatus.WrittenOff, new DateOnly(2026, 11, 24), (DateOnly?)null, 60, people.WangJianguo.SupervisedDepartmentIds.Single()),
            (approved.Status, approved.WrittenOffOn!.Value, approved.LastCheckedOn, approved.RecheckDays!.Value, approved.LeadDepartmentId!.Value));
        var imported = candidates["2-1-2"];
        Assert.Equal(((DateOnly?)null, new DateOnly(2026, 10, 28), TestLedger.Today), (imported.WrittenOffOn, imported.CreatedOn, imported.LastCheckedOn!.Value));

        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND action = 'recheck_days'"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    [InlineData(6)]
    [InlineData(731)]
    [InlineData(int.MaxValue)]
    public async Task An_inspections_period_outside_the_range_is_refused_and_changes_nothing(int days)
    {
        await TestLedger.LoadAsync(_database);
        var inspection = Assert.Single(await Queries.InspectionsAsync()).Id;

        var result = await Rechecks.SetRecheckDaysAsync(inspection, days, Actor.System("test"), TestLedger.Now);

        Assert.Equal((ChangeOutcome.InvalidState, RecheckReasons.DaysOutOfRange), (result.Outcome, result.Reason));
        Assert.Null(await Rechecks.RecheckDaysAsync(inspection));
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND action = 'recheck_days'"));
    }

    [Fact]
    public async Task Only_an_admin_or_the_command_line_sets_an_inspections_period()
    {
        var people = await TestLedger.LoadAsync(_database);
        var inspection = Assert.Single(await Queries.InspectionsAsync()).Id;

        // The supervising leader, an officer and an unknown person id are refused; nothing is written.
        foreach (var who in new[] { people.LiMing, people.LiuYang, people.Bystander })
        {
            var refused = await Rechecks.SetRecheckDaysAsync(inspection, 30, Actor.Person(who.Id, who.Name), TestLedger.Now);
            Assert.Equal((ChangeOutcome.Forbidden, RecheckReasons.NotAdmin), (refused.Outcome, refused.Reason));
        }
        Assert.Equal(RecheckReasons.NotAdmin, (await Rechecks.SetRecheckDaysAsync(inspection, 30, Actor.Person(people.ChenJing.Id + 1000, "?"), TestLedger.Now)).Reason);
        Assert.Null(await Rechecks.RecheckDaysAsync(inspection));

        Assert.True((await Rechecks.SetRecheckDaysAsync(inspection, 30, Actor.Person(people.ChenJing.Id, people.ChenJing.Name), TestLedger.Now)).Succeeded);
        Assert.Equal(30, await Rechecks.RecheckDaysAsync(inspection));
        Assert.True((await Rechecks.SetRecheckDaysAsync(inspection, null, Actor.System("inspection recheck"), TestLedger.Now)).Succeeded);
        Assert.Null(await Rechecks.RecheckDaysAsync(inspection));
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND action = 'recheck_days'"));
    }

    [Fact]
    public async Task Only_the_supervising_leader_or_an_admin_records_a_check_and_only_of_a_closed_item()
    {
        var people = await TestLedger.LoadAsync(_database);
        var closed = await IdAsync("2-1-2");
        var now = TestLedger.Now;

        Assert.Equal(ChangeReasons.NotSupervisor, (await Rechecks.RecordAsync(closed, people.WangJianguo.Id, TestLedger.Today, false, null, null, now)).Reason);
        Assert.Equal(ChangeReasons.NotSupervisor, (await Rechecks.RecordAsync(closed, people.LiuYang.Id, TestLedger.Today, false, null, null, now)).Reason);
        Assert.Equal(RecheckReasons.NotClosed, (await Rechecks.RecordAsync(await IdAsync("1-1-1"), people.LiMing.Id, TestLedger.Today, false, null, null, now)).Reason);
        Assert.Equal(ChangeOutcome.NotFound, (await Rechecks.RecordAsync(closed + 1000, people.LiMing.Id, TestLedger.Today, false, null, null, now)).Outcome);
        // A relapse needs its reason and a deadline after today.
        Assert.Equal(RecheckReasons.ReasonAndDeadline, (await Rechecks.RecordAsync(closed, people.LiMing.Id, TestLedger.Today, true, "  ", TestLedger.Today.AddDays(30), now)).Reason);
        Assert.Equal(RecheckReasons.ReasonAndDeadline, (await Rechecks.RecordAsync(closed, people.LiMing.Id, TestLedger.Today, true, "又出现了", TestLedger.Today, now)).Reason);
        Assert.Equal(RecheckReasons.ReasonAndDeadline, (await Rechecks.RecordAsync(closed, people.LiMing.Id, TestLedger.Today, true, "又出现了", null, now)).Reason);
        Assert.Empty(await Rechecks.TotalsAsync());

        Assert.True((await Rechecks.RecordAsync(closed, people.ChenJing.Id, TestLedger.Today, false, null, null, now)).Succeeded);
        var totals = Assert.Single(await Rechecks.TotalsAsync());
        Assert.Equal((closed, RectificationStatus.WrittenOff, 1, 0), (totals.TaskId, totals.Status, totals.Consolidated, totals.Relapsed));
    }

    [Fact]
    public async Task A_recheck_answered_twice_at_once_is_recorded_once()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await IdAsync("2-1-2");
        var version = (await Queries.GetAsync(task))!.Task.Version;
        var deciders = new[] { people.LiMing.Id, people.ChenJing.Id };

        // A double click and the admin answering the same 回头看 as the leader, all at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Rechecks.RecordAsync(task, deciders[i % 2], TestLedger.Today, relapsed: false, null, null, TestLedger.Now.AddSeconds(i)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RecheckReasons.AlreadyHandled, r.Reason));
        var totals = Assert.Single(await Rechecks.TotalsAsync());
        Assert.Equal((1, 0), (totals.Consolidated, totals.Relapsed));
        Assert.Equal(version + 1, (await Queries.GetAsync(task))!.Task.Version);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'task' AND entity_id = @Task AND action = 'recheck_consolidated'", new { Task = task }));

        // The same 回头看 answered again later (an old card) is refused; the next one, due later, is recorded.
        Assert.Equal(RecheckReasons.AlreadyHandled,
            (await Rechecks.RecordAsync(task, people.LiMing.Id, TestLedger.Today, false, null, null, TestLedger.Now.AddHours(2))).Reason);
        Assert.Equal(RecheckReasons.AlreadyHandled,
            (await Rechecks.RecordAsync(task, people.LiMing.Id, TestLedger.Today, true, "又出现了", TestLedger.Today.AddDays(30), TestLedger.Now.AddHours(2))).Reason);
        var later = TestLedger.Now.AddDays(90);
        Assert.True((await Rechecks.RecordAsync(task, people.LiMing.Id, TestLedger.Calendar.Today(later), false, null, null, later)).Succeeded);
        Assert.Equal(2, Assert.Single(await Rechecks.TotalsAsync()).Consolidated);
    }

    [Fact]
    public async Task A_relapse_answered_twice_at_once_reopens_the_item_once()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await IdAsync("2-1-2");
        var version = (await Queries.GetAsync(task))!.Task.Version;
        var deciders = new[] { people.LiMing.Id, people.ChenJing.Id };

        // Relapses and a 巩固良好 racing for the same 回头看: whichever gets in first is the answer, the rest change nothing.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            Rechecks.RecordAsync(task, deciders[i % 2], TestLedger.Today, relapsed: i != 7, $"第{i}次抽查发现反弹", TestLedger.Today.AddDays(30 + i), TestLedger.Now.AddSeconds(i)))));

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.Reason, new[] { RecheckReasons.AlreadyHandled, RecheckReasons.NotClosed }));
        Assert.Equal(version + 1, (await Queries.GetAsync(task))!.Task.Version);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM rechecks WHERE task_id = @Task", new { Task = task }));
        var reopened = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM rechecks WHERE task_id = @Task AND outcome = 'relapsed'", new { Task = task });
        Assert.Equal(reopened, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM progress_updates WHERE task_id = @Task AND source = 'recheck'", new { Task = task }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'task' AND entity_id = @Task AND action IN ('recheck_reopen', 'recheck_consolidated')", new { Task = task }));
        Assert.Equal(winner.Id, await connection.ExecuteScalarAsync<long>("SELECT id FROM rechecks WHERE task_id = @Task", new { Task = task }));
    }

    [Fact]
    public async Task A_relapse_reopens_the_item_with_its_reason_and_deadline_and_is_audited()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await IdAsync("2-1-2");
        var before = (await Queries.GetAsync(task))!;

        var result = await Rechecks.RecordAsync(task, people.LiMing.Id, TestLedger.Today, true, " 抽查发现台账未更新 ", new DateOnly(2026, 12, 31), TestLedger.Now);

        Assert.True(result.Succeeded);
        var after = (await Queries.GetAsync(task))!;
        Assert.Equal((RectificationStatus.InProgress, 0, (DateOnly?)new DateOnly(2026, 12, 31), "抽查发现台账未更新", before.Task.Version + 1),
            (after.Task.Status, after.Task.Percent, after.Task.DueDate, after.ProgressNote, after.Task.Version));
        Assert.Contains(after.Progress, p => p.Note == "抽查发现台账未更新" && p.Status == RectificationStatus.InProgress);
        Assert.DoesNotContain(await Rechecks.CandidatesAsync(), c => c.TaskId == task);
        var totals = Assert.Single(await Rechecks.TotalsAsync());
        Assert.Equal((RectificationStatus.InProgress, 0, 1), (totals.Status, totals.Consolidated, totals.Relapsed));
        Assert.Contains(task, await Rechecks.OfficerTaskIdsAsync(people.LiuYang.Id));
        Assert.DoesNotContain(task, await Rechecks.OfficerTaskIdsAsync(people.SunLi.Id));

        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Outcome, string PreviousStatus, string Reason, long CheckedBy)>(
            "SELECT outcome AS Outcome, previous_status AS PreviousStatus, reason AS Reason, checked_by AS CheckedBy FROM rechecks WHERE task_id = @Task", new { Task = task });
        Assert.Equal(("relapsed", "written_off", "抽查发现台账未更新", people.LiMing.Id), row);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'task' AND entity_id = @Task AND action = 'recheck_reopen' AND actor_id = @Actor", new { Task = task, Actor = people.LiMing.Id }));

        // Reopened, it is no longer closed: a second relapse on the same (old) card is refused.
        Assert.Equal(RecheckReasons.NotClosed, (await Rechecks.RecordAsync(task, people.LiMing.Id, TestLedger.Today, true, "再次", new DateOnly(2027, 1, 31), TestLedger.Now)).Reason);
    }
}

public sealed class SqliteRecheckContractTests : RecheckContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRecheckContractTests : RecheckContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
