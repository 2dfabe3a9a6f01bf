using Dapper;
using Microsoft.Data.Sqlite;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.State;

namespace Rectification.Tests.Data;

/// <summary>
/// SQLite has one writer at a time. A progress report or a chat turn's state written while a long writer (an import)
/// holds the lock for longer than the connection's busy timeout is retried as a whole, not failed with "database is locked".
/// </summary>
public sealed class SqliteBusyRetryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string File => _database.Options.ConnectionString;

    // The bot's connections give up after 1 s of waiting (the default is 30 s: too long for a test to hold a lock).
    private ConnectionFactory ShortWait() => new(new DatabaseOptions
    {
        Provider = DatabaseProvider.Sqlite,
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = File, DefaultTimeout = 1 }.ToString(),
    });

    /// <summary>Another writer takes the lock, as an import's transaction does, and lets go well after one busy timeout.</summary>
    private async Task<Task> HoldTheLockAsync(SqliteConnection importer)
    {
        await importer.OpenAsync();
        await importer.ExecuteAsync("BEGIN IMMEDIATE");
        return Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            await importer.ExecuteAsync("COMMIT");
        });
    }

    private SqliteConnection Importer() => new(new SqliteConnectionStringBuilder { DataSource = File, Pooling = false }.ToString());

    [Fact]
    public async Task A_progress_report_waits_out_a_writer_that_holds_the_lock_longer_than_the_busy_timeout()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-2"))!;
        using var shortWait = ShortWait();
        await using var importer = Importer();
        var release = await HoldTheLockAsync(importer);

        var result = await new LedgerChanges(shortWait).RecordProgressAsync(
            new ProgressReport(task.Task.Id, people.LiuYang.Id, 55, null, "导入期间报的进展", "chat", "busy-1", TestLedger.Now));
        await release;

        Assert.True(result.Succeeded, result.Reason);
        var after = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-2"))!;
        Assert.Contains(after.Progress, p => p.Note == "导入期间报的进展" && p.Percent == 55);
    }

    [Fact]
    public async Task A_chat_turns_state_is_created_updated_and_deleted_while_a_writer_holds_the_lock()
    {
        using var shortWait = ShortWait();
        var store = new StateStore(shortWait, TimeProvider.System);
        var etag = await store.CreateAsync("msteams/conversations/a", "{\"step\":1}");

        await using (var importer = Importer())
        {
            var release = await HoldTheLockAsync(importer);
            etag = await store.WriteAsync("msteams/conversations/a", "{\"step\":2}", etag);
            await release;
        }
        Assert.Equal(("{\"step\":2}", etag), Single(await store.ReadAsync(["msteams/conversations/a"])));

        await using (var importer = Importer())
        {
            var release = await HoldTheLockAsync(importer);
            var created = await store.CreateAsync("msteams/conversations/b", "{\"step\":1}");
            await release;
            Assert.Equal(("{\"step\":1}", created), Single(await store.ReadAsync(["msteams/conversations/b"])));
        }

        await using (var importer = Importer())
        {
            var release = await HoldTheLockAsync(importer);
            await store.DeleteAsync(["msteams/conversations/a", "msteams/conversations/b"]);
            await release;
        }
        Assert.Empty(await store.ReadAsync(["msteams/conversations/a", "msteams/conversations/b"]));
    }

    private static (string Json, string ETag) Single(IReadOnlyList<StoredState> found) => (found.Single().Json, found.Single().ETag);
}
