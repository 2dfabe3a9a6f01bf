using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Rectification.Tests.Http;

/// <summary>
/// Stands in for the Bot Connector service the bot replies to: records every activity posted to it, answers the
/// Teams roster look-up for the users it knows, and can be told to fail. Nothing leaves the process.
/// </summary>
public sealed class FakeConnector : HttpMessageHandler, IHttpClientFactory
{
    public const string ServiceUrl = "https://connector.test/";

    private int _ids;

    public ConcurrentQueue<(string Path, JObject Activity)> Sent { get; } = new();

    public ConcurrentDictionary<string, (string Name, string Email, string AadObjectId)> Members { get; } = new();

    public Func<HttpRequestMessage, HttpStatusCode?> Fault { get; set; } = _ => null;

    /// <summary>Like <see cref="Fault"/>, for answers that need headers (429 with Retry-After); asked first.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?> FaultResponse { get; set; } = _ => null;

    /// <summary>The loopback file host: Teams' downloadUrl and OneDrive's uploadUrl, served in-process like the connector.</summary>
    public const string FileHost = "http://127.0.0.1:9/";

    /// <summary>The same file host under a Microsoft name, for runs with authentication on, where loopback is refused.</summary>
    public const string SharePointHost = "https://contoso-my.sharepoint.com/";

    /// <summary>What the file host serves at a path under <see cref="FileHost"/>; a path not here answers 404, as an expired URL does.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Paths the file host answers with a 302 to the given absolute URL.</summary>
    public ConcurrentDictionary<string, string> Redirects { get; } = new();

    /// <summary>What was PUT to an upload path of the file host, with its Content-Range header.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string? ContentRange)> Uploads { get; } = new();

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    /// <summary>A message from 刘洋 in his personal chat, as Teams posts it to /api/messages, replying through this connector.</summary>
    public static StringContent TeamsMessage(string text, string id, string? tenantId = "tenant-1", JObject? channelData = null)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JObject { ["id"] = "29:liu", ["name"] = "Liu Yang", ["aadObjectId"] = "aad-liu" },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "整改台账助手" },
            ["conversation"] = new JObject { ["id"] = "a:personal-liu", ["conversationType"] = "personal", ["tenantId"] = tenantId },
        };
        if (channelData is not null)
        {
            activity["channelData"] = channelData;
        }
        return new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
    }

    public IEnumerable<string> Texts => Sent.Select(s => s.Activity.Value<string>("text") ?? s.Activity.SelectToken("attachments[0].content")?.ToString() ?? "");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (FaultResponse(request) is { } response)
        {
            return response;
        }
        if (Fault(request) is { } status)
        {
            return new HttpResponseMessage(status);
        }
        var path = request.RequestUri!.AbsolutePath;
        if (request.RequestUri.GetLeftPart(UriPartial.Authority) + "/" is FileHost or SharePointHost)
        {
            return await FileHostAsync(request, path, cancellationToken);
        }
        if (request.Method == HttpMethod.Get && path.Contains("/members/", StringComparison.Ordinal))
        {
            var userId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
            return Members.TryGetValue(userId, out var member)
                ? Json(new JObject { ["id"] = userId, ["name"] = member.Name, ["email"] = member.Email, ["userPrincipalName"] = member.Email, ["aadObjectId"] = member.AadObjectId })
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        if (request.Content is not null && (request.Method == HttpMethod.Post || request.Method == HttpMethod.Put))
        {
            var body = JObject.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            Sent.Enqueue((path, body));
            return Json(new JObject { ["id"] = $"reply-{Interlocked.Increment(ref _ids)}" });
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> FileHostAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Put && request.Content is not null)
        {
            // OneDrive's upload session: one fragment carrying the whole file, "bytes 0-(n-1)/n".
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Uploads[path] = (bytes, request.Content.Headers.ContentRange?.ToString());
            return Json(new JObject { ["id"] = "drive-item", ["name"] = Path.GetFileName(path), ["size"] = bytes.Length });
        }
        if (request.Method == HttpMethod.Get && Redirects.TryGetValue(path, out var location))
        {
            var redirect = new HttpResponseMessage(HttpStatusCode.Found);
            redirect.Headers.Location = new Uri(location);
            return redirect;
        }
        if (request.Method == HttpMethod.Get && Files.TryGetValue(path, out var content))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) };
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage Json(JObject body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
    };
}
