using Rectification.Data.Db;

namespace Rectification.Tests.Data;

/// <summary>
/// The write queue of one SQLite database: writers go in one at a time and in order, a batched import's next batch
/// queues behind the chat writes that arrived during the last one, a turn nobody gives back costs a write
/// <see cref="SqliteWriteGate.MaxWait"/> and never a hang, and PostgreSQL's gate lets everyone straight through.
/// </summary>
public sealed class SqliteWriteGateTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_writer_goes_straight_in_when_nobody_writes_and_holds_the_turn_until_done()
    {
        using var gate = new SqliteWriteGate(queues: true);

        using (await gate.EnterAsync(CancellationToken.None))
        {
            Assert.True(gate.Busy);
        }

        Assert.False(gate.Busy);
    }

    [Fact]
    public async Task Writes_that_arrive_during_a_batch_go_in_when_it_ends_and_the_next_batch_waits_behind_them()
    {
        using var gate = new SqliteWriteGate(queues: true);
        Assert.True(await gate.TakeAsync(CancellationToken.None));
        var order = new List<string>();

        var chat = Task.Run(async () =>
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                lock (order)
                {
                    order.Add("chat");
                }
                await Task.Delay(50);
            }
        });
        await Task.Delay(100);
        Assert.False(chat.IsCompleted);

        gate.Give();
        Assert.True(await gate.TakeAsync(CancellationToken.None).WaitAsync(Long));
        lock (order)
        {
            order.Add("next batch");
        }
        await chat.WaitAsync(Long);

        Assert.Equal(["chat", "next batch"], order);
        gate.Give();
    }

    [Fact]
    public async Task A_turn_nobody_gives_back_holds_a_write_no_longer_than_the_max_wait()
    {
        using var gate = new SqliteWriteGate(queues: true);
        Assert.True(await gate.TakeAsync(CancellationToken.None));

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (await gate.EnterAsync(CancellationToken.None).WaitAsync(Long))
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) >= SqliteWriteGate.MaxWait - TimeSpan.FromMilliseconds(50));
        }

        // The write went on without the turn, so finishing it gives nothing back: the holder still has it.
        Assert.True(gate.Busy);
    }

    [Fact]
    public async Task A_write_cancelled_in_the_queue_takes_nothing()
    {
        using var gate = new SqliteWriteGate(queues: true);
        Assert.True(await gate.TakeAsync(CancellationToken.None));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token));

        gate.Give();
        Assert.False(gate.Busy);
    }

    [Fact]
    public async Task PostgreSQLs_gate_queues_nobody()
    {
        using var gate = new SqliteWriteGate(queues: false);

        using var first = await gate.EnterAsync(CancellationToken.None);
        using var second = await gate.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(1));

        Assert.False(await gate.TakeAsync(CancellationToken.None));
        Assert.False(gate.Busy);
    }
}
