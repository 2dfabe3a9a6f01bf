namespace Rectification.Data.Evidence;

/// <summary>
/// Where the bytes of evidence files live, addressed by their sha256 (the same scan sent twice is kept once).
/// A folder for one instance beside its SQLite ledger; the database when several instances share PostgreSQL.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the content whole or not at all; storing content already there is a no-op.</summary>
    Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken);

    /// <summary>The content, or null when the store does not have it.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken);
}
