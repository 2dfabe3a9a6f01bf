using Rectification.Data.Db;

namespace Rectification.Tests.Data;

/// <summary>
/// The turn-taking between a batched import and this process's short writes: a short write waits at the gate while a
/// batch holds the lock, goes in as soon as the batch ends, and the next batch waits for it; a gate nobody reopens
/// costs a write <see cref="SqliteWriteGate.MaxWait"/>, never a hang.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_open_gate_lets_a_write_straight_through_and_counts_it_until_done()
    {
        var gate = new SqliteWriteGate();

        using (await gate.EnterAsync(CancellationToken.None))
        {
            Assert.Equal(1, gate.Writers);
        }

        Assert.Equal(0, gate.Writers);
    }

    [Fact]
    public async Task A_write_waits_while_a_batch_holds_the_gate_and_the_next_batch_waits_for_it()
    {
        var gate = new SqliteWriteGate();
        Assert.True(await gate.CloseAsync(Long, CancellationToken.None));

        var write = gate.EnterAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.False(write.IsCompleted);

        // Between two batches: the waiting write goes in, and the gate closes again only once it is done.
        var between = gate.BetweenBatchesAsync(Long, TimeSpan.Zero, CancellationToken.None);
        var pass = await write.WaitAsync(Long);
        Assert.Equal(1, gate.Writers);
        await Task.Delay(100);
        Assert.False(between.IsCompleted);
        pass.Dispose();
        Assert.True(await between.WaitAsync(Long));

        // Closed again for the next batch: a new write waits.
        var next = gate.EnterAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(next.IsCompleted);
        gate.Open();
        (await next.WaitAsync(Long)).Dispose();
    }

    [Fact]
    public async Task A_second_long_writer_does_not_take_a_gate_already_closed()
    {
        var gate = new SqliteWriteGate();

        Assert.True(await gate.CloseAsync(Long, CancellationToken.None));
        Assert.False(await gate.CloseAsync(Long, CancellationToken.None));
        gate.Open();
        (await gate.EnterAsync(CancellationToken.None).WaitAsync(Long)).Dispose();
    }

    [Fact]
    public async Task A_gate_nobody_reopens_holds_a_write_no_longer_than_its_max_wait()
    {
        var gate = new SqliteWriteGate();
        await gate.CloseAsync(Long, CancellationToken.None);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var pass = await gate.EnterAsync(CancellationToken.None).WaitAsync(Long);

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= SqliteWriteGate.MaxWait - TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, gate.Writers);
    }

    [Fact]
    public async Task A_write_cancelled_at_the_gate_leaves_nothing_counted()
    {
        var gate = new SqliteWriteGate();
        await gate.CloseAsync(Long, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token));

        Assert.Equal(0, gate.Writers);
        // The next batch boundary does not wait for a writer that left.
        Assert.True(await gate.BetweenBatchesAsync(TimeSpan.FromSeconds(5), TimeSpan.Zero, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1)));
    }
}
