using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using Rectification.Tests.Http;

namespace Rectification.Tests.Security;

/// <summary>With authentication on, files are fetched only over https from Microsoft hosts, and never through a redirect elsewhere.</summary>
public sealed class FileSecurityTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private StringContent WithFile(string text, string name, string downloadUrl)
    {
        var activity = JObject.Parse(_bot.Message(text).ReadAsStringAsync().Result);
        activity["attachments"] = new JArray(new JObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["name"] = name,
            ["content"] = new JObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = "u-1", ["fileType"] = "pdf" },
        });
        return new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
    }

    [Fact]
    public async Task Only_https_microsoft_hosts_are_fetched_and_a_redirect_to_another_host_is_refused()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF");
        _bot.Connector.Files["/personal/liu/minutes.pdf"] = pdf;
        _bot.Connector.Redirects["/personal/liu/moved.pdf"] = FakeConnector.FileHost + "personal/liu/minutes.pdf";

        var loopback = await SecureBot.PostAsync(client, WithFile("申请销号 1-2-2", "纪要.pdf", FakeConnector.FileHost + "personal/liu/minutes.pdf"), FakeBotFrameworkCloud.Token());
        var redirected = await SecureBot.PostAsync(client, WithFile("", "转存.pdf", FakeConnector.SharePointHost + "personal/liu/moved.pdf"), FakeBotFrameworkCloud.Token());
        var sharePoint = await SecureBot.PostAsync(client, WithFile("", "会议纪要.pdf", FakeConnector.SharePointHost + "personal/liu/minutes.pdf"), FakeBotFrameworkCloud.Token());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (loopback.StatusCode, redirected.StatusCode, sharePoint.StatusCode));
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("未接收“纪要.pdf”：文件地址不是 Microsoft 365 的下载地址", StringComparison.Ordinal));
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("未接收“转存.pdf”：文件地址不是 Microsoft 365 的下载地址", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Cloud.Requests, r => r.Uri.IsLoopback);
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("已提交任务 1-2-2 的销号申请", StringComparison.Ordinal));
    }
}
