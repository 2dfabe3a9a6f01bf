using Microsoft.Data.Sqlite;
using Npgsql;
using Rectification.Data.Db;

namespace Rectification.Tests.Data;

/// <summary>A real, empty, migrated ledger database for one test class; dropped afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RECTIFICATION_TEST_POSTGRES";

    public abstract DatabaseOptions Options { get; }

    public ConnectionFactory Connections => _connections ??= new ConnectionFactory(Options);

    private ConnectionFactory? _connections;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database = provider == DatabaseProvider.Postgres ? await PostgresDatabase.CreateAsync() : new SqliteDatabase();
        await new MigrationRunner(database.Connections, TimeProvider.System).MigrateAsync(CancellationToken.None);
        return database;
    }

    public virtual ValueTask DisposeAsync()
    {
        _connections?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private sealed class SqliteDatabase : TestDatabase
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("rectification-test-").FullName;

        public override DatabaseOptions Options => new() { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(_directory, "ledger.db") };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A fresh schema on the server named by RECTIFICATION_TEST_POSTGRES (./test.sh starts one).</summary>
    private sealed class PostgresDatabase(string server, string schema) : TestDatabase
    {
        public override DatabaseOptions Options => new()
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString(),
        };

        public static async Task<TestDatabase> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL contract tests need a server: set {PostgresVariable} to a connection string, or run ./test.sh, which starts one.");
            }
            var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
            return new PostgresDatabase(server, schema);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
