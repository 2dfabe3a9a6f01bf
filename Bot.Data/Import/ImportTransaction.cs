using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Rectification.Data.Db;

namespace Rectification.Data.Import;

/// <summary>
/// How long an import's batch holds SQLite's write lock; how long a gap pauses, about once a second, for writers in
/// other processes; and a hook the tests use to look between batches.
/// </summary>
internal sealed record ImportBatching(TimeSpan Budget, TimeSpan OtherProcesses, Func<Task>? Between = null, TimeProvider? Clock = null)
{
    /// <summary>
    /// The wall clock a pending import's mark is stamped with and judged stale by: it says whether a process is still
    /// writing, so it is never the import's own "now" (the demo dates its import weeks back).
    /// </summary>
    public TimeProvider Time => Clock ?? TimeProvider.System;

    /// <summary>
    /// A tenth of a second: a chat write of this process that arrives meanwhile waits in the write queue
    /// (<see cref="SqliteWriteGate"/>) for the rest of the batch and its commit, and a turn with a few writes stays
    /// well under a second. The pause is longer than SQLite's longest busy sleep (100 ms), so a writer in another
    /// process (the bot beside a CLI import), which the queue cannot see, wakes inside it: such a writer waits about a
    /// second, and the pauses cost the import about a tenth of its time.
    /// </summary>
    public static readonly ImportBatching Default = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(110));

    /// <summary>How often a gap pauses for writers in other processes.</summary>
    public static readonly TimeSpan OtherProcessesEvery = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The transaction an import writes in, holding its turn in this process's write queue. On SQLite, where one writer
/// holds the whole database, the writer of a new inspection may commit what it wrote so far (<see cref="CheckpointAsync"/>),
/// give its turn to the chat writes queued meanwhile, and begin again behind them; the inspection stays hidden until
/// its last batch (<see cref="PendingImports"/>). On PostgreSQL an import locks only its own rows, so it stays one
/// transaction there.
/// </summary>
internal sealed class ImportTransaction : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly SqliteWriteGate _gate;
    private readonly ImportBatching _batching;
    private long _batchStarted;
    private long _othersLastLetIn = Stopwatch.GetTimestamp();

    private ImportTransaction(DbConnection connection, DbTransaction transaction, SqliteWriteGate gate, ImportBatching batching)
    {
        _connection = connection;
        _gate = gate;
        _batching = batching;
        Current = transaction;
        _batchStarted = Stopwatch.GetTimestamp();
    }

    /// <summary>Begins the import's first transaction on <paramref name="connection"/>, a connection of the factory that owns <paramref name="gate"/>.</summary>
    public static async Task<ImportTransaction> BeginAsync(DbConnection connection, SqliteWriteGate gate, ImportBatching batching, CancellationToken cancellationToken)
    {
        // In the write queue like any other writer of this process: chat writes already queued go first.
        var holds = await gate.TakeAsync(cancellationToken);
        try
        {
            return new(connection, await connection.BeginTransactionAsync(cancellationToken), gate, batching) { _holdsGate = holds };
        }
        catch
        {
            if (holds)
            {
                gate.Give();
            }
            throw;
        }
    }

    public DbTransaction Current { get; private set; }

    /// <summary>Transactions committed so far: more than none means part of the import is in the database.</summary>
    public int Committed { get; private set; }

    /// <summary>Whether a writer may commit part of its work: only where one writer holds the whole database.</summary>
    public bool CanBatch => _connection is SqliteConnection;

    /// <summary>
    /// When the batch has held the lock for its budget: commits it, lets waiting writers in, and begins the next one.
    /// True when <see cref="Current"/> is a new transaction (the caller moves its prepared statements onto it).
    /// </summary>
    public async Task<bool> CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!CanBatch || Stopwatch.GetElapsedTime(_batchStarted) < _batching.Budget)
        {
            return false;
        }
        await Current.CommitAsync(cancellationToken);
        await Current.DisposeAsync();
        _open = false;
        Committed++;
        // The chat writes that queued meanwhile go in now; the next batch queues behind them.
        GiveTurn();
        if (_batching.Between is { } between)
        {
            await between();
        }
        if (Stopwatch.GetElapsedTime(_othersLastLetIn) >= ImportBatching.OtherProcessesEvery)
        {
            await Task.Delay(_batching.OtherProcesses, cancellationToken);
            _othersLastLetIn = Stopwatch.GetTimestamp();
        }
        _holdsGate = await _gate.TakeAsync(cancellationToken);
        Current = await _connection.BeginTransactionAsync(cancellationToken);
        _open = true;
        _batchStarted = Stopwatch.GetTimestamp();
        return true;
    }

    // False between a batch's commit and the next one's begin, where a failure (or cancellation) can also strike.
    private bool _open = true;

    // Whether this import holds its turn at this process's write gate, and must give it back.
    private bool _holdsGate;

    private void GiveTurn()
    {
        if (_holdsGate)
        {
            _gate.Give();
            _holdsGate = false;
        }
    }

    /// <summary>
    /// After a failure: rolls back the open batch, if any, takes the turn back if it was given away between batches,
    /// and begins a fresh transaction, for undoing what the committed ones wrote.
    /// </summary>
    public async Task RestartAsync()
    {
        if (_open)
        {
            try
            {
                await Current.RollbackAsync(CancellationToken.None);
            }
            catch (Exception rollback) when (rollback is InvalidOperationException or DbException)
            {
                // SQLite may already have rolled it back itself (a full disk, an I/O error): nothing is left to undo.
            }
            await Current.DisposeAsync();
            _open = false;
        }
        if (!_holdsGate)
        {
            _holdsGate = await _gate.TakeAsync(CancellationToken.None);
        }
        Current = await _connection.BeginTransactionAsync(CancellationToken.None);
        _open = true;
    }

    /// <summary>The instant a pending import's mark carries now (<see cref="ImportBatching.Time"/>).</summary>
    public DateTimeOffset Stamp() => _batching.Time.GetUtcNow();

    /// <summary>
    /// Commits the last batch of a batched import, uncancellable: once its rows are all written, stopping now would
    /// leave them hidden for nobody to finish. The caller's <see cref="CommitAsync"/> after it does nothing.
    /// </summary>
    public async Task FinishAsync()
    {
        await Current.CommitAsync(CancellationToken.None);
        _open = false;
        _finished = true;
    }

    private bool _finished;

    public Task CommitAsync(CancellationToken cancellationToken) => _finished ? Task.CompletedTask : Current.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Rolled back (if still open) before the turn goes on, so the next writer does not meet our lock.
            await Current.DisposeAsync();
        }
        finally
        {
            GiveTurn();
        }
    }
}
