using System.Net;

namespace Rectification.Tests.Security;

/// <summary>Bodies over Bot:MaxRequestBodyBytes get 413 and never reach the adapter; nothing answers with a stack trace.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_gets_413_whether_or_not_its_length_is_announced(bool announceLength)
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();
        var text = new string('整', 100_000); // 300 KB in UTF-8, over the default 256 KB

        using var content = _bot.Message(text);
        HttpContent body = announceLength ? content : new StreamContent(new NonSeekableStream(await content.ReadAsByteArrayAsync()));
        body.Headers.ContentType = new("application/json");
        var response = await SecureBot.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }

    [Fact]
    public async Task A_body_under_a_configured_limit_still_passes()
    {
        await using var host = _bot.Start(new Dictionary<string, string?> { ["Bot:MaxRequestBodyBytes"] = "2048" });
        using var client = host.CreateClient();

        var small = await SecureBot.PostAsync(client, _bot.Message("我的任务"));
        var large = await SecureBot.PostAsync(client, _bot.Message(new string('a', 3000)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge), (small.StatusCode, large.StatusCode));
    }

    [Fact]
    public async Task A_get_on_the_messages_endpoint_gets_a_problem_response_with_no_details()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A body of unknown length, sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
