using System.Collections.Concurrent;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using Rectification.Tests.Http;

namespace Rectification.Tests.Security;

/// <summary>
/// The Bot Framework's identity side, played locally: a token issuer with its own RSA key, the OpenID metadata
/// document and key set (JWKS, with Teams endorsements) it publishes, and the Entra token endpoint that hands the bot
/// a token for its replies. Everything else goes on to a <see cref="FakeConnector"/>. Nothing leaves the process.
/// </summary>
/// <remarks>
/// CloudAdapter fetches the metadata with a static HttpClient of its own, not through IHttpClientFactory. But its
/// JwtTokenExtractor keeps one configuration manager per metadata URL for the whole process, made by the first
/// extractor created for that URL with that extractor's HttpClient. So <see cref="Seed"/> creates that first
/// extractor, over this fake, for the test-only URLs below; the bot's own validation then reads our documents.
/// </remarks>
public sealed class FakeBotFrameworkCloud : DelegatingHandler, IHttpClientFactory
{
    public const string Issuer = "https://api.botframework.test";
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string BrokenMetadataUrl = "https://broken.botframework.test/v1/.well-known/openidconfiguration";
    /// <summary>An identity provider whose packets are dropped: the request never gets an answer.</summary>
    public const string HangingMetadataUrl = "https://hanging.botframework.test/v1/.well-known/openidconfiguration";
    public const string KeysUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string LoginUrl = "https://login.botframework.test/botframework.test";
    public const string KeyId = "test-signing-key";
    public const string BotAppId = "6a1d5b5e-1f0e-4c59-9d5f-2b3e0c7a9a11";
    public const string ReplyToken = "token-for-replies";

    private static readonly RSA SigningKey = RSA.Create(2048);
    private static readonly Lazy<bool> Seeded = new(SeedOnce);
    private static readonly HttpMessageInvoker Metadata = new(new MetadataHandler(fail: false));

    public FakeBotFrameworkCloud(FakeConnector connector)
    {
        InnerHandler = connector;
    }

    /// <summary>Every request the bot made through IHttpClientFactory, with its Authorization header.</summary>
    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    /// <summary>The settings that point ConfigurationBotFrameworkAuthentication at this fake instead of the public cloud.</summary>
    public static Dictionary<string, string?> Settings(string metadataUrl = MetadataUrl)
    {
        _ = Seeded.Value;
        return new()
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = BotAppId,
            ["MicrosoftAppPassword"] = "test-only-secret",
            // With an app id the demo loads only when asked; these suites talk to the demo's people.
            ["Ledger:SeedDemoLedger"] = "true",
            ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
            ["ToBotFromChannelTokenIssuer"] = Issuer,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.emulator.test/v2.0/.well-known/openid-configuration",
            ["ToChannelFromBotLoginUrl"] = LoginUrl,
            ["ToChannelFromBotOAuthScope"] = Issuer,
            ["OAuthUrl"] = "https://token.botframework.test",
            ["ValidateAuthority"] = "false",
            ["CallerId"] = "urn:botframework:azure",
            // With authentication on, some tenant must be trusted (or the start is refused).
            ["Teams:AllowedTenants:0"] = "tenant-1",
        };
    }

    /// <summary>A channel token as the Bot Connector signs it for Teams; each argument spoils one part of it.</summary>
    public static string Token(
        string audience = BotAppId,
        string issuer = Issuer,
        string serviceUrl = FakeConnector.ServiceUrl,
        TimeSpan? expiresIn = null,
        RSA? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var key = new RsaSecurityKey(signedWith ?? SigningKey) { KeyId = KeyId };
        var token = new JwtSecurityToken(
            issuer,
            audience,
            [new Claim("serviceurl", serviceUrl)],
            notBefore: expires < now ? expires - TimeSpan.FromHours(1) : now.AddMinutes(-1),
            expires: expires,
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        var uri = request.RequestUri!;
        if (uri.Host == new Uri(LoginUrl).Host && uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return Task.FromResult(Json(new JObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = ReplyToken }));
        }
        if (uri.Host == "login.microsoftonline.com" && uri.AbsolutePath == "/common/discovery/instance")
        {
            // MSAL asks Entra about an authority it does not know, even with authority validation off.
            var host = new JArray(new Uri(LoginUrl).Host);
            return Task.FromResult(Json(new JObject
            {
                ["tenant_discovery_endpoint"] = $"{LoginUrl}/v2.0/.well-known/openid-configuration",
                ["api-version"] = "1.1",
                ["metadata"] = new JArray(new JObject { ["preferred_network"] = host[0], ["preferred_cache"] = host[0], ["aliases"] = host }),
            }));
        }
        // The bot's own watch on the metadata (OpenIdMetadataGate) fetches through IHttpClientFactory.
        if (uri.ToString() is MetadataUrl or KeysUrl)
        {
            return Metadata.SendAsync(request, cancellationToken);
        }
        if (uri.ToString() == BrokenMetadataUrl)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
        if (uri.ToString() == HangingMetadataUrl)
        {
            return HangAsync(cancellationToken);
        }
        if (uri.Host.EndsWith(".botframework.test", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static async Task<HttpResponseMessage> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    private static bool SeedOnce()
    {
        Seed(MetadataUrl, new MetadataHandler(fail: false));
        Seed(BrokenMetadataUrl, new MetadataHandler(fail: true));
        return true;
    }

    private static void Seed(string metadataUrl, HttpMessageHandler handler) =>
        _ = new JwtTokenExtractor(new HttpClient(handler), new TokenValidationParameters(), metadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);

    private static HttpResponseMessage Json(JObject body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json"),
    };

    /// <summary>Serves the OpenID metadata and JWKS, or fails as an identity provider that is down would.</summary>
    private sealed class MetadataHandler(bool fail) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (fail)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            }
            var url = request.RequestUri!.ToString();
            if (url == MetadataUrl)
            {
                return Task.FromResult(Json(new JObject
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.test",
                    ["jwks_uri"] = KeysUrl,
                    ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JArray("private_key_jwt"),
                }));
            }
            if (url == KeysUrl)
            {
                var parameters = SigningKey.ExportParameters(includePrivateParameters: false);
                return Task.FromResult(Json(new JObject
                {
                    ["keys"] = new JArray(new JObject
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                        ["endorsements"] = new JArray("msteams"),
                    }),
                }));
            }
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }
}
