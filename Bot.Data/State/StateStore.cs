using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.State;

public sealed record StoredState(string Key, string Json, string ETag);

/// <summary>The state was changed since it was read: the write is refused, never silently overwritten.</summary>
public sealed class StateConflictException(string key) : Exception($"The state '{key}' was changed by another turn.");

/// <summary>A key/value table with ETags behind the bot's conversation state.</summary>
public sealed class StateStore(ConnectionFactory connections, TimeProvider time)
{
    private const string Select = "SELECT state_key AS Key, value_json AS Json, etag AS ETag FROM bot_state WHERE state_key = @Key";

    public async Task<IReadOnlyList<StoredState>> ReadAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = new List<StoredState>();
        foreach (var key in keys.Distinct())
        {
            var row = await connection.QuerySingleOrDefaultAsync<StoredState>(new CommandDefinition(Select, new { Key = key }, cancellationToken: cancellationToken));
            if (row is not null)
            {
                found.Add(row);
            }
        }
        return found;
    }

    private const string Upsert = """
        INSERT INTO bot_state (state_key, value_json, etag, updated_at) VALUES (@Key, @Json, @NewETag, @Now)
        ON CONFLICT (state_key) DO UPDATE SET value_json = excluded.value_json, etag = excluded.etag, updated_at = excluded.updated_at
        """;

    private const string InsertNew = """
        INSERT INTO bot_state (state_key, value_json, etag, updated_at) VALUES (@Key, @Json, @NewETag, @Now)
        ON CONFLICT (state_key) DO NOTHING
        """;

    private const string UpdateIfUnchanged = """
        UPDATE bot_state SET value_json = @Json, etag = @NewETag, updated_at = @Now
        WHERE state_key = @Key AND etag = @ExpectedETag
        """;

    /// <summary>
    /// Writes one value. <paramref name="expectedETag"/> null or "*" writes unconditionally; otherwise the stored
    /// ETag must still be the one read, else <see cref="StateConflictException"/>. Returns the new ETag.
    /// </summary>
    public Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var args = new { Key = key, Json = json, NewETag = Guid.NewGuid().ToString("N"), Now = time.GetUtcNow(), ExpectedETag = expectedETag };
        // A turn's state is written at its end: an import holding SQLite's lock must not fail the turn (the statement
        // either ran or did not, so running it again is safe).
        return SqliteBusy.RetryAsync(connections.WriteGate, async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            if (expectedETag is null or "*")
            {
                await connection.ExecuteAsync(new CommandDefinition(Upsert, args, cancellationToken: cancellationToken));
                return args.NewETag;
            }
            var written = await connection.ExecuteAsync(new CommandDefinition(UpdateIfUnchanged, args, cancellationToken: cancellationToken));
            if (written == 0)
            {
                throw new StateConflictException(key);
            }
            return args.NewETag;
        }, cancellationToken);
    }

    /// <summary>First write of a key that a turn read as absent: refused if another turn created it meanwhile.</summary>
    public Task<string> CreateAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        var args = new { Key = key, Json = json, NewETag = Guid.NewGuid().ToString("N"), Now = time.GetUtcNow() };
        return SqliteBusy.RetryAsync(connections.WriteGate, async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            if (await connection.ExecuteAsync(new CommandDefinition(InsertNew, args, cancellationToken: cancellationToken)) == 0)
            {
                throw new StateConflictException(key);
            }
            return args.NewETag;
        }, cancellationToken);
    }

    private const string Delete = "DELETE FROM bot_state WHERE state_key = @Key";

    public Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var all = keys.ToList();
        // Deleting an absent key changes nothing: after a busy lock the whole list is deleted again.
        return SqliteBusy.RetryAsync(connections.WriteGate, async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            foreach (var key in all)
            {
                await connection.ExecuteAsync(new CommandDefinition(Delete, new { Key = key }, cancellationToken: cancellationToken));
            }
            return all.Count;
        }, cancellationToken);
    }
}
