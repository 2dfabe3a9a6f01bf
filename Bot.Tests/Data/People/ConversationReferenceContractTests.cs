using Dapper;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.Reminders;

namespace Rectification.Tests.Data.People;

/// <summary>The reference captured on every message is written only when it changed, on SQLite and PostgreSQL.</summary>
public abstract class ConversationReferenceContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestLedger.Now;

    private TestDatabase _database = null!;
    private TestPeople _people = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _people = await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private StoredReference Reference(DateTimeOffset at, string serviceUrl = "https://smba.trafficmanager.net/apac/", long? personId = -1) =>
        new("29:liu", "a:personal-liu", "aad-liu", personId == -1 ? _people.LiuYang.Id : personId, true, serviceUrl, "tenant", "msteams", "28:bot",
            "{\"serviceUrl\":\"" + serviceUrl + "\",\"conversation\":{\"id\":\"a:personal-liu\"}}", at);

    private async Task<(DateTimeOffset UpdatedAt, string ServiceUrl, long? PersonId)> StoredAsync()
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<Row>(
            "SELECT updated_at AS UpdatedAt, service_url AS ServiceUrl, person_id AS PersonId FROM conversation_references WHERE user_id = '29:liu' AND conversation_id = 'a:personal-liu'");
        return (row.UpdatedAt, row.ServiceUrl, row.PersonId);
    }

    private sealed class Row
    {
        public DateTimeOffset UpdatedAt { get; init; }
        public string ServiceUrl { get; init; } = "";
        public long? PersonId { get; init; }
    }

    [Fact]
    public async Task The_same_reference_message_after_message_is_written_once()
    {
        var references = new ConversationReferences(_database.Connections);
        var opened = _database.Connections.Opened;

        Assert.True(await references.SaveIfChangedAsync(Reference(Now)));
        var writes = new List<bool>();
        for (var i = 1; i <= 20; i++)
        {
            writes.Add(await references.SaveIfChangedAsync(Reference(Now.AddSeconds(i * 10))));
        }
        // Before the sender is matched to a person the capture carries no person id: that is no change either.
        writes.Add(await references.SaveIfChangedAsync(Reference(Now.AddMinutes(4), personId: null)));

        if (Provider == DatabaseProvider.Sqlite)
        {
            // One connection for the first write; the unchanged ones cost none.
            Assert.Equal(1, _database.Connections.Opened - opened);
        }
        Assert.All(writes, Assert.False);
        var stored = await StoredAsync();
        Assert.Equal((Now, _people.LiuYang.Id), (stored.UpdatedAt, stored.PersonId));
    }

    [Fact]
    public async Task A_changed_service_url_is_written_and_another_host_does_not_rewrite_an_unchanged_row()
    {
        var first = new ConversationReferences(_database.Connections);
        var second = new ConversationReferences(_database.Connections);
        Assert.True(await first.SaveIfChangedAsync(Reference(Now)));

        // Another host that never saw this user: it asks the database, which has the same row, so nothing is written.
        Assert.False(await second.SaveIfChangedAsync(Reference(Now.AddMinutes(1))));
        Assert.Equal(Now, (await StoredAsync()).UpdatedAt);

        // Teams moved the user to another region: the new address is stored at once.
        Assert.True(await second.SaveIfChangedAsync(Reference(Now.AddMinutes(2), "https://smba.trafficmanager.net/emea/")));
        Assert.Equal((Now.AddMinutes(2), "https://smba.trafficmanager.net/emea/"), ((await StoredAsync()).UpdatedAt, (await StoredAsync()).ServiceUrl));

        // The first host's memory of the old address is trusted only for a while: after that it asks the database again
        // and, seeing the old address differ, writes what the user's message says.
        Assert.False(await first.SaveIfChangedAsync(Reference(Now.AddMinutes(3))));
        Assert.True(await first.SaveIfChangedAsync(Reference(Now.AddMinutes(15))));
        Assert.Equal("https://smba.trafficmanager.net/apac/", (await StoredAsync()).ServiceUrl);
    }

    [Fact]
    public async Task A_person_refused_by_Teams_is_reachable_again_after_their_next_unchanged_reference()
    {
        var references = new ConversationReferences(_database.Connections);
        var recipients = new ReminderRecipients(_database.Connections, references);
        Assert.True(await references.SaveIfChangedAsync(Reference(Now)));
        Assert.True(await ReachableAsync());

        // This host's dispatcher got a 403; the person comes back in the same conversation, nothing in the reference changed.
        await recipients.MarkUnreachableAsync(_people.LiuYang.Id, 403, Now.AddMinutes(1));
        Assert.False(await ReachableAsync());
        Assert.True(await references.SaveIfChangedAsync(Reference(Now.AddMinutes(2))));
        Assert.True(await ReachableAsync());
        // Reachable again, the next unchanged message costs nothing again.
        Assert.False(await references.SaveIfChangedAsync(Reference(Now.AddMinutes(3))));

        // Another host's dispatcher got a 404: a host that asks the database (one that never saw the user, or an
        // install) rewrites the unchanged row, even from a message that carries no person id yet.
        await new ReminderRecipients(_database.Connections).MarkUnreachableAsync(_people.LiuYang.Id, 404, Now.AddMinutes(4));
        Assert.False(await ReachableAsync());
        Assert.True(await new ConversationReferences(_database.Connections).SaveIfChangedAsync(Reference(Now.AddMinutes(5), personId: null)));
        Assert.True(await ReachableAsync());

        await new ReminderRecipients(_database.Connections).MarkUnreachableAsync(_people.LiuYang.Id, 403, Now.AddMinutes(6));
        Assert.True(await references.SaveIfChangedAsync(Reference(Now.AddMinutes(7)), askDatabase: true));
        Assert.True(await ReachableAsync());
        Assert.Equal(_people.LiuYang.Id, (await StoredAsync()).PersonId);
    }

    private async Task<bool> ReachableAsync() =>
        (await new ReminderSnapshotQueries(_database.Connections).ReadAsync(TestLedger.Today)).People.Single(p => p.Id == _people.LiuYang.Id).HasConversationReference;
}

public sealed class SqliteConversationReferenceContractTests : ConversationReferenceContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresConversationReferenceContractTests : ConversationReferenceContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
