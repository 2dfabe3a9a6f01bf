using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Tests.Data;

namespace Rectification.Tests.Reminders;

/// <summary>
/// Hosts sharing one PostgreSQL plan the reminders once per tick: the lease holder reads the ledger and plans, every
/// host sends, and a host that stops hands the turn on at once.
/// </summary>
public sealed class PlanningLeaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero); // Monday 30 Nov, 07:00 in Beijing

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_holder_keeps_the_turn_until_it_lapses_or_is_released()
    {
        await using var pipeline = await ReminderPipeline.StartAsync(_database, Start);
        var lease = new PlanningLease(_database.Connections);
        var hold = TimeSpan.FromMinutes(7.5);
        Assert.True(lease.Shared);

        Assert.True(await lease.TryTakeAsync("a", Start, hold, CancellationToken.None));
        Assert.False(await lease.TryTakeAsync("b", Start.AddMinutes(1), hold, CancellationToken.None));
        Assert.True(await lease.TryTakeAsync("a", Start.AddMinutes(5), hold, CancellationToken.None));
        // Renewed at 5 minutes, so still held at 12 (the first hold alone would have lapsed at 7.5).
        Assert.False(await lease.TryTakeAsync("b", Start.AddMinutes(12), hold, CancellationToken.None));
        Assert.True(await lease.TryTakeAsync("b", Start.AddMinutes(13), hold, CancellationToken.None));
        Assert.False(await lease.TryTakeAsync("a", Start.AddMinutes(13), hold, CancellationToken.None));

        await lease.ReleaseAsync("a", CancellationToken.None); // not a's to give: b keeps it
        Assert.False(await lease.TryTakeAsync("a", Start.AddMinutes(14), hold, CancellationToken.None));
        await lease.ReleaseAsync("b", CancellationToken.None);
        Assert.True(await lease.TryTakeAsync("a", Start.AddMinutes(14), hold, CancellationToken.None));
    }

    [Fact]
    public async Task The_embedded_database_is_one_host_and_always_plans()
    {
        await using var sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var lease = new PlanningLease(sqlite.Connections);
        Assert.False(lease.Shared);
        Assert.True(await lease.TryTakeAsync("a", Start, TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.True(await lease.TryTakeAsync("b", Start, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Two_hosts_plan_once_per_tick_either_sends_and_a_stopping_host_hands_on_the_planning()
    {
        await using var a = await ReminderPipeline.StartAsync(_database, Start);
        await using var b = await ReminderPipeline.StartAsync(_database, Start);
        await TestLedger.WriteReachableAsync(_database, TestLedger.Draft(), Start, "刘洋", "周涛", "李明", "王建国");
        var liu = (await new PeopleRepository(_database.Connections, TimeProvider.System).FindByNameAsync("刘洋")).Single().Id;
        // Host a plans the morning, but Teams puts off 刘洋's first digest: it goes back to the outbox for a minute.
        a.Channel.NextResult[liu] = new DeliveryResult(DeliveryOutcome.Deferred, Error: "busy");

        var first = await a.TickAtAsync(Start.AddHours(2).AddMinutes(5));
        Assert.NotNull(first);
        Assert.True(first.Planned > 0 && first.NewlyPlanned == first.Planned, $"{first}");
        Assert.Equal(1, first.Rescheduled);

        // Host b ticks three minutes later: a holds the turn, so b plans nothing, yet sends what waits in the outbox.
        var second = await b.TickAtAsync(Start.AddHours(2).AddMinutes(8));
        Assert.NotNull(second);
        Assert.Equal((0, 0, 1), (second.Planned, second.NewlyPlanned, second.Sent));
        Assert.Contains(b.Channel.Received, r => r.PersonId == liu);

        // a stops: b plans on its very next tick instead of waiting for the lease to lapse.
        await a.Get<ReminderScheduler>().StopAsync(CancellationToken.None);
        var third = await b.TickAtAsync(Start.AddHours(2).AddMinutes(10));
        Assert.NotNull(third);
        Assert.Equal((first.Planned, 0, 0), (third.Planned, third.NewlyPlanned, third.Sent));

        // Between them every digest arrived once.
        var slots = a.Channel.Received.Concat(b.Channel.Received).Select(r => r.SlotKey).ToList();
        Assert.Equal(first.Planned, slots.Count);
        Assert.Equal(slots.Count, slots.Distinct().Count());
    }
}
