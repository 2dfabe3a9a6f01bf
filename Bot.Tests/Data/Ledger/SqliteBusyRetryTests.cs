using Dapper;
using Microsoft.Data.Sqlite;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Data.Ledger;

/// <summary>
/// SQLite has one writer at a time. A progress report made while a long writer (an import) holds the lock for longer
/// than the connection's busy timeout is retried as a whole, not failed with "database is locked".
/// </summary>
public sealed class SqliteBusyRetryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_progress_report_waits_out_a_writer_that_holds_the_lock_longer_than_the_busy_timeout()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-2"))!;
        var file = _database.Options.ConnectionString;
        // The bot's connections give up after 1 s of waiting (the default is 30 s: too long for a test to hold a lock).
        using var shortWait = new ConnectionFactory(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 1 }.ToString(),
        });

        // Another writer takes the lock, as an import's transaction does, and lets go well after one busy timeout.
        await using var importer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await importer.OpenAsync();
        await importer.ExecuteAsync("BEGIN IMMEDIATE");
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await importer.ExecuteAsync("COMMIT");
        });

        var result = await new LedgerChanges(shortWait).RecordProgressAsync(
            new ProgressReport(task.Task.Id, people.LiuYang.Id, 55, null, "导入期间报的进展", "chat", "busy-1", TestLedger.Now));
        await release;

        Assert.True(result.Succeeded, result.Reason);
        var after = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-2"))!;
        Assert.Contains(after.Progress, p => p.Note == "导入期间报的进展" && p.Percent == 55);
    }
}
