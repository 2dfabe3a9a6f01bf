using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Tests.Data;

/// <summary>What chat adds to the ledger's contract: 催办 once a day, 撤回 of a progress update, one welcome per user.</summary>
public abstract class ChatChangesContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    private LedgerQueries Queries => new(_database.Connections);

    private LedgerChanges Changes => new(_database.Connections);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<TaskDetail> TaskAsync(string code) => (await Queries.FindByCodeAsync(code))!;

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync(string entity, long id)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return await AuditLog.ReadAsync(connection, entity, id, CancellationToken.None);
    }

    [Fact]
    public async Task A_task_is_urged_once_a_day_whoever_asks_and_each_urge_is_audited()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");

        var first = await Changes.RecordUrgeAsync(task.Task.Id, people.LiMing.Id, TestLedger.Today, TestLedger.Now);
        var again = await Changes.RecordUrgeAsync(task.Task.Id, people.ChenJing.Id, TestLedger.Today, TestLedger.Now.AddHours(2));
        var tomorrow = await Changes.RecordUrgeAsync(task.Task.Id, people.LiMing.Id, TestLedger.Today.AddDays(1), TestLedger.Now.AddDays(1));

        Assert.Equal((ChangeOutcome.Done, ChangeOutcome.Duplicate, ChangeOutcome.Done), (first.Outcome, again.Outcome, tomorrow.Outcome));
        var urges = (await AuditAsync("task", task.Task.Id)).Where(a => a.Action == "urge").ToList();
        Assert.Equal([people.LiMing.Id, people.LiMing.Id], urges.Select(u => u.ActorId!.Value));
        Assert.Contains("刘洋", urges[0].AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_supervising_leader_or_admin_may_urge_and_never_a_finished_task()
    {
        var people = await TestLedger.LoadAsync(_database);

        var otherLeader = await Changes.RecordUrgeAsync((await TaskAsync("1-1-1")).Task.Id, people.WangJianguo.Id, TestLedger.Today, TestLedger.Now);
        var officer = await Changes.RecordUrgeAsync((await TaskAsync("1-1-1")).Task.Id, people.LiuYang.Id, TestLedger.Today, TestLedger.Now);
        var writtenOff = await Changes.RecordUrgeAsync((await TaskAsync("2-1-2")).Task.Id, people.ChenJing.Id, TestLedger.Today, TestLedger.Now);

        Assert.Equal((ChangeOutcome.Forbidden, ChangeOutcome.Forbidden, ChangeOutcome.InvalidState), (otherLeader.Outcome, officer.Outcome, writtenOff.Outcome));
    }

    [Fact]
    public async Task Withdrawing_restores_the_task_keeps_the_update_and_audits_it()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 40, null, "第一次", "chat", "k1", TestLedger.Now.AddHours(-3)));
        var before = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 100, RectificationStatus.Done, "写错了", "chat", "k2", TestLedger.Now.AddMinutes(-10)));

        var result = await Changes.WithdrawLastProgressAsync(people.LiuYang.Id, TestLedger.Now.AddMinutes(-30), TestLedger.Now);

        Assert.Equal(ChangeOutcome.Done, result.Outcome);
        var after = await TaskAsync("1-1-1");
        Assert.Equal((40, RectificationStatus.InProgress, "第一次"), (after.Task.Percent, after.Task.Status, after.ProgressNote));
        Assert.Equal(before.Task.LastProgressAt, after.Task.LastProgressAt);
        Assert.DoesNotContain(after.Progress, p => p.Note == "写错了");
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM progress_updates WHERE note = '写错了'"));
        Assert.Contains(await AuditAsync("progress", result.Id!.Value), a => a.Action == "withdrawn" && a.ActorId == people.LiuYang.Id);
        Assert.Contains(await AuditAsync("task", task.Task.Id), a => a.Action == "progress_withdrawn");
    }

    [Fact]
    public async Task An_update_cannot_be_withdrawn_after_the_window_or_once_someone_reported_after_it()
    {
        var people = await TestLedger.LoadAsync(_database);
        var shared = await TaskAsync("1-1-2");
        await Changes.RecordProgressAsync(new ProgressReport(shared.Task.Id, people.LiuYang.Id, 30, null, "刘洋的", "chat", "k1", TestLedger.Now.AddMinutes(-40)));

        var late = await Changes.WithdrawLastProgressAsync(people.LiuYang.Id, TestLedger.Now.AddMinutes(-30), TestLedger.Now);
        await Changes.RecordProgressAsync(new ProgressReport(shared.Task.Id, people.LiuYang.Id, 50, null, "刘洋第二次", "chat", "k2", TestLedger.Now.AddMinutes(-5)));
        await Changes.RecordProgressAsync(new ProgressReport(shared.Task.Id, people.SunLi.Id, 60, null, "孙丽之后", "chat", "k3", TestLedger.Now.AddMinutes(-2)));
        var overtaken = await Changes.WithdrawLastProgressAsync(people.LiuYang.Id, TestLedger.Now.AddMinutes(-30), TestLedger.Now);
        var nothing = await Changes.WithdrawLastProgressAsync(people.ZhouTao.Id, TestLedger.Now.AddMinutes(-30), TestLedger.Now);

        Assert.Equal(ChangeReasons.TooLate, late.Reason);
        Assert.Equal(ChangeReasons.ChangedSince, overtaken.Reason);
        Assert.Equal(ChangeReasons.NothingToWithdraw, nothing.Reason);
        Assert.Equal(60, (await TaskAsync("1-1-2")).Task.Percent);
    }

    [Fact]
    public async Task Of_many_simultaneous_welcome_claims_for_one_user_exactly_one_wins()
    {
        var references = new ConversationReferences(_database.Connections);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => references.ClaimWelcomeAsync("user-1", "conversation-1", TestLedger.Now))));
        var elsewhere = await references.ClaimWelcomeAsync("user-1", "conversation-2", TestLedger.Now);

        Assert.Single(claims, c => c);
        Assert.True(elsewhere);
    }
}

public sealed class SqliteChatChangesContractTests : ChatChangesContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresChatChangesContractTests : ChatChangesContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
