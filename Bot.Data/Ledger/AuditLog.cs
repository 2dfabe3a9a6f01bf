using System.Data.Common;
using System.Text.Json;
using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Ledger;

/// <summary>Who changed what, when, from what to what. Written in the same transaction as the change.</summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string Insert = """
        INSERT INTO audit_log (at, actor_id, actor, entity, entity_id, action, before_json, after_json)
        VALUES (@At, @ActorId, @Actor, @Entity, @EntityId, @Action, @Before, @After)
        """;

    public static Task WriteAsync(DbConnection connection, DbTransaction transaction, Actor actor, DateTimeOffset at,
        string entity, long entityId, string action, object? before, object? after, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            At = at,
            ActorId = actor.PersonId,
            Actor = actor.Label,
            Entity = entity,
            EntityId = entityId,
            Action = action,
            Before = ToJson(before),
            After = ToJson(after),
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>The insert built once, for a writer that audits every row of a sheet (see <see cref="PreparedStatement"/>).</summary>
    public static PreparedStatement Prepare(DbConnection connection, DbTransaction transaction) =>
        new(connection, transaction, Insert, "At", "ActorId", "Actor", "Entity", "EntityId", "Action", "Before", "After");

    /// <summary>The same entry as <see cref="WriteAsync(DbConnection, DbTransaction, Actor, DateTimeOffset, string, long, string, object?, object?, CancellationToken)"/>, through a prepared insert.</summary>
    public static Task WriteAsync(PreparedStatement insert, Actor actor, DateTimeOffset at, string entity, long entityId, string action,
        object? before, object? after, CancellationToken cancellationToken) =>
        insert.ExecuteAsync(cancellationToken, at, actor.PersonId, actor.Label, entity, entityId, action, ToJson(before), ToJson(after));

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    private const string SelectForEntity = """
        SELECT id AS Id, at AS At, actor_id AS ActorId, actor AS Actor, entity AS Entity, entity_id AS EntityId, action AS Action,
               before_json AS BeforeJson, after_json AS AfterJson
        FROM audit_log WHERE entity = @Entity AND entity_id = @EntityId ORDER BY id
        """;

    public static async Task<IReadOnlyList<AuditEntry>> ReadAsync(DbConnection connection, string entity, long entityId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<AuditEntry>(new CommandDefinition(SelectForEntity, new { Entity = entity, EntityId = entityId }, cancellationToken: cancellationToken))).ToList();
}

/// <summary>Who made a change: a person of the ledger, or a named system actor (import, demo seed).</summary>
public sealed record Actor(long? PersonId, string Label)
{
    public static Actor Person(long id, string name) => new(id, name);

    public static Actor System(string what) => new(null, what);
}

public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public long? ActorId { get; init; }
    public string Actor { get; init; } = "";
    public string Entity { get; init; } = "";
    public long EntityId { get; init; }
    public string Action { get; init; } = "";
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
}
