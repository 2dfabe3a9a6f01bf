using System.ComponentModel.DataAnnotations;

namespace Rectification.Bot.Reminders;

/// <summary>Section <c>Reminders:Delivery</c>: how digests leave the outbox and how hard the sender tries.</summary>
public sealed class ReminderDeliveryOptions
{
    public const string Section = "Reminders:Delivery";

    /// <summary>App-wide ceiling on messages to Teams, per second (Teams allows more; we stay well under).</summary>
    [Range(1, 50)]
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>At most one message per conversation this often (Teams' per-conversation limit is about 1/s).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ConversationInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per message, the first included, on 429/412/502/504.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff; it doubles per attempt, with jitter, unless Teams says Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait (Retry-After included) longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rows one dispatcher claims at a time.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Sends in flight at once, each to a different conversation's turn; the rate limits still hold across them.</summary>
    [Range(1, 100)]
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>
    /// How long a claimed row stays its dispatcher's. When it runs out (the dispatcher died), a row whose send never
    /// started is sent again and one whose request had left is counted unknown. A dispatcher that outlives its lease
    /// cannot start a send any more, so a short lease costs unknowns, never duplicates.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
