namespace Rectification.Data.Db;

/// <summary>
/// This process's writers to one SQLite database, in a queue. SQLite has one writer at a time, and a writer that finds
/// the lock taken waits inside SQLite's busy handler: a pool thread asleep for 1 to 100 ms a try, no queue, and the
/// lock often free while everyone sleeps. Through the gate, the short writes of chat turns (and a batched import
/// between its batches) take the lock in turn, awaiting instead of sleeping, each going in the moment the one before
/// commits. A writer in another process is not seen here and still meets SQLite's busy wait (a batched import pauses for
/// it now and then). One gate per <see cref="ConnectionFactory"/>, that is per database; on PostgreSQL, where writers
/// lock rows, not the database, it lets everyone straight through.
/// </summary>
public sealed class SqliteWriteGate(bool queues) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>
    /// The longest a writer waits for its turn before going on to SQLite's own wait: a writer that never gave its turn
    /// back (a bug), or one of its own turns further up the same call, costs a write this much, never a hang.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>Waits for this writer's turn; dispose the answer when its write is done (committed or rolled back).</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken) =>
        await TakeAsync(cancellationToken) ? new Turn(_turn) : NoTurn;

    /// <summary>Whether a writer holds the turn now (the tests look).</summary>
    public bool Busy => _turn.CurrentCount == 0;

    /// <summary>A long writer takes the turn for a batch; false when it went on without it (<see cref="MaxWait"/>, or PostgreSQL).</summary>
    internal async Task<bool> TakeAsync(CancellationToken cancellationToken) => queues && await _turn.WaitAsync(MaxWait, cancellationToken);

    /// <summary>Gives back a turn taken with <see cref="TakeAsync"/> that answered true: the next writer in the queue goes in.</summary>
    internal void Give()
    {
        try
        {
            _turn.Release();
        }
        catch (ObjectDisposedException)
        {
            // As in Turn.Dispose: the host is stopping.
        }
    }

    public void Dispose() => _turn.Dispose();

    private static readonly IDisposable NoTurn = new Turn(null);

    private sealed class Turn(SemaphoreSlim? turn) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (turn is not null && Interlocked.Exchange(ref _given, 1) == 0)
            {
                try
                {
                    turn.Release();
                }
                catch (ObjectDisposedException)
                {
                    // The database's factory was disposed (the host stopping) while this write finished: nobody queues any more.
                }
            }
        }
    }
}
