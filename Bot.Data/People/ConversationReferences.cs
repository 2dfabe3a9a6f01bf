using System.Collections.Concurrent;
using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.People;

/// <summary>Where a Teams user can be reached proactively. The reference itself is opaque JSON to this layer.</summary>
public sealed record StoredReference(
    string UserId,
    string ConversationId,
    string? AadObjectId,
    long? PersonId,
    bool IsPersonal,
    string ServiceUrl,
    string? TenantId,
    string ChannelId,
    string BotId,
    string ReferenceJson,
    DateTimeOffset UpdatedAt);

public sealed class ConversationReferences(ConnectionFactory connections)
{
    private const string Upsert = """
        INSERT INTO conversation_references (user_id, conversation_id, aad_object_id, person_id, is_personal, service_url, tenant_id,
                                             channel_id, bot_id, reference_json, updated_at)
        VALUES (@UserId, @ConversationId, @AadObjectId, @PersonId, @IsPersonal, @ServiceUrl, @TenantId, @ChannelId, @BotId, @ReferenceJson, @UpdatedAt)
        ON CONFLICT (user_id, conversation_id) DO UPDATE SET
            aad_object_id = excluded.aad_object_id, person_id = COALESCE(excluded.person_id, conversation_references.person_id),
            is_personal = excluded.is_personal, service_url = excluded.service_url, tenant_id = excluded.tenant_id,
            channel_id = excluded.channel_id, bot_id = excluded.bot_id, reference_json = excluded.reference_json,
            updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(StoredReference reference, CancellationToken cancellationToken = default)
    {
        using var turn = await connections.WriteGate.EnterAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, reference, cancellationToken: cancellationToken));
        _known.TryRemove((reference.UserId, reference.ConversationId), out _);
    }

    // The same upsert, but an existing row is only rewritten when something in it differs: another instance may
    // have stored what this one has not seen, and an unchanged row costs no write. A row older than the person's
    // 403/404 mark is rewritten all the same: its new updated_at is what makes them reachable again (the reminder
    // snapshot counts a reference only when it is newer than the mark).
    private const string UpsertIfChanged = Upsert + """

        WHERE conversation_references.aad_object_id IS DISTINCT FROM excluded.aad_object_id
           OR (excluded.person_id IS NOT NULL AND conversation_references.person_id IS DISTINCT FROM excluded.person_id)
           OR conversation_references.is_personal IS DISTINCT FROM excluded.is_personal
           OR conversation_references.service_url IS DISTINCT FROM excluded.service_url
           OR conversation_references.tenant_id IS DISTINCT FROM excluded.tenant_id
           OR conversation_references.channel_id IS DISTINCT FROM excluded.channel_id
           OR conversation_references.bot_id IS DISTINCT FROM excluded.bot_id
           OR conversation_references.reference_json IS DISTINCT FROM excluded.reference_json
           OR EXISTS (SELECT 1 FROM reminder_unreachable u
                      WHERE u.person_id = COALESCE(excluded.person_id, conversation_references.person_id)
                        AND u.at >= conversation_references.updated_at)
        """;

    // What this instance last stored or found stored per user and conversation, and when: a message from someone
    // whose reference is unchanged costs no connection at all. An entry is trusted for a while only, so a row changed
    // or removed behind this instance's back (another host, a clean-up) is put right by the next message after that.
    private static readonly TimeSpan TrustKnownFor = TimeSpan.FromMinutes(10);
    private const int MaxKnown = 200_000;
    private readonly ConcurrentDictionary<(string User, string Conversation), (StoredReference Reference, DateTimeOffset At)> _known = new();

    // People Teams refused (403/404) since this instance remembered them: their next capture goes to the database,
    // whose guard rewrites the row and so makes them reachable again.
    private readonly ConcurrentDictionary<long, byte> _refused = new();

    /// <summary>
    /// Teams refused the person's conversation: what this instance remembers of them no longer spares a write. Another
    /// host's memory is trusted for <see cref="TrustKnownFor"/> at most, and an install always asks the database.
    /// </summary>
    public void ForgetRefused(long personId) => _refused[personId] = 0;

    /// <summary>
    /// Stores the reference when it differs from what is stored (every message captures it, and it almost never
    /// changes). Returns whether a row was written. updated_at is thus the time the reference last changed, or the time
    /// the person came back after Teams refused them. <paramref name="askDatabase"/> skips this instance's memory (an
    /// install or re-install: the person may have been refused on another host).
    /// </summary>
    public async Task<bool> SaveIfChangedAsync(StoredReference reference, bool askDatabase = false, CancellationToken cancellationToken = default)
    {
        var key = (reference.UserId, reference.ConversationId);
        var timeless = reference with { UpdatedAt = default };
        var cached = _known.TryGetValue(key, out var entry) && reference.UpdatedAt - entry.At < TrustKnownFor && reference.UpdatedAt >= entry.At
            && !askDatabase && !IsRefused(reference.PersonId) && !IsRefused(entry.Reference.PersonId);
        // A message before the sender is matched to a person carries no person id: it changes nothing stored.
        if (cached && (entry.Reference == timeless || (timeless.PersonId is null && entry.Reference == timeless with { PersonId = entry.Reference.PersonId })))
        {
            return false;
        }
        int written;
        using (await connections.WriteGate.EnterAsync(cancellationToken))
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            written = await connection.ExecuteAsync(new CommandDefinition(UpsertIfChanged, reference, cancellationToken: cancellationToken));
        }
        if (_known.Count >= MaxKnown)
        {
            _known.Clear();
        }
        var stored = timeless.PersonId is null && entry.Reference?.PersonId is { } personId ? timeless with { PersonId = personId } : timeless;
        _known[key] = (stored, reference.UpdatedAt);
        if (stored.PersonId is { } refused)
        {
            _refused.TryRemove(refused, out _);
        }
        return written > 0;
    }

    private bool IsRefused(long? personId) => personId is { } id && !_refused.IsEmpty && _refused.ContainsKey(id);

    private const string SelectForPerson = """
        SELECT user_id AS UserId, conversation_id AS ConversationId, aad_object_id AS AadObjectId, person_id AS PersonId,
               is_personal AS IsPersonal, service_url AS ServiceUrl, tenant_id AS TenantId, channel_id AS ChannelId, bot_id AS BotId,
               reference_json AS ReferenceJson, updated_at AS UpdatedAt
        FROM conversation_references WHERE person_id = @PersonId AND is_personal IS TRUE
        ORDER BY updated_at DESC
        """;

    /// <summary>
    /// Where to reach a person: their personal chat with the bot. Never a group chat or channel, where approval cards
    /// and overdue lists would be read by everyone in it; someone who only used the bot there counts as unreachable.
    /// </summary>
    public async Task<StoredReference?> FindForPersonAsync(long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<ReferenceRow>(new CommandDefinition(SelectForPerson, new { PersonId = personId }, cancellationToken: cancellationToken)))
            .Select(r => r.ToReference()).FirstOrDefault();
    }

    private const string SelectExists = "SELECT count(*) FROM conversation_references WHERE user_id = @UserId AND conversation_id = @ConversationId";

    public async Task<bool> ExistsAsync(string userId, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectExists, new { UserId = userId, ConversationId = conversationId }, cancellationToken: cancellationToken)) > 0;
    }

    private const string InsertWelcome = """
        INSERT INTO welcomes (user_id, conversation_id, at) VALUES (@UserId, @ConversationId, @At)
        ON CONFLICT (user_id, conversation_id) DO NOTHING
        """;

    /// <summary>
    /// True for exactly one caller per user and conversation, however many ask at the same moment: Teams announces an
    /// install twice at once, and only the announcement that wins this insert greets.
    /// </summary>
    public async Task<bool> ClaimWelcomeAsync(string userId, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(InsertWelcome, new { UserId = userId, ConversationId = conversationId, At = at }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class ReferenceRow
    {
        public string UserId { get; init; } = "";
        public string ConversationId { get; init; } = "";
        public string? AadObjectId { get; init; }
        public long? PersonId { get; init; }
        public bool IsPersonal { get; init; }
        public string ServiceUrl { get; init; } = "";
        public string? TenantId { get; init; }
        public string ChannelId { get; init; } = "";
        public string BotId { get; init; } = "";
        public string ReferenceJson { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }

        public StoredReference ToReference() => new(UserId, ConversationId, AadObjectId, PersonId, IsPersonal, ServiceUrl, TenantId, ChannelId, BotId, ReferenceJson, UpdatedAt);
    }
}
