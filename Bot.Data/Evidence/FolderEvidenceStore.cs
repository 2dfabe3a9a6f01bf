namespace Rectification.Data.Evidence;

/// <summary>
/// Evidence bytes as files named by their sha256 under one folder (two-letter fan-out). Written to a temporary
/// name and renamed into place, so a crash never leaves a half-written file under a real name.
/// </summary>
public sealed class FolderEvidenceStore(string folder) : IEvidenceStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task PutAsync(string sha256, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    private string PathOf(string sha256)
    {
        // The name comes from our own hash, but a store must never be talked into writing outside its folder.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case sha256.", nameof(sha256));
        }
        return Path.Combine(Folder, sha256[..2], sha256);
    }
}
