namespace Rectification.Bot.Teams;

/// <summary>
/// Client-side rate limit for proactive messages: at most one message per conversation every
/// <c>conversationInterval</c>, and app-wide no closer than 1/<c>perSecond</c> apart (so never more than
/// <c>perSecond</c> in any second). Each caller reserves the next free instant and waits for it on the injected
/// clock. (System.Threading.RateLimiting's limiters replenish on the system clock, so they could be neither driven
/// nor tested by a TimeProvider; this is the little we need of them.)
/// </summary>
/// <remarks>
/// Several instances on one PostgreSQL share the app-wide limit: <paramref name="sharedSlot"/> reserves each
/// departure's instant in the database (it answers how long to wait for it), so two hosts together stay within the
/// rate. The embedded SQLite default is one host, and passes none.
/// </remarks>
public sealed class SendPacer(TimeProvider time, double perSecond, TimeSpan conversationInterval,
    Func<TimeSpan, CancellationToken, Task<TimeSpan>>? sharedSlot = null)
{
    private readonly TimeSpan _appInterval = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
    private readonly Dictionary<string, DateTimeOffset> _nextByConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _departedByConversation = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _perSecond = Math.Max(1, (int)Math.Floor(perSecond));
    private readonly Queue<DateTimeOffset> _departures = new();
    private readonly Queue<(DateTimeOffset At, string Conversation)> _refusals = new();
    private DateTimeOffset _nextApp = DateTimeOffset.MinValue;
    private DateTimeOffset _gateNext = DateTimeOffset.MinValue;
    private DateTimeOffset _appHeldUntil = DateTimeOffset.MinValue;

    /// <summary>Every instant handed out, for tests that check the limit holds.</summary>
    public Action<string, DateTimeOffset>? Granted { get; set; }

    /// <summary>Every departure through the last gate, at the gate's own clock reading, for tests.</summary>
    public Action<string, DateTimeOffset>? Departed { get; set; }

    /// <summary>Until when Teams' throttling holds every conversation (see <see cref="Refused"/>); for /healthz and tests.</summary>
    public DateTimeOffset AppHeldUntil
    {
        get
        {
            lock (_lock)
            {
                return _appHeldUntil;
            }
        }
    }

    /// <summary>Reserves the earliest instant a message to <paramref name="conversation"/> may leave.</summary>
    public DateTimeOffset Reserve(string conversation)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = now > _nextApp ? now : _nextApp;
            // Every message takes one app-wide slot in turn, but one whose conversation must wait out its own second
            // leaves then, alone: moving the app-wide schedule behind it would stall every other conversation for that
            // second (a person's digests are planned side by side). The last gate counts its real departure.
            var at = _nextByConversation.TryGetValue(conversation, out var next) && next > slot ? next : slot;
            _nextApp = slot + _appInterval;
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
    /// Teams answered 429 with Retry-After. It holds that conversation; and when most of the last second's sends,
    /// across several conversations, were refused, the throttling is the app's, not one chat's: everything waits for
    /// the Retry-After rather than spending the app's budget on more refusals.
    /// </summary>
    public void Refused(string conversation, DateTimeOffset until)
    {
        HoldConversation(conversation, until);
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _refusals.Enqueue((now, conversation));
            while (_refusals.Count > 0 && _refusals.Peek().At <= now - TimeSpan.FromSeconds(1))
            {
                _refusals.Dequeue();
            }
            var sent = _departures.Count(d => d > now - TimeSpan.FromSeconds(1));
            var conversations = _refusals.Select(r => r.Conversation).Distinct(StringComparer.Ordinal).Count();
            if (conversations >= 3 && _refusals.Count * 2 > Math.Max(sent, _perSecond / 2) && until > _appHeldUntil)
            {
                _appHeldUntil = until;
            }
        }
    }

    /// <summary>
    /// Waits until a message to <paramref name="conversation"/> may leave. Concurrent senders that woke late for
    /// their instants could still leave side by side, so a last gate counts real departures: never more than the
    /// rate in any second, and spaced, so that a burst after a stall does not repeat itself every second (the
    /// departures of one burst would all expire from the window together and release the next burst at once).
    /// </summary>
    public async Task WaitAsync(string conversation, CancellationToken cancellationToken)
    {
        var wait = Reserve(conversation) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        if (sharedSlot is not null)
        {
            var shared = await sharedSlot(_appInterval, cancellationToken);
            if (shared > TimeSpan.Zero)
            {
                await Task.Delay(shared, time, cancellationToken);
            }
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
                // Three intervals of tolerance let a sender that woke late catch up (a loaded host keeps its rate) while a
                // stall's backlog still leaves at most four side by side; the sliding second above caps the rate.
                var spaced = _gateNext == DateTimeOffset.MinValue ? now : _gateNext - (3 * _appInterval);
                // A conversation's interval counts from its last real departure too: one that left late at this gate
                // must not have its next message follow sooner than the interval.
                var own = _departedByConversation.TryGetValue(conversation, out var last) ? last + conversationInterval : now;
                if (_departures.Count < _perSecond && now >= spaced && now >= _appHeldUntil && now >= own)
                {
                    _departures.Enqueue(now);
                    _departedByConversation[conversation] = now;
                    if (_departedByConversation.Count > 10_000)
                    {
                        foreach (var stale in _departedByConversation.Where(e => e.Value + conversationInterval < now).Select(e => e.Key).ToList())
                        {
                            _departedByConversation.Remove(stale);
                        }
                    }
                    _gateNext = (_gateNext > now ? _gateNext : now) + _appInterval;
                    Departed?.Invoke(conversation, now);
                    return;
                }
                var until = new[] { _departures.Count >= _perSecond ? _departures.Peek() + TimeSpan.FromSeconds(1) : now, spaced, _appHeldUntil, own }.Max();
                wait = until - now;
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken);
        }
    }
}
