namespace Rectification.Bot.Teams;

/// <summary>How a download ended: the bytes, or why not (one of the refusal codes the texts know).</summary>
public sealed record DownloadResult(byte[]? Content, string? Refusal)
{
    public static DownloadResult Refused(string reason) => new(null, reason);
}

/// <summary>
/// Fetches an incoming file at once (Teams' downloadUrl expires within minutes), within the size limit, following
/// redirects by hand so that each hop is checked against the URL policy: a redirect to another host is refused.
/// </summary>
public sealed class FileDownloader(IHttpClientFactory clients, FileUrlPolicy policy, ILogger<FileDownloader> logger)
{
    public const string ClientName = "files";

    private const int MaxRedirects = 3;

    public async Task<DownloadResult> DownloadAsync(Uri url, long maxBytes, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            if (!policy.IsAllowed(url))
            {
                logger.LogWarning("Refused to download a file from {Host}: not an allowed file host", url.Host);
                return DownloadResult.Refused(FileRefusal.Host);
            }
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Downloading a file failed with {Status}", (int)response.StatusCode);
                return DownloadResult.Refused(FileRefusal.Unavailable);
            }
            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return DownloadResult.Refused(FileRefusal.TooLarge);
            }
            // The length header may be absent or wrong: count while reading, and stop one byte past the limit.
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return DownloadResult.Refused(FileRefusal.TooLarge);
                }
            }
            return buffer.Length == 0 ? DownloadResult.Refused(FileRefusal.Empty) : new DownloadResult(buffer.ToArray(), null);
        }
        return DownloadResult.Refused(FileRefusal.Unavailable);
    }
}

/// <summary>Why a file was not taken; the texts turn these into words.</summary>
public static class FileRefusal
{
    public const string TooLarge = "too_large";
    public const string Type = "type";
    public const string Host = "host";
    public const string Empty = "empty";
    public const string Unavailable = "unavailable";
}
