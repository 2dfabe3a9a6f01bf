using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.State;
using Rectification.Tests.Data;

namespace Rectification.Tests.Teams;

/// <summary>Bot Framework state in the ledger database: ETags make a stale write fail instead of overwriting.</summary>
public abstract class LedgerStorageTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    private LedgerStorage Storage => new(new StateStore(_database.Connections, TimeProvider.System));

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Dictionary<string, object> Change(string key, object value) => new() { [key] = value };

    [Fact]
    public async Task A_value_round_trips_with_an_etag()
    {
        await Storage.WriteAsync(Change("chat/user", new JObject { ["FlowState"] = new JObject { ["Code"] = "1-2-2" } }));

        var read = await Storage.ReadAsync(["chat/user", "missing"]);

        var item = (JObject)Assert.Single(read).Value;
        Assert.Equal("1-2-2", item.SelectToken("FlowState.Code")!.Value<string>());
        Assert.False(string.IsNullOrEmpty(item.Value<string>("eTag")));
    }

    [Fact]
    public async Task A_write_carrying_a_stale_etag_is_refused_and_the_newer_value_stays()
    {
        await Storage.WriteAsync(Change("chat/user", new JObject { ["n"] = 1 }));
        var first = (JObject)(await Storage.ReadAsync(["chat/user"]))["chat/user"];
        var second = (JObject)first.DeepClone();

        first["n"] = 2;
        await Storage.WriteAsync(Change("chat/user", first));
        second["n"] = 3;
        await Assert.ThrowsAsync<StateConflictException>(() => Storage.WriteAsync(Change("chat/user", second)));

        Assert.Equal(2, ((JObject)(await Storage.ReadAsync(["chat/user"]))["chat/user"]).Value<int>("n"));
    }

    [Fact]
    public async Task A_star_etag_writes_unconditionally_and_delete_removes()
    {
        await Storage.WriteAsync(Change("chat/user", new JObject { ["n"] = 1 }));
        await Storage.WriteAsync(Change("chat/user", new JObject { ["n"] = 5, ["eTag"] = "*" }));
        Assert.Equal(5, ((JObject)(await Storage.ReadAsync(["chat/user"]))["chat/user"]).Value<int>("n"));

        await Storage.DeleteAsync(["chat/user"]);

        Assert.Empty(await Storage.ReadAsync(["chat/user"]));
    }

    [Fact]
    public async Task Bot_state_saves_through_the_storage_and_a_stale_turn_is_refused()
    {
        var state = new PrivateConversationState(Storage);
        var adapter = new Microsoft.Bot.Builder.Adapters.TestAdapter();
        var activity = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            ChannelId = "test", From = new("u1"), Conversation = new(id: "c1"), Recipient = new("bot"),
        };
        var counter = state.CreateProperty<int>("counter");
        var earlier = new TurnContext(adapter, activity);
        await counter.SetAsync(earlier, 100);
        await state.SaveChangesAsync(earlier);
        var first = new TurnContext(adapter, activity);
        var second = new TurnContext(adapter, activity);

        await counter.SetAsync(first, await counter.GetAsync(first, () => 0) + 1);
        await counter.SetAsync(second, await counter.GetAsync(second, () => 0) + 10);
        await state.SaveChangesAsync(first);

        await Assert.ThrowsAsync<StateConflictException>(() => state.SaveChangesAsync(second));
        var fresh = new TurnContext(adapter, activity);
        Assert.Equal(101, await counter.GetAsync(fresh, () => 0));
    }
}

public sealed class SqliteLedgerStorageTests : LedgerStorageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresLedgerStorageTests : LedgerStorageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
