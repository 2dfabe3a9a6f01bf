using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Rectification.Bot.Teams;

/// <summary>One request as the fake connector received it: when (since it started), for which conversation, and its answer.</summary>
public sealed record ConnectorRequest(TimeSpan At, string Conversation, HttpStatusCode Status, bool CarriedCard);

/// <summary>
/// A fake Teams Bot Connector on a real socket (Kestrel on 127.0.0.1, a port the OS picks), for the delivery and turn
/// benchmarks: it answers "send to conversation" and reply POSTs with 200 and an activity id after a delay drawn
/// between the given bounds (30-80 ms is realistic; 0 for turns, so only the bot's own cost counts), and refuses the given
/// share of them with 429 and Retry-After: 1, as Teams does when throttling. The shares and delays come from a seeded
/// random. A conversation is never refused three times in a row: with the sender's five attempts, a run of five
/// refusals (0.2^5 a digest) would be a correct give-up, but would fail the benchmark's exactly-once check by chance.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    private readonly WebApplication _app;
    private readonly double _throttled;
    private readonly (int Min, int Max) _delayMs;
    private readonly Random _random;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _refusedInARow = new(StringComparer.Ordinal);
    private readonly long _started = Stopwatch.GetTimestamp();

    private LoopbackConnector(WebApplication app, double throttled, int seed, (int Min, int Max) delayMs)
    {
        _app = app;
        _throttled = throttled;
        _delayMs = delayMs;
        _random = new Random(seed);
    }

    /// <summary>Where the connector listens, as a conversation reference's serviceUrl (http on loopback, which the bot accepts only with authentication off).</summary>
    public string ServiceUrl { get; private set; } = "";

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public static async Task<LoopbackConnector> StartAsync(double throttled, int seed, (int Min, int Max) delayMs, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json, environment or command line: nothing of the bot's own
        // configuration (Kestrel endpoints, logging) leaks into the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new LoopbackConnector(app, throttled, seed, delayMs);
        app.Run(connector.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the loopback connector has no address");
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var at = Stopwatch.GetElapsedTime(_started);
        // POST /v3/conversations/{conversationId}/activities[/{replyToId}]: SendToConversation and ReplyToActivity.
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!HttpMethods.IsPost(context.Request.Method) || segments is not ["v3", "conversations", var conversation, "activities", ..] || segments.Length > 5)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var carriedCard = body.Contains(AdaptiveCard, StringComparison.Ordinal);
        bool throttle;
        int delay;
        lock (_lock)
        {
            throttle = _random.NextDouble() < _throttled && _refusedInARow.GetValueOrDefault(conversation) < 2;
            _refusedInARow[conversation] = throttle ? _refusedInARow.GetValueOrDefault(conversation) + 1 : 0;
            delay = _random.Next(_delayMs.Min, _delayMs.Max + 1);
        }
        if (delay > 0)
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        var status = throttle ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK;
        Requests.Enqueue(new ConnectorRequest(at, conversation, status, carriedCard));
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        if (throttle)
        {
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code = "Throttled", message = "Too many requests" } }), context.RequestAborted);
            return;
        }
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString("N") }), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
