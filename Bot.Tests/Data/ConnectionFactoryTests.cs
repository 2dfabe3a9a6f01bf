using Dapper;
using Rectification.Data.Db;

namespace Rectification.Tests.Data;

/// <summary>SQLite connections come from a pool; the PRAGMAs are set once per native handle, and hold on every open.</summary>
public sealed class ConnectionFactoryTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Reopening_a_pooled_connection_does_not_run_the_pragmas_again_and_they_still_hold()
    {
        var connections = _database.Connections;
        var setUpsBefore = connections.SetUps;
        for (var i = 0; i < 25; i++)
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        }
        // Sequential opens reuse one pooled handle (the migration's handle may be the same one, already set up).
        Assert.True(connections.SetUps - setUpsBefore <= 1, $"{connections.SetUps - setUpsBefore} set-ups for 25 opens");

        // Two open at once are two handles, each set up once.
        await using var a = await connections.OpenAsync(CancellationToken.None);
        await using var b = await connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1L, await b.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.True(connections.SetUps <= 2 + setUpsBefore);
    }
}
