using System.Diagnostics;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using Rectification.Tests.Http;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.2: forged tokens are refused with 401, fast, and an identity provider that cannot be reached costs each
/// request nothing: one short fetch at a time, then a cached failure (503 at once) until the backoff ends.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private const string Message = "我的任务";

    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    private static string Unsigned(string alg)
    {
        var header = Base64UrlEncoder.Encode($$"""{"alg":"{{alg}}","typ":"JWT","kid":"{{FakeBotFrameworkCloud.KeyId}}"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"{{FakeBotFrameworkCloud.Issuer}}","aud":"{{FakeBotFrameworkCloud.BotAppId}}","serviceurl":"{{FakeConnector.ServiceUrl}}","nbf":{{now - 60}},"exp":{{now + 1800}}}""");
        return $"{header}.{payload}.";
    }

    private static string Hs256()
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-shared-secret-the-attacker-knows-0123456789")) { KeyId = FakeBotFrameworkCloud.KeyId };
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(FakeBotFrameworkCloud.Issuer, FakeBotFrameworkCloud.BotAppId,
            [new Claim("serviceurl", FakeConnector.ServiceUrl)], DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(30),
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256)));
    }

    private static string ForeignRs256()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "attacker-key" };
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(FakeBotFrameworkCloud.Issuer, FakeBotFrameworkCloud.BotAppId,
            [new Claim("serviceurl", FakeConnector.ServiceUrl)], DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(30),
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));
    }

    public static TheoryData<string, string> Forged() => new()
    {
        { "alg=none", Unsigned("none") },
        { "alg=none, upper case", Unsigned("None") },
        { "HS256 with a guessed secret", Hs256() },
        { "RS256 under a key the cloud never published", ForeignRs256() },
        { "three dots", "a.b.c" },
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_token_gets_401_and_nothing_runs(string why, string token)
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(Message), token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }

    private static Dictionary<string, string?> Unreachable()
    {
        var settings = FakeBotFrameworkCloud.Settings(FakeBotFrameworkCloud.HangingMetadataUrl);
        settings["Bot:OpenIdMetadataTimeout"] = "00:00:01";
        return settings;
    }

    private int MetadataFetches => _bot.Cloud.Requests.Count(r => r.Uri.ToString() == FakeBotFrameworkCloud.HangingMetadataUrl);

    [Fact]
    public async Task Unreachable_metadata_is_fetched_once_with_a_short_timeout_and_the_failure_is_cached()
    {
        await using var host = _bot.Start(Unreachable());
        using var client = host.CreateClient();

        var clock = Stopwatch.StartNew();
        var first = await SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token());
        var firstTook = clock.Elapsed;
        var second = await SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token());

        // The metadata never answers: without the 1 s timeout the first request would hang for HttpClient's 100 s.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.True(firstTook < TimeSpan.FromSeconds(30), $"the first request took {firstTook}");
        // The failure is cached: the second is refused at once, without a second fetch (counted below).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal(1, MetadataFetches);
        Assert.Empty(_bot.Connector.Sent);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_metadata_fetch()
    {
        await using var host = _bot.Start(Unreachable());
        using var client = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Equal(1, MetadataFetches);
    }

    [Fact]
    public async Task Healthz_reports_the_metadata_state()
    {
        await using var host = _bot.Start(Unreachable());
        using var client = host.CreateClient();
        var before = JObject.Parse(await client.GetStringAsync("/healthz"));

        await SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token());
        var after = JObject.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("unknown", before.Value<string>("openIdMetadata"));
        Assert.Equal(("degraded", "failing"), (after.Value<string>("status"), after.Value<string>("openIdMetadata")));
    }

    [Fact]
    public async Task Healthz_says_ok_once_the_metadata_was_fetched()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token());
        var health = JObject.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ok", "ok"), (health.Value<string>("status"), health.Value<string>("openIdMetadata")));
    }

    [Fact]
    public async Task With_authentication_off_a_token_is_refused_without_any_outbound_call()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        var response = await SecureBot.PostAsync(client, _bot.Message(Message), FakeBotFrameworkCloud.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Cloud.Requests);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }
}
