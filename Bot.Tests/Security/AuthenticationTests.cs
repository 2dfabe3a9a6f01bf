using System.Net;
using System.Security.Cryptography;

namespace Rectification.Tests.Security;

/// <summary>
/// With a MicrosoftAppId, CloudAdapter checks the Bot Framework token of every request before any of our code runs.
/// Tokens are signed here with a local key and checked against a local OpenID metadata document (see
/// <see cref="FakeBotFrameworkCloud"/>); nothing goes to the internet.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string ProgressReport = "1-2-2 进度80% 调研报告已报部务会";

    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    public static TheoryData<string, string?> BadTokens()
    {
        using var otherKey = RSA.Create(2048);
        return new()
        {
            { "no Authorization header", null },
            { "wrong audience", FakeBotFrameworkCloud.Token(audience: "00000000-1111-2222-3333-444444444444") },
            { "wrong issuer", FakeBotFrameworkCloud.Token(issuer: "https://api.attacker.test") },
            { "expired", FakeBotFrameworkCloud.Token(expiresIn: TimeSpan.FromMinutes(-10)) },
            { "bad signature", FakeBotFrameworkCloud.Token(signedWith: otherKey) },
            { "tampered payload", Tamper(FakeBotFrameworkCloud.Token()) },
            { "serviceUrl claim for another connector", FakeBotFrameworkCloud.Token(serviceUrl: "https://attacker.test/") },
            { "not a JWT", "not-a-token" },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_request_without_a_valid_token_is_refused_before_the_handler_runs(string why, string? token)
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(ProgressReport), token);

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{why}: {response.StatusCode}");
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }

    [Fact]
    public async Task A_correctly_signed_token_reaches_the_handler_and_the_reply_carries_the_bots_own_token()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(ProgressReport), FakeBotFrameworkCloud.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("请确认将记录的进展", StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), await _bot.CountWritesAsync());
        var replies = _bot.Cloud.Requests.Where(r => r.Uri.AbsolutePath.Contains("/activities", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal($"Bearer {FakeBotFrameworkCloud.ReplyToken}", r.Authorization));
        // The token itself may have been fetched by another test class: MSAL keeps it in a process-wide cache.
    }

    [Fact]
    public async Task When_the_token_keys_cannot_be_fetched_the_caller_gets_a_plain_503_problem_not_a_stack_trace()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings(FakeBotFrameworkCloud.BrokenMetadataUrl));
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(ProgressReport), FakeBotFrameworkCloud.Token());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Empty(_bot.Connector.Sent);
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]).Replace(FakeBotFrameworkCloud.BotAppId, "tampered", StringComparison.Ordinal);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
