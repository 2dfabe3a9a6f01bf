using System.Security.Cryptography;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Evidence;

/// <summary>
/// Evidence files: stored for their uploader as they arrive (the Teams download URL expires at once), then claimed by
/// the progress report or write-off request they were sent with. Every step is audited.
/// </summary>
public sealed class EvidenceRepository(ConnectionFactory connections, IEvidenceStore store)
{
    private const string Columns = """
        e.id AS Id, e.task_id AS TaskId, e.write_off_id AS WriteOffId, e.uploaded_by AS UploadedBy, p.name AS UploaderName,
        e.uploaded_at AS UploadedAt, e.name AS Name, e.size_bytes AS SizeBytes, e.sha256 AS Sha256, e.content_type AS ContentType
        """;

    private const string Insert = """
        INSERT INTO evidence_files (uploaded_by, uploaded_at, name, size_bytes, sha256, content_type)
        VALUES (@UploadedBy, @At, @Name, @Size, @Sha256, @ContentType)
        RETURNING id
        """;

    /// <summary>
    /// Stores the bytes, then the metadata and its audit entry in one transaction. The bytes go first: content
    /// without a row is invisible and harmless, a row without content would be a broken promise.
    /// </summary>
    public async Task<EvidenceFile> AddAsync(NewEvidence file, CancellationToken cancellationToken = default)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content));
        await store.PutAsync(sha256, file.Content, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT name FROM people WHERE id = @Id", new { Id = file.UploadedBy }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"No person {file.UploadedBy}.");
        var args = new { file.UploadedBy, file.At, file.Name, Size = (long)file.Content.Length, Sha256 = sha256, file.Type.ContentType };
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, args, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(file.UploadedBy, name), file.At, "evidence", id, "upload", null,
            new { file.Name, size = args.Size, sha256, contentType = args.ContentType }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EvidenceFile(id, null, null, file.UploadedBy, name, file.At, file.Name, args.Size, sha256, args.ContentType);
    }

    private const string SelectUnclaimed = $"""
        SELECT {Columns} FROM evidence_files e JOIN people p ON p.id = e.uploaded_by
        WHERE e.uploaded_by = @PersonId AND e.task_id IS NULL AND e.uploaded_at >= @Since ORDER BY e.id
        """;

    /// <summary>What the person sent since the instant that no report or request has claimed yet.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> UnclaimedAsync(long personId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EvidenceRow>(new CommandDefinition(SelectUnclaimed, new { PersonId = personId, Since = since }, cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();
    }

    private const string Claim = """
        UPDATE evidence_files SET task_id = @TaskId, write_off_id = @WriteOffId
        WHERE uploaded_by = @PersonId AND task_id IS NULL AND uploaded_at >= @Since
        RETURNING id
        """;

    /// <summary>
    /// Ties the person's unclaimed files (sent since the instant) to a task, and to a write-off request when there is
    /// one. Returns the files now on the task from this claim.
    /// </summary>
    public async Task<IReadOnlyList<EvidenceFile>> ClaimAsync(long personId, long taskId, long? writeOffId, DateTimeOffset since, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(Claim,
            new { PersonId = personId, TaskId = taskId, WriteOffId = writeOffId, Since = since }, transaction, cancellationToken: cancellationToken))).ToList();
        if (ids.Count > 0)
        {
            var name = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT name FROM people WHERE id = @Id", new { Id = personId }, transaction, cancellationToken: cancellationToken));
            foreach (var id in ids)
            {
                await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, name ?? ""), at, "evidence", id, "attach", null, new { taskId, writeOffId }, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        // One by one: a claim holds a handful of files, and IN @list is not portable across the two providers' parameters.
        var files = new List<EvidenceFile>(ids.Count);
        foreach (var id in ids.Order())
        {
            files.Add((await connection.QuerySingleAsync<EvidenceRow>(new CommandDefinition(SelectOne, new { Id = id }, cancellationToken: cancellationToken))).ToRecord());
        }
        return files;
    }

    private const string SelectForTask = $"SELECT {Columns} FROM evidence_files e JOIN people p ON p.id = e.uploaded_by WHERE e.task_id = @Id ORDER BY e.id";

    public async Task<IReadOnlyList<EvidenceFile>> ForTaskAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EvidenceRow>(new CommandDefinition(SelectForTask, new { Id = taskId }, cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();
    }

    private const string SelectNamesForInspection = """
        SELECT e.task_id AS TaskId, e.name AS Name FROM evidence_files e JOIN tasks t ON t.id = e.task_id
        WHERE t.inspection_id = @Id ORDER BY e.task_id, e.id
        """;

    /// <summary>The evidence file names of every measure of an inspection, in upload order: what the ledger export lists.</summary>
    public async Task<ILookup<long, string>> NamesByTaskAsync(long inspectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long TaskId, string Name)>(new CommandDefinition(SelectNamesForInspection, new { Id = inspectionId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.TaskId, r => r.Name);
    }

    private const string SelectForWriteOff = $"SELECT {Columns} FROM evidence_files e JOIN people p ON p.id = e.uploaded_by WHERE e.write_off_id = @Id ORDER BY e.id";

    public async Task<IReadOnlyList<EvidenceFile>> ForWriteOffAsync(long writeOffId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EvidenceRow>(new CommandDefinition(SelectForWriteOff, new { Id = writeOffId }, cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();
    }

    private const string SelectOne = $"SELECT {Columns} FROM evidence_files e JOIN people p ON p.id = e.uploaded_by WHERE e.id = @Id";

    public async Task<EvidenceFile?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition(SelectOne, new { Id = id }, cancellationToken: cancellationToken)))?.ToRecord();
    }

    private const string DeleteUnclaimed = "DELETE FROM evidence_files WHERE id = @Id AND task_id IS NULL";

    /// <summary>A file that turned out to be something else (a ledger sheet to import) is no evidence: its row goes, so no
    /// report claims it. The bytes stay in the content-addressed store, unreferenced.</summary>
    public async Task DiscardUnclaimedAsync(long id, long personId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(DeleteUnclaimed, new { Id = id }, transaction, cancellationToken: cancellationToken)) == 1)
        {
            var person = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT name FROM people WHERE id = @Id", new { Id = personId }, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, person ?? ""), at, "evidence", id, "discard", null, new { reason }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A refused file leaves no bytes and no row, only this line in the audit log.</summary>
    public async Task AuditRefusalAsync(long personId, string name, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var person = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT name FROM people WHERE id = @Id", new { Id = personId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, person ?? ""), at, "evidence", 0, "refuse", null, new { name, reason }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<byte[]?> ContentAsync(EvidenceFile file, CancellationToken cancellationToken = default) => store.GetAsync(file.Sha256, cancellationToken);

    private sealed class EvidenceRow
    {
        public long Id { get; init; }
        public long? TaskId { get; init; }
        public long? WriteOffId { get; init; }
        public long UploadedBy { get; init; }
        public string UploaderName { get; init; } = "";
        public DateTimeOffset UploadedAt { get; init; }
        public string Name { get; init; } = "";
        public long SizeBytes { get; init; }
        public string Sha256 { get; init; } = "";
        public string ContentType { get; init; } = "";

        public EvidenceFile ToRecord() => new(Id, TaskId, WriteOffId, UploadedBy, UploaderName, UploadedAt, Name, SizeBytes, Sha256, ContentType);
    }
}
