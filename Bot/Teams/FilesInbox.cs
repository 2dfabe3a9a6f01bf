using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Conversation;
using Rectification.Bot.Hosting;
using Rectification.Data.Evidence;
using Rectification.Data.People;

namespace Rectification.Bot.Teams;

/// <summary>A file Teams announced in a message: its name and the short-lived URL to fetch it from.</summary>
public sealed record IncomingFile(string Name, string? DownloadUrl);

/// <summary>
/// Files sent to the bot in a personal chat: each is downloaded at once, checked (size, type by content) and stored
/// as evidence of its uploader, or refused with the reason and nothing kept.
/// </summary>
public sealed class FilesInbox(
    FileDownloader downloader,
    EvidenceRepository evidence,
    IOptions<FilesOptions> options,
    TimeProvider time,
    ILogger<FilesInbox> logger)
{
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>The file attachments of a message (Teams adds a text/html copy of the message too; that is not a file).</summary>
    public static IReadOnlyList<IncomingFile> Incoming(IMessageActivity activity) =>
        (activity.Attachments ?? [])
            .Where(a => a.ContentType == FileDownloadInfo.ContentType)
            .Select(a => new IncomingFile(Path.GetFileName(a.Name ?? "file"), a.Content switch
            {
                JObject json => json.Value<string>("downloadUrl"),
                FileDownloadInfo info => info.DownloadUrl,
                _ => null,
            }))
            .ToList();

    public async Task<(IReadOnlyList<ReceivedFile> Stored, IReadOnlyList<(string Name, string Reason)> Refused)> ReceiveAsync(
        Person person, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken)
    {
        var stored = new List<ReceivedFile>();
        var refused = new List<(string, string)>();
        var max = options.Value.MaxFileBytes;
        foreach (var file in files)
        {
            var reason = await ReceiveOneAsync(person, file, max, stored, cancellationToken);
            if (reason is not null)
            {
                refused.Add((file.Name, reason));
                logger.LogInformation("Refused file {FileName} from person {PersonId}: {Reason}", file.Name, person.Id, reason);
                await evidence.AuditRefusalAsync(person.Id, file.Name, reason, time.GetUtcNow(), cancellationToken);
            }
        }
        return (stored, refused);
    }

    private async Task<string?> ReceiveOneAsync(Person person, IncomingFile file, long max, List<ReceivedFile> stored, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(file.DownloadUrl, UriKind.Absolute, out var url))
        {
            return FileRefusal.Unavailable;
        }
        DownloadResult download;
        try
        {
            download = await downloader.DownloadAsync(url, max, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Downloading {FileName} failed", file.Name);
            return FileRefusal.Unavailable;
        }
        if (download.Content is not { } content)
        {
            return download.Refusal;
        }
        if (FileTypes.Detect(content, file.Name) is not { } type)
        {
            return FileRefusal.Type;
        }
        var saved = await evidence.AddAsync(new NewEvidence(person.Id, file.Name, content, type, time.GetUtcNow()), cancellationToken);
        stored.Add(new ReceivedFile(saved.Id, saved.Name));
        return null;
    }
}
