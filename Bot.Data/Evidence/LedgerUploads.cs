using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Evidence;

/// <summary>A ledger sheet sent in chat, waiting for the confirmation of its plan.</summary>
public sealed record LedgerUpload(long Id, long PersonId, string Name, string Sha256, byte[] Content, string PlanHash);

/// <summary>Ledger sheets sent in chat: kept with the plan shown, imported at most once. Every step is audited.</summary>
public sealed class LedgerUploads(ConnectionFactory connections)
{
    private const string Insert = """
        INSERT INTO ledger_uploads (person_id, name, sha256, content, plan_hash, created_at, state)
        VALUES (@PersonId, @Name, @Sha256, @Content, @PlanHash, @At, 'planned')
        RETURNING id
        """;

    public async Task<long> CreateAsync(long personId, string personName, string name, string sha256, byte[] content, string planHash, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert,
            new { PersonId = personId, Name = name, Sha256 = sha256, Content = content, PlanHash = planHash, At = at }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, personName), at, "ledger_upload", id, "plan", null, new { name, sha256, planHash }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private const string Select = """
        SELECT id AS Id, person_id AS PersonId, name AS Name, sha256 AS Sha256, content AS Content, plan_hash AS PlanHash
        FROM ledger_uploads WHERE id = @Id AND person_id = @PersonId AND state = 'planned'
        """;

    /// <summary>The person's upload still waiting for its import; null when it is someone else's or already imported.</summary>
    public async Task<LedgerUpload?> GetPlannedAsync(long id, long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select, new { Id = id, PersonId = personId }, cancellationToken: cancellationToken));
        return row is null ? null : new LedgerUpload(row.Id, row.PersonId, row.Name, row.Sha256, row.Content, row.PlanHash);
    }

    private const string Replan = "UPDATE ledger_uploads SET plan_hash = @PlanHash WHERE id = @Id AND state = 'planned'";

    public async Task ReplanAsync(LedgerUpload upload, string personName, string planHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Replan, new { upload.Id, PlanHash = planHash }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(upload.PersonId, personName), at, "ledger_upload", upload.Id, "replan",
            new { planHash = upload.PlanHash }, new { planHash }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string MarkImported = "UPDATE ledger_uploads SET state = 'imported', imported_at = @At WHERE id = @Id AND state = 'planned'";

    /// <summary>Claims the upload for its import; false when another press got there first.</summary>
    public async Task<bool> ClaimForImportAsync(LedgerUpload upload, string personName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(MarkImported, new { upload.Id, At = at }, transaction, cancellationToken: cancellationToken)) == 1;
        if (claimed)
        {
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(upload.PersonId, personName), at, "ledger_upload", upload.Id, "import", null,
                new { upload.Name, upload.Sha256, upload.PlanHash }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public long PersonId { get; init; }
        public string Name { get; init; } = "";
        public string Sha256 { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public string PlanHash { get; init; } = "";
    }
}
