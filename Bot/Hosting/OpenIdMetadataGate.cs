using System.Text.Json;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Rectification.Bot.Hosting;

public enum MetadataState
{
    /// <summary>No app id: tokens are not checked, nothing is fetched.</summary>
    Off,

    /// <summary>Not fetched yet.</summary>
    Unknown,

    Ok,

    /// <summary>Fetched once, the last refresh failed: the keys fetched before still check tokens.</summary>
    Stale,

    /// <summary>Never fetched successfully and the last attempt failed: requests are refused until the next try.</summary>
    Failing,
}

/// <summary>
/// Keeps an eye on the Bot Framework's OpenID metadata (the keys that sign channel tokens) so that an unreachable
/// identity provider costs each request nothing: one fetch at a time, a short timeout (<c>Bot:OpenIdMetadataTimeout</c>),
/// and after a failure an exponential backoff during which requests are answered 503 at once instead of each waiting
/// for its own fetch. Bot Framework's token check has its own process-wide metadata cache; it is created here with
/// the same short timeout (its default HttpClient waits 100 s), before anything else uses it.
/// </summary>
public sealed class OpenIdMetadataGate
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromHours(1);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenIdMetadataGate> _logger;
    private readonly TimeSpan _timeout;
    private readonly Lock _lock = new();
    private Task? _fetch;
    private DateTimeOffset _nextFetch = DateTimeOffset.MinValue;
    private int _failures;

    public OpenIdMetadataGate(IConfiguration configuration, IHttpClientFactory clients, TimeProvider time, IOptions<BotHostOptions> options, ILogger<OpenIdMetadataGate> logger)
    {
        _clients = clients;
        _time = time;
        _logger = logger;
        _timeout = options.Value.OpenIdMetadataTimeout;
        Enabled = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        MetadataUrl = configuration["ToBotFromChannelOpenIdMetadataUrl"] is { Length: > 0 } url ? url
            : configuration["ChannelService"] == GovernmentAuthenticationConstants.ChannelService ? GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl
            : AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
        State = Enabled ? MetadataState.Unknown : MetadataState.Off;
        if (Enabled)
        {
            // The first extractor made for a URL supplies the HttpClient of its cache for the whole process.
            _ = new JwtTokenExtractor(new HttpClient { Timeout = _timeout }, new TokenValidationParameters(), MetadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
        }
    }

    public bool Enabled { get; }

    public string MetadataUrl { get; }

    public MetadataState State { get; private set; }

    /// <summary>True when tokens can be checked now; fetches (or waits for the fetch in flight) only when due.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return true;
        }
        Task fetch;
        lock (_lock)
        {
            if (_time.GetUtcNow() < _nextFetch || (_fetch is not null && State is MetadataState.Ok or MetadataState.Stale))
            {
                return State is MetadataState.Ok or MetadataState.Stale;
            }
            // On the thread pool: a fetch that completes at once must not finish (and clear _fetch) inside this lock.
            fetch = _fetch ??= Task.Run(FetchAsync, CancellationToken.None);
        }
        await fetch.WaitAsync(cancellationToken);
        return State is MetadataState.Ok or MetadataState.Stale;
    }

    /// <summary>Seconds until the next attempt, for a Retry-After header.</summary>
    public int RetryAfterSeconds => (int)Math.Clamp(Math.Ceiling((_nextFetch - _time.GetUtcNow()).TotalSeconds), 1, MaxBackoff.TotalSeconds);

    private async Task FetchAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(_timeout, _time);
            var client = _clients.CreateClient(nameof(OpenIdMetadataGate));
            client.Timeout = Timeout.InfiniteTimeSpan;
            using var metadata = JsonDocument.Parse(await client.GetStringAsync(MetadataUrl, timeout.Token));
            var keysUrl = metadata.RootElement.GetProperty("jwks_uri").GetString() ?? throw new InvalidOperationException("The OpenID metadata names no jwks_uri.");
            using var keys = JsonDocument.Parse(await client.GetStringAsync(keysUrl, timeout.Token));
            if (keys.RootElement.GetProperty("keys").GetArrayLength() == 0)
            {
                throw new InvalidOperationException("The OpenID key set is empty.");
            }
            lock (_lock)
            {
                State = MetadataState.Ok;
                _failures = 0;
                _nextFetch = _time.GetUtcNow() + RefreshAfter;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            lock (_lock)
            {
                _failures++;
                var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(_failures - 1, 16)));
                _nextFetch = _time.GetUtcNow() + backoff;
                State = State is MetadataState.Ok or MetadataState.Stale ? MetadataState.Stale : MetadataState.Failing;
            }
            _logger.LogWarning("Could not fetch the Bot Framework OpenID metadata from {MetadataUrl} ({Reason}); next attempt in {Backoff}",
                MetadataUrl, exception.GetType().Name, _nextFetch - _time.GetUtcNow());
        }
        finally
        {
            lock (_lock)
            {
                _fetch = null;
            }
        }
    }
}
