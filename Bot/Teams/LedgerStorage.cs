using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Rectification.Data.State;

namespace Rectification.Bot.Teams;

/// <summary>
/// Bot Framework state in the ledger database, so a restart loses no conversation in progress. Items are stored
/// as plain JSON (no type names: nothing read back can name a type to instantiate) with an ETag column: a write
/// carrying a stale ETag is refused with an exception, never silently overwritten, like MemoryStorage.
/// </summary>
public sealed class LedgerStorage(StateStore store) : IStorage
{
    private const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>();
        foreach (var stored in await store.ReadAsync(keys, cancellationToken))
        {
            var value = JObject.Parse(stored.Json);
            value[ETagProperty] = stored.ETag;
            items[stored.Key] = value;
        }
        return items;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = value as JObject ?? JObject.FromObject(value, Serializer);
            var expected = (value as IStoreItem)?.ETag ?? json[ETagProperty]?.Value<string>();
            json.Remove(ETagProperty);
            await store.WriteAsync(key, json.ToString(Formatting.None), expected, cancellationToken);
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => store.DeleteAsync(keys, cancellationToken);
}
