using System.Security.Cryptography;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Evidence;

public enum OfferState
{
    Offered,
    Uploading,
    Delivered,
    Declined,
    Failed,
}

/// <summary>A file the bot offered one person; the token is what the FileConsentCard's context carries back.</summary>
public sealed record FileOffer(long Id, string Token, long PersonId, string Name, string Kind, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>
/// The files the bot offers through Teams' consent flow. Only an answer that names an open, unexpired offer of the
/// person answering may take it, and only once: taking moves it to 'uploading' atomically, so a replayed accept
/// never uploads twice.
/// </summary>
public sealed class FileOffers(ConnectionFactory connections)
{
    private const string Insert = """
        INSERT INTO file_offers (token, person_id, name, kind, content, created_at, expires_at, state)
        VALUES (@Token, @PersonId, @Name, @Kind, @Content, @At, @ExpiresAt, 'offered')
        RETURNING id
        """;

    private const string DeleteExpired = "DELETE FROM file_offers WHERE expires_at < @Before";

    public async Task<FileOffer> CreateAsync(long personId, string personName, string name, string kind, byte[] content, DateTimeOffset at, TimeSpan lifetime,
        CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = at + lifetime;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Offers are short-lived copies; a day after they expire their bytes are of no use to anyone.
        await connection.ExecuteAsync(new CommandDefinition(DeleteExpired, new { Before = at - TimeSpan.FromDays(1) }, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert,
            new { Token = token, PersonId = personId, Name = name, Kind = kind, Content = content, At = at, ExpiresAt = expires }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, personName), at, "file_offer", id, "offer", null,
            new { name, kind, size = content.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FileOffer(id, token, personId, name, kind, content, expires);
    }

    private const string Take = """
        UPDATE file_offers SET state = @Next, answered_at = @At
        WHERE token = @Token AND person_id = @PersonId AND state = 'offered' AND expires_at > @At
        RETURNING id AS Id, token AS Token, person_id AS PersonId, name AS Name, kind AS Kind, content AS Content, expires_at AS ExpiresAt
        """;

    /// <summary>
    /// Takes the person's open offer for an accept (to 'uploading') or a decline; null when there is no such offer,
    /// it is someone else's, expired or already answered.
    /// </summary>
    public async Task<FileOffer?> TakeAsync(string token, long personId, bool accept, string personName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<OfferRow>(new CommandDefinition(Take,
            new { Token = token, PersonId = personId, At = at, Next = accept ? "uploading" : "declined" }, transaction, cancellationToken: cancellationToken));
        if (row is not null)
        {
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(personId, personName), at, "file_offer", row.Id, accept ? "accept" : "decline", null, null, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return row?.ToRecord();
    }

    private const string Finish = "UPDATE file_offers SET state = @State, answered_at = @At WHERE id = @Id";

    /// <summary>Records how the upload of a taken offer ended.</summary>
    public async Task FinishAsync(FileOffer offer, bool delivered, string personName, string? error, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Finish, new { offer.Id, State = delivered ? "delivered" : "failed", At = at }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(offer.PersonId, personName), at, "file_offer", offer.Id, delivered ? "upload" : "upload_failed", null,
            error is null ? null : new { error }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string SelectState = "SELECT state FROM file_offers WHERE token = @Token";

    public async Task<OfferState?> StateAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var state = await connection.ExecuteScalarAsync<string>(new CommandDefinition(SelectState, new { Token = token }, cancellationToken: cancellationToken));
        return state is null ? null : Enum.Parse<OfferState>(state, ignoreCase: true);
    }

    private sealed class OfferRow
    {
        public long Id { get; init; }
        public string Token { get; init; } = "";
        public long PersonId { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public byte[] Content { get; init; } = [];
        public DateTimeOffset ExpiresAt { get; init; }

        public FileOffer ToRecord() => new(Id, Token, PersonId, Name, Kind, Content, ExpiresAt);
    }
}
