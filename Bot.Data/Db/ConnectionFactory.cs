using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rectification.Data.Db;

/// <summary>Opens one connection per unit of work for the configured provider.</summary>
public sealed class ConnectionFactory : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";
    private readonly int _busyTimeoutMs;

    public ConnectionFactory(DatabaseOptions options)
    {
        Provider = options.Provider;
        WriteGate = new SqliteWriteGate(queues: Provider == DatabaseProvider.Sqlite);
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.ConnectionString);
        }
        else
        {
            _sqliteConnectionString = SqliteConnectionString(options.ConnectionString);
            // As long as a statement waits for another writer: the connection string's Default Timeout.
            _busyTimeoutMs = (int)Math.Min(int.MaxValue, new SqliteConnectionStringBuilder(_sqliteConnectionString).DefaultTimeout * 1000L);
        }
        DapperSetup.EnsureRegistered();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where this database's short writes and a batched import take turns (SQLite; see <see cref="SqliteWriteGate"/>).</summary>
    public SqliteWriteGate WriteGate { get; }

    /// <summary>For SQLite: whether the database file exists yet (opening a connection would create it).</summary>
    public bool SqliteFileExists => Provider == DatabaseProvider.Sqlite && File.Exists(new SqliteConnectionStringBuilder(_sqliteConnectionString).DataSource);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        Interlocked.Increment(ref _opened);
        // A pooled SqliteConnection reuses its native handle, and the handle keeps its PRAGMAs: set them once per
        // handle, not on every open (a chat turn opens several connections).
        if (connection.Handle is { } handle && !_setUp.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets readers run beside the single writer; foreign keys are off by default in SQLite. The busy timeout
            // lets SQLite itself wait for another writer, retrying within milliseconds; without it Microsoft.Data.Sqlite
            // sleeps 150 ms between tries (a write behind a 20 ms lock waited 151 ms, with it 34 ms), which many
            // conversations at once keep paying.
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _setUp.AddOrUpdate(handle, SetUpMark);
            Interlocked.Increment(ref _setUps);
        }
        return connection;
    }

    private static readonly object SetUpMark = new();
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _setUp = new();
    private long _opened;
    private long _setUps;

    /// <summary>SQLite connections opened so far (tests and the benchmark count them per turn).</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>SQLite native handles set up with the PRAGMAs so far.</summary>
    public long SetUps => Interlocked.Read(ref _setUps);

    public void Dispose()
    {
        _postgres?.Dispose();
        WriteGate.Dispose();
    }

    private static string SqliteConnectionString(string value)
    {
        var builder = value.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(value)
            : new SqliteConnectionStringBuilder { DataSource = value };
        // How long a statement waits for another writer: 30 s at least, unless the connection string names its own
        // (a test that holds the lock uses a short one).
        if (!builder.ShouldSerialize("Default Timeout"))
        {
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        }
        builder.Pooling = true;
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        return builder.ToString();
    }
}
