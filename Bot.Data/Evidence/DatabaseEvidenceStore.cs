using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Evidence;

/// <summary>Evidence bytes in the ledger database (bytea on PostgreSQL, BLOB on SQLite), for several instances.</summary>
public sealed class DatabaseEvidenceStore(ConnectionFactory connections) : IEvidenceStore
{
    private const string Insert = "INSERT INTO evidence_blobs (sha256, content) VALUES (@Sha256, @Content) ON CONFLICT (sha256) DO NOTHING";

    public async Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { Sha256 = sha256, Content = content }, cancellationToken: cancellationToken));
    }

    private const string Select = "SELECT content FROM evidence_blobs WHERE sha256 = @Sha256";

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(Select, new { Sha256 = sha256 }, cancellationToken: cancellationToken));
    }
}
