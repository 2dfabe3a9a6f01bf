using System.Diagnostics;

namespace Rectification.Data.Db;

/// <summary>
/// Lets this process's short SQLite writes (a chat turn's) and a long writer that commits in batches (an import) take
/// turns. While a batch holds the database's one write lock, short writes wait here, at the gate, instead of inside
/// SQLite's busy wait, which sleeps up to 100 ms between tries and keeps no queue: they go in the moment the batch
/// commits, and the next batch begins once they are done. A writer in another process is not seen here and waits in
/// SQLite's busy wait (the long writer pauses for it now and then). One gate per <see cref="ConnectionFactory"/>, that
/// is per database; on PostgreSQL nothing closes it.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly Lock _sync = new();
    private TaskCompletionSource? _closed;
    private int _writers;
    private int _waiting;

    /// <summary>
    /// The longest a short write waits at the gate before going on to SQLite's own wait: a long writer that never
    /// reopened it (it crashed mid-batch) costs a write this much, never a hang.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>Short writes under way, through the gate (tests and the benchmark read it).</summary>
    public int Writers
    {
        get
        {
            lock (_sync)
            {
                return _writers;
            }
        }
    }

    /// <summary>Waits while a long writer's batch holds the lock; dispose the answer when the write is done.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        Task closed;
        lock (_sync)
        {
            if (_closed is null)
            {
                _writers++;
                return new Pass(this);
            }
            _waiting++;
            closed = _closed.Task;
        }
        try
        {
            while (true)
            {
                var left = MaxWait - Stopwatch.GetElapsedTime(start);
                if (left > TimeSpan.Zero)
                {
                    try
                    {
                        await closed.WaitAsync(left, cancellationToken);
                    }
                    catch (TimeoutException)
                    {
                        // Waited long enough at the gate: SQLite's own busy wait takes over.
                    }
                }
                lock (_sync)
                {
                    if (_closed is null || Stopwatch.GetElapsedTime(start) >= MaxWait)
                    {
                        _writers++;
                        return new Pass(this);
                    }
                    closed = _closed.Task;
                }
            }
        }
        finally
        {
            lock (_sync)
            {
                _waiting--;
            }
        }
    }

    private sealed class Pass(SqliteWriteGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (gate._sync)
                {
                    gate._writers--;
                }
            }
        }
    }

    /// <summary>
    /// Closes the gate for a long writer's batch and waits (at most <paramref name="atMost"/>) for the short writes
    /// already through it. False when another long writer of this process holds it: that one opens it.
    /// </summary>
    internal async Task<bool> CloseAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_closed is not null)
            {
                return false;
            }
            _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        try
        {
            await UntilAsync(() => _writers == 0, atMost, cancellationToken);
        }
        catch
        {
            Open();
            throw;
        }
        return true;
    }

    /// <summary>Opens the gate: the short writes waiting go in.</summary>
    internal void Open()
    {
        TaskCompletionSource? closed;
        lock (_sync)
        {
            closed = _closed;
            _closed = null;
        }
        closed?.TrySetResult();
    }

    /// <summary>
    /// Between two batches: opens the gate, waits (at most <paramref name="atMost"/>) until the short writes that were
    /// waiting have gone through, pauses <paramref name="pause"/> for writers in other processes, and closes it again.
    /// </summary>
    internal async Task<bool> BetweenBatchesAsync(TimeSpan atMost, TimeSpan pause, CancellationToken cancellationToken)
    {
        Open();
        await UntilAsync(() => _waiting == 0 && _writers == 0, atMost, cancellationToken);
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, cancellationToken);
        }
        return await CloseAsync(atMost, cancellationToken);
    }

    private async Task UntilAsync(Func<bool> condition, TimeSpan atMost, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < atMost)
        {
            lock (_sync)
            {
                if (condition())
                {
                    return;
                }
            }
            await Task.Delay(1, cancellationToken);
        }
    }
}
