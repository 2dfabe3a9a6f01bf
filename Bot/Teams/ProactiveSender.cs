using System.Globalization;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Microsoft.Rest;
using Polly;
using Polly.Retry;
using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Data.People;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Teams;

public enum DeliveryOutcome
{
    Sent,
    /// <summary>The person never opened a conversation with the bot: there is nowhere to send.</summary>
    NoReference,
    /// <summary>Every attempt failed, or Teams gave an error that retrying cannot fix.</summary>
    Failed,
    /// <summary>Teams answered 403/404: the bot was removed or the user is gone. Retrying is pointless.</summary>
    Unreachable,
    /// <summary>The request left but no answer came back: it may have been delivered, so it must not be resent.</summary>
    Unknown,
    /// <summary>Stopped before anything left (shutdown): safe to send later.</summary>
    Deferred,
}

/// <summary>
/// Sends messages to a person outside the current turn, through their stored conversation reference and
/// <c>ContinueConversationAsync</c>. Throttles itself (<see cref="SendPacer"/>), retries 429/412/502/504 with
/// jittered exponential backoff honouring Retry-After (Polly, on the injected clock), and sorts every other
/// outcome so the caller can record it (Company Communicator's MessageService does the same).
/// </summary>
public sealed class ProactiveSender : IReminderChannel
{
    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    private readonly BotAdapter _adapter;
    private readonly ConversationReferences _references;
    private readonly PeopleRepository _people;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILogger<ProactiveSender> _logger;
    private readonly ResiliencePipeline _retry;

    public ProactiveSender(BotAdapter adapter, ConversationReferences references, PeopleRepository people, IConfiguration configuration,
        IOptions<ReminderDeliveryOptions> options, TimeProvider time, ILogger<ProactiveSender> logger, DeliveryRate? sharedRate = null)
    {
        _adapter = adapter;
        _references = references;
        _people = people;
        _configuration = configuration;
        _time = time;
        _logger = logger;
        var settings = options.Value;
        Pacer = new SendPacer(time, settings.MessagesPerSecond, settings.ConversationInterval,
            sharedRate is { Shared: true } ? sharedRate.ReserveAsync : null);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => StatusOf(e) is { } status && Retryable.Contains(status)),
                MaxRetryAttempts = Math.Max(settings.MaxAttempts - 1, 0),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                // Teams' Retry-After wins over our own backoff (Polly still caps it at MaxDelay).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is { } e ? RetryAfter(e, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    logger.LogInformation("Proactive send got {StatusCode}; attempt {Attempt} again in {Delay}",
                        args.Outcome.Exception is { } e ? StatusOf(e) : null, args.AttemptNumber + 2, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public SendPacer Pacer { get; }

    private string BotAppId => _configuration["MicrosoftAppId"] ?? "";

    /// <summary>
    /// For the chat engine's notifications: only whether it arrived matters there. Not paced: each answers one user
    /// action, far below Teams' limits, and must not queue behind a burst of reminders.
    /// </summary>
    public async Task<DeliveryOutcome> SendAsync(long personId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken) =>
        (await SendCoreAsync(personId, replies, paced: false, starting: null, cancellationToken)).Outcome;

    /// <summary>The language the person writes to the bot in; else their Teams client's, from the stored reference.</summary>
    public async Task<string?> LocaleAsync(long personId, CancellationToken cancellationToken) =>
        (await _people.GetAsync(personId, cancellationToken))?.Language
        ?? (await _references.FindForPersonAsync(personId, cancellationToken) is { } stored ? ReferenceCapture.Parse(stored).Locale : null);

    /// <summary>For reminders: paced by the client-side rate limit, retried, and sorted by outcome.</summary>
    public Task<DeliveryResult> DeliverAsync(long personId, IReadOnlyList<Reply> replies, Func<CancellationToken, Task<bool>> starting, CancellationToken cancellationToken) =>
        SendCoreAsync(personId, replies, paced: true, starting, cancellationToken);

    private async Task<DeliveryResult> SendCoreAsync(long personId, IReadOnlyList<Reply> replies, bool paced, Func<CancellationToken, Task<bool>>? starting,
        CancellationToken cancellationToken)
    {
        var stored = await _references.FindForPersonAsync(personId, cancellationToken);
        if (stored is null)
        {
            return new DeliveryResult(DeliveryOutcome.NoReference);
        }
        var reference = ReferenceCapture.Parse(stored);
        // Several replies make one send: if the first of them went out, the rest must not be repeated on a retry.
        var delivered = 0;
        var requestLeft = false;
        var reached = false;
        var started = starting is null;
        var declined = false;
        try
        {
            await _retry.ExecuteAsync(async token =>
            {
                await _adapter.ContinueConversationAsync(BotAppId, reference, async (turn, turnToken) =>
                {
                    reached = true;
                    foreach (var reply in replies.Skip(delivered))
                    {
                        if (paced)
                        {
                            await Pacer.WaitAsync(stored.ConversationId, turnToken);
                        }
                        if (!started)
                        {
                            if (!await starting!(turnToken))
                            {
                                declined = true;
                                return;
                            }
                            started = true;
                        }
                        requestLeft = true;
                        try
                        {
                            await turn.SendActivityAsync(ActivityReplies.ToActivity(reply), turnToken);
                        }
                        catch (Exception exception) when (StatusOf(exception) is { } status)
                        {
                            // Teams answered: the outcome is known (not delivered), and a 429's Retry-After holds
                            // this conversation's other messages too, not just this retry.
                            requestLeft = false;
                            if (paced && status == HttpStatusCode.TooManyRequests && RetryAfter(exception, _time.GetUtcNow()) is { } wait)
                            {
                                Pacer.Refused(stored.ConversationId, _time.GetUtcNow() + wait);
                            }
                            throw;
                        }
                        requestLeft = false;
                        delivered++;
                    }
                }, token);
            }, cancellationToken);
            if (declined)
            {
                return new DeliveryResult(DeliveryOutcome.Deferred, Error: "not started: the caller withdrew it");
            }
            if (!reached)
            {
                // Middleware stopped the turn before our callback (Teams:AllowedTenants no longer admits the reference).
                _logger.LogWarning("Proactive message to person {PersonId} was stopped before sending", personId);
                return new DeliveryResult(DeliveryOutcome.Failed, Error: "stopped by the bot's middleware (tenant not allowed)");
            }
            return DeliveryResult.Sent;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return requestLeft || delivered > 0
                ? new DeliveryResult(DeliveryOutcome.Unknown, Error: "stopped while sending")
                : new DeliveryResult(DeliveryOutcome.Deferred, Error: "stopped before sending");
        }
        catch (Exception exception) when (StatusOf(exception) is { } status)
        {
            var code = (int)status;
            if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                _logger.LogWarning("Person {PersonId} cannot be reached any more: Teams answered {StatusCode}", personId, code);
                return new DeliveryResult(DeliveryOutcome.Unreachable, code, exception.Message);
            }
            _logger.LogWarning(exception, "Proactive message to person {PersonId} failed with {StatusCode}", personId, code);
            return new DeliveryResult(DeliveryOutcome.Failed, code, exception.Message);
        }
        catch (Exception exception) when (requestLeft && exception is OperationCanceledException or TimeoutException or HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded })
        {
            // The HTTP client's timeout, or the connection dropped after the request went out.
            _logger.LogWarning(exception, "Proactive message to person {PersonId}: no answer, outcome unknown", personId);
            return new DeliveryResult(DeliveryOutcome.Unknown, Error: exception.Message);
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Proactive message to person {PersonId} failed", personId);
            return new DeliveryResult(DeliveryOutcome.Failed, Error: exception.Message);
        }
    }

    /// <summary>The HTTP status of a Bot Connector error (ErrorResponseException or HttpOperationException), if it has one.</summary>
    internal static HttpStatusCode? StatusOf(Exception exception) => exception switch
    {
        Microsoft.Bot.Schema.ErrorResponseException { Response: { } response } => response.StatusCode,
        HttpOperationException { Response: { } response } => response.StatusCode,
        _ => null,
    };

    private static IDictionary<string, IEnumerable<string>>? HeadersOf(Exception exception) => exception switch
    {
        Microsoft.Bot.Schema.ErrorResponseException { Response: { } response } => response.Headers,
        HttpOperationException { Response: { } response } => response.Headers,
        _ => null,
    };

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or unreadable, so the backoff decides.</summary>
    internal static TimeSpan? RetryAfter(Exception exception, DateTimeOffset now)
    {
        var headers = HeadersOf(exception);
        var value = headers?.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > now ? at - now : null;
    }
}
