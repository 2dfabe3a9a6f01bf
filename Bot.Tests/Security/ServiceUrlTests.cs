using System.Net;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.3: the serviceUrl is where replies and reminders are sent, so it is checked before it is stored or
/// used: https, or http on loopback while authentication is off. Anything else is 400 and reaches no table.
/// </summary>
public sealed class ServiceUrlTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://connector.test/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("gopher://127.0.0.1:6379/_FLUSHALL")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://connector.example.org/")]
    [InlineData("https://user:password@connector.test/")]
    [InlineData("connector.test/v3")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_bad_or_missing_serviceUrl_is_400_and_nothing_is_stored(string? serviceUrl)
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, Activities.Content(Activities.Message("我的任务", "s-1", serviceUrl: serviceUrl)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_400_not_500()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        var notJson = await SecureBot.PostAsync(client, new StringContent("{\"type\":", System.Text.Encoding.UTF8, "application/json"));
        var array = await SecureBot.PostAsync(client, new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (notJson.StatusCode, array.StatusCode));
    }

    [Fact]
    public async Task Http_on_loopback_is_accepted_while_authentication_is_off()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, Activities.Content(Activities.Message("我的任务", "s-2", serviceUrl: "http://127.0.0.1:1/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_authentication_on_even_loopback_must_be_https()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, Activities.Content(Activities.Message("我的任务", "s-3", serviceUrl: "http://localhost:1/")),
            FakeBotFrameworkCloud.Token(serviceUrl: "http://localhost:1/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }
}
