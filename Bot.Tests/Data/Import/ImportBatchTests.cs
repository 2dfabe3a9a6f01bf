using Dapper;
using Microsoft.Extensions.Time.Testing;
using Rectification.Bot.Cli;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.Reminders;

namespace Rectification.Tests.Data.Import;

/// <summary>
/// A new inspection imported on SQLite is committed in short batches, so chat writes get the lock between them, and yet
/// nobody sees it until the last batch: lists, figures, codes, the inspections and the reminders' snapshot all skip a
/// half-written sheet, and a failure halfway takes the committed part out again.
/// </summary>
public sealed class ImportBatchTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestPeople _people = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _people = await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestLedger.Now.UtcDateTime);

    private const int Rows = 40;

    private LedgerQueries Queries => new(_database.Connections);

    /// <summary>What a person or the reminders could see of the ledger at one moment.</summary>
    private async Task<(int Listed, int Overdue, int Figures, int Inspections, int Remindable, bool CodeFound)> SeenAsync(TaskDraft first)
    {
        var listed = await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, Today, 0, 1);
        var overdue = await Queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, Today, 0, 1);
        var figures = await Queries.FiguresAsync(TaskScope.Everything, Today);
        var inspections = await Queries.InspectionsAsync();
        var snapshot = await new ReminderSnapshotQueries(_database.Connections).ReadAsync(Today);
        // The test ledger uses the same codes: the newest inspection's task wins a code once it is seen.
        var found = await Queries.FindByCodeAsync(first.Code);
        return (listed.Total, overdue.Total, figures.Sum(f => f.Total), inspections.Count, snapshot.Tasks.Count, found?.Task.Measure == first.Measure);
    }

    private Task<long> CommittedRowsAsync(string title) => TasksOfAsync(_database, title);

    /// <summary>The tasks stored under an inspection's title, seen or not: what is really in the database.</summary>
    internal static async Task<long> TasksOfAsync(TestDatabase database, string title)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM tasks t JOIN inspections i ON i.id = t.inspection_id WHERE i.title = @Title", new { Title = title });
    }

    [Fact]
    public async Task A_new_inspection_committed_in_batches_is_seen_only_when_its_last_batch_is_in()
    {
        var draft = BenchmarkCommand.Synthetic(Rows, Today, "分批导入的巡察");
        var rows = draft.Tasks.Count;
        var before = await SeenAsync(draft.Tasks[0]);
        var during = new List<(int, int, int, int, int, bool)>();
        var committed = new List<long>();
        var chatWrites = 0;
        var task = (await Queries.FindByCodeAsync("1-1-2"))!;
        var writer = new LedgerImportWriter(_database.Connections, LedgerCalendar.ChinaStandardTime)
        {
            Batching = new ImportBatching(TimeSpan.Zero, TimeSpan.Zero, async () =>
            {
                committed.Add(await CommittedRowsAsync(draft.Inspection.Title));
                during.Add(await SeenAsync(draft.Tasks[0]));
                // A chat write between two batches goes straight in: the import holds no lock here.
                var written = await new LedgerChanges(_database.Connections).RecordProgressAsync(new ProgressReport(task.Task.Id, _people.LiuYang.Id,
                    10 + chatWrites % 80, null, "导入期间的进展", "chat", $"during-{chatWrites}", TestLedger.Now));
                Assert.True(written.Succeeded, written.Reason);
                chatWrites++;
            }),
        };

        var result = await writer.WriteAsync(draft, Actor.System("test"), TestLedger.Now);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(rows, result.Summary!.Created);
        // Every row was its own batch, and the rows really were in the database, committed, while nobody saw them.
        Assert.Equal(Enumerable.Range(1, rows).Select(n => (long)n), committed);
        Assert.All(during, seen => Assert.Equal(before, seen));
        Assert.False(before.CodeFound);
        var after = await SeenAsync(draft.Tasks[0]);
        Assert.Equal(before.Listed + rows, after.Listed);
        Assert.Equal(before.Inspections + 1, after.Inspections);
        Assert.Equal(before.Figures + rows, after.Figures);
        Assert.True(after.Remindable > before.Remindable);
        Assert.True(after.CodeFound);
        Assert.Equal(rows, chatWrites);
        Assert.Equal(rows, (await Queries.GetAsync(task.Task.Id))!.Progress.Count(p => p.Note == "导入期间的进展"));
        Assert.False(_database.Connections.WriteGate.Busy);
    }

    private async Task<long> SyntheticSupervisionsAsync()
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM supervisions s JOIN people p ON p.id = s.leader_id WHERE p.name LIKE '领导%'");
    }

    [Fact]
    public async Task An_import_that_fails_after_some_batches_takes_the_committed_ones_out_again()
    {
        var draft = BenchmarkCommand.Synthetic(Rows, Today, "半途失败的巡察");
        var before = await SeenAsync(draft.Tasks[0]);
        var batches = 0;
        var writer = new LedgerImportWriter(_database.Connections, LedgerCalendar.ChinaStandardTime)
        {
            Batching = new ImportBatching(TimeSpan.Zero, TimeSpan.Zero, () =>
                ++batches == 5 ? throw new IOException("disk full") : Task.CompletedTask),
        };

        await Assert.ThrowsAsync<IOException>(() => writer.WriteAsync(draft, Actor.System("test"), TestLedger.Now));

        Assert.Equal(5, batches);
        Assert.Equal(0, await CommittedRowsAsync(draft.Inspection.Title));
        // The leaders it names were not given the departments it would have made theirs.
        Assert.Equal(0, await SyntheticSupervisionsAsync());
        Assert.False(_database.Connections.WriteGate.Busy);
        Assert.Equal(before, await SeenAsync(draft.Tasks[0]));
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM inspections WHERE title = @Title", new { draft.Inspection.Title }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'import_abandoned'"));
        // The same sheet imports cleanly afterwards.
        var again = await new LedgerImportWriter(_database.Connections, LedgerCalendar.ChinaStandardTime).WriteAsync(draft, Actor.System("test"), TestLedger.Now);
        Assert.Equal(draft.Tasks.Count, again.Summary!.Created);
        Assert.True(await SyntheticSupervisionsAsync() > 0);
    }

    [Theory]
    [InlineData(3)]
    // After the last row's batch: only the supervisions, the mark and the last commit are left.
    [InlineData(Rows + 1)]
    public async Task A_cancelled_import_takes_its_committed_batches_out_again(int cancelAfter)
    {
        var draft = BenchmarkCommand.Synthetic(Rows, Today, "中途取消的巡察");
        using var cancel = new CancellationTokenSource();
        var batches = 0;
        var writer = new LedgerImportWriter(_database.Connections, LedgerCalendar.ChinaStandardTime)
        {
            Batching = new ImportBatching(TimeSpan.Zero, TimeSpan.Zero, async () =>
            {
                if (++batches == cancelAfter)
                {
                    await cancel.CancelAsync();
                }
            }),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(draft, Actor.System("test"), TestLedger.Now, cancel.Token));

        Assert.Equal(cancelAfter, batches);
        Assert.Equal(0, await CommittedRowsAsync(draft.Inspection.Title));
        Assert.Equal(0, await SyntheticSupervisionsAsync());
        Assert.False(_database.Connections.WriteGate.Busy);
    }
}

/// <summary>
/// An inspection whose import stopped halfway (its row still marked, as a crash leaves it) on SQLite and PostgreSQL:
/// hidden from every reader, removed by the next import once stale, and a fresh one refuses a second import of its sheet.
/// </summary>
public abstract class PendingImportContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static readonly DateOnly Today = DateOnly.FromDateTime(TestLedger.Now.UtcDateTime);

    private LedgerQueries Queries => new(_database.Connections);

    // The wall clock the marks are judged by (ImportBatching.Time), here a fake one at the test ledger's now.
    private readonly FakeTimeProvider _clock = new(TestLedger.Now);

    private ImportBatching Batching => ImportBatching.Default with { Clock = _clock };

    private LedgerImportWriter Writer => new(_database.Connections, LedgerCalendar.ChinaStandardTime) { Batching = Batching };

    private ImportPlanner Planner => new(_database.Connections) { Batching = Batching };

    /// <summary>Imports a sheet whole, then marks it as an import that is still writing, last heard of at <paramref name="at"/>.</summary>
    private async Task<LedgerDraft> StoppedImportAsync(string title, DateTimeOffset at)
    {
        var draft = BenchmarkCommand.Synthetic(12, Today, title);
        Assert.True((await Writer.WriteAsync(draft, Actor.System("test"), TestLedger.Now)).Succeeded);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE inspections SET importing_at = @At WHERE title = @Title", SafeParameters.Of(new { At = at, Title = title })));
        return draft;
    }

    private Task<long> TasksOfAsync(string title) => ImportBatchTests.TasksOfAsync(_database, title);

    [Fact]
    public async Task Nobody_sees_an_unfinished_import_and_the_next_import_removes_it_once_stale()
    {
        var listed = (await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, Today, 0, 1)).Total;
        var inspections = (await Queries.InspectionsAsync()).Count;
        var stopped = await StoppedImportAsync("中断的导入", TestLedger.Now - TimeSpan.FromHours(1));

        Assert.Equal(listed, (await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, Today, 0, 1)).Total);
        Assert.Equal(listed, (await Queries.FiguresAsync(TaskScope.Everything, Today)).Sum(f => f.Total));
        Assert.Equal(inspections, (await Queries.InspectionsAsync()).Count);
        Assert.NotEqual(stopped.Tasks[0].Measure, (await Queries.FindByCodeAsync(stopped.Tasks[0].Code))?.Task.Measure);
        var measures = stopped.Tasks.Select(t => t.Measure).ToHashSet();
        Assert.DoesNotContain((await new ReminderSnapshotQueries(_database.Connections).ReadAsync(Today)).Tasks, t => measures.Contains(t.Measure));
        Assert.Equal(13, await TasksOfAsync("中断的导入"));

        var next = await Writer.WriteAsync(BenchmarkCommand.Synthetic(3, Today, "下一次导入"), Actor.System("test"), TestLedger.Now);

        Assert.True(next.Succeeded);
        Assert.Equal(0, await TasksOfAsync("中断的导入"));
        Assert.Equal(4, await TasksOfAsync("下一次导入"));
        // Its sheet can be imported again, as new.
        var again = await Writer.WriteAsync(stopped, Actor.System("test"), TestLedger.Now);
        Assert.Equal(13, again.Summary!.Created);
    }

    [Fact]
    public async Task The_preview_of_a_sheet_whose_import_stopped_plans_it_afresh()
    {
        var stopped = await StoppedImportAsync("中断后重新预览", TestLedger.Now - PendingImports.Abandoned - TimeSpan.FromSeconds(1));

        var plan = await Planner.PlanAsync(stopped);

        Assert.Empty(plan.Errors);
        Assert.Null(plan.InspectionId);
        Assert.Equal(13, plan.New.Count);
        Assert.Equal(0, await TasksOfAsync("中断后重新预览"));
    }

    [Fact]
    public async Task A_second_import_of_a_sheet_still_being_written_is_refused_and_changes_nothing()
    {
        // Its last batch nine minutes ago on the wall clock: still within PendingImports.Abandoned.
        var stopped = await StoppedImportAsync("正在导入", TestLedger.Now - TimeSpan.FromMinutes(9));

        var plan = await Planner.PlanAsync(stopped);
        var written = await Writer.WriteAsync(stopped, Actor.System("test"), TestLedger.Now);

        Assert.Equal(ImportErrorCodes.ImportRunning, Assert.Single(plan.Errors).Code);
        Assert.Equal(ImportErrorCodes.ImportRunning, Assert.Single(written.Errors).Code);
        // Still there, still hidden: it belongs to the import that is writing it.
        Assert.Equal(13, await TasksOfAsync("正在导入"));
        Assert.NotEqual(stopped.Tasks[0].Measure, (await Queries.FindByCodeAsync(stopped.Tasks[0].Code))?.Task.Measure);
    }
}

public sealed class SqlitePendingImportContractTests : PendingImportContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPendingImportContractTests : PendingImportContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
