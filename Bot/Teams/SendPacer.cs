namespace Rectification.Bot.Teams;

/// <summary>
/// Client-side rate limit for proactive messages: at most one message per conversation every
/// <c>conversationInterval</c>, and app-wide no closer than 1/<c>perSecond</c> apart (so never more than
/// <c>perSecond</c> in any second). Each caller reserves the next free instant and waits for it on the injected
/// clock. (System.Threading.RateLimiting's limiters replenish on the system clock, so they could be neither driven
/// nor tested by a TimeProvider; this is the little we need of them.)
/// </summary>
public sealed class SendPacer(TimeProvider time, double perSecond, TimeSpan conversationInterval)
{
    private readonly TimeSpan _appInterval = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
    private readonly Dictionary<string, DateTimeOffset> _nextByConversation = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _perSecond = Math.Max(1, (int)Math.Floor(perSecond));
    private readonly Queue<DateTimeOffset> _departures = new();
    private DateTimeOffset _nextApp = DateTimeOffset.MinValue;

    /// <summary>Every instant handed out, for tests that check the limit holds.</summary>
    public Action<string, DateTimeOffset>? Granted { get; set; }

    /// <summary>Reserves the earliest instant a message to <paramref name="conversation"/> may leave.</summary>
    public DateTimeOffset Reserve(string conversation)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var at = now > _nextApp ? now : _nextApp;
            if (_nextByConversation.TryGetValue(conversation, out var next) && next > at)
            {
                at = next;
            }
            _nextApp = at + _appInterval;
            _nextByConversation[conversation] = at + conversationInterval;
            if (_nextByConversation.Count > 10_000)
            {
                foreach (var stale in _nextByConversation.Where(e => e.Value < now).Select(e => e.Key).ToList())
                {
                    _nextByConversation.Remove(stale);
                }
            }
            Granted?.Invoke(conversation, at);
            return at;
        }
    }

    /// <summary>
    /// Teams said Retry-After for this conversation: nothing more goes to it before <paramref name="until"/>. Other
    /// conversations are not held up.
    /// </summary>
    public void HoldConversation(string conversation, DateTimeOffset until)
    {
        lock (_lock)
        {
            if (!_nextByConversation.TryGetValue(conversation, out var next) || next < until)
            {
                _nextByConversation[conversation] = until;
            }
        }
    }

    /// <summary>
    /// Waits until a message to <paramref name="conversation"/> may leave. Concurrent senders that woke late for
    /// their instants could still leave side by side, so a last gate counts real departures: never more than the
    /// rate in any second.
    /// </summary>
    public async Task WaitAsync(string conversation, CancellationToken cancellationToken)
    {
        var wait = Reserve(conversation) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        while (true)
        {
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_departures.Count > 0 && _departures.Peek() <= now - TimeSpan.FromSeconds(1))
                {
                    _departures.Dequeue();
                }
                if (_departures.Count < _perSecond)
                {
                    _departures.Enqueue(now);
                    return;
                }
                wait = _departures.Peek() + TimeSpan.FromSeconds(1) - now;
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }
    }
}
