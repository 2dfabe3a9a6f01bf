using Dapper;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Tests.Data;

namespace Rectification.Tests.Reminders;

/// <summary>
/// The scheduler reads the ledger only when someone's slot could be open: on a weekend, before the send time and in
/// the quiet hours its ticks plan nothing without reading a task. Proven by taking a table the snapshot reads away:
/// those ticks still succeed, and a tick in the open slot fails without it.
/// </summary>
public sealed class ClosedSlotTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // China Standard Time, the default zone: 28-29 Nov 2026 is a weekend, 30 Nov a Monday.
    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + " +08:00", System.Globalization.CultureInfo.InvariantCulture);

    private async Task SnapshotTableAsync(bool away)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(away ? "ALTER TABLE task_officers RENAME TO task_officers_away" : "ALTER TABLE task_officers_away RENAME TO task_officers");
    }

    [Fact]
    public async Task Ticks_outside_every_open_slot_read_no_snapshot_and_the_open_slot_still_plans()
    {
        await using var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-11-27 18:30"));
        await TestLedger.WriteReachableAsync(_database, TestLedger.Draft(), At("2026-11-20 10:00"));
        var people = await new PeopleRepository(_database.Connections, TimeProvider.System).ListAsync();
        var references = new ConversationReferences(_database.Connections);
        foreach (var person in people)
        {
            await references.SaveAsync(new StoredReference($"user-{person.Id}", $"conversation-{person.Id}", null, person.Id, true,
                "https://connector.test/", "tenant", "msteams", "bot", "{}", At("2026-11-20 10:00")));
        }

        await SnapshotTableAsync(away: true);
        foreach (var closed in new[] { "2026-11-27 18:30", "2026-11-28 10:00", "2026-11-29 15:00", "2026-11-30 07:00", "2026-11-30 08:55" })
        {
            var quiet = await pipeline.TickAtAsync(At(closed));
            Assert.NotNull(quiet);
            Assert.Equal(0, quiet.Planned);
        }
        Assert.Empty(pipeline.Channel.Received);

        // In the open slot the tick needs the ledger: without the table it fails (and says so in the log) ...
        Assert.Null(await pipeline.TickAtAsync(At("2026-11-30 09:05")));

        // ... and with it, the morning's digests go out.
        await SnapshotTableAsync(away: false);
        var open = await pipeline.TickAtAsync(At("2026-11-30 09:10"));
        Assert.NotNull(open);
        Assert.True(open.Planned > 0);
        Assert.NotEmpty(pipeline.Channel.Received);
    }
}
