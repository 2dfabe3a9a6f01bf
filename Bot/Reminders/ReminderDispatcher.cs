using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Rectification.Bot.Cards;
using Rectification.Bot.Teams;
using Rectification.Bot.Texts;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Reminders;

/// <summary>
/// What one run did: digests the policy wanted, how many of them were new to the outbox, and how the claimed rows
/// ended. <paramref name="Requeued"/> and <paramref name="Interrupted"/> are rows a stopped dispatcher had left
/// behind: the first never started and were sent again (their outcome is counted with the others), the second had
/// left and became unknown.
/// </summary>
public sealed record ReminderRunResult(int Planned, int NewlyPlanned, int Sent, int Failed, int Unknown, int Cancelled, int Rescheduled,
    int Requeued = 0, int Interrupted = 0)
{
    /// <summary>Whether someone must look: a digest failed, or may or may not have arrived.</summary>
    public bool NeedsAttention => Failed + Unknown + Interrupted > 0;
}

/// <summary>
/// One pass of the reminder pipeline: snapshot → policy → outbox (idempotent on the slot key) → claim → send. The
/// scheduler runs it on every tick, the CLI on demand. Rows are re-checked against the current snapshot before they
/// go out, so an item closed after planning is dropped and a digest left empty is cancelled, not sent.
/// </summary>
public sealed class ReminderDispatcher(
    ReminderSnapshotSource snapshots,
    ReminderPolicy policy,
    ReminderOutbox outbox,
    ReminderRecipients recipients,
    IReminderChannel channel,
    WorkingDayCalendar calendar,
    IOptions<ReminderDeliveryOptions> options,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    private static readonly Meter Meter = new("Rectification.Reminders");
    private static readonly Counter<long> SentCounter = Meter.CreateCounter<long>("reminders.sent");
    private static readonly Counter<long> FailedCounter = Meter.CreateCounter<long>("reminders.failed");
    private static readonly Counter<long> UnknownCounter = Meter.CreateCounter<long>("reminders.unknown");

    // A row put off comes back on a later run, never in the same one.
    private static readonly TimeSpan DeferredRetry = TimeSpan.FromMinutes(1);

    /// <summary>Who holds a claimed row's lease: unique per process.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>What the policy would plan at <paramref name="now"/>; nothing is written or sent.</summary>
    public async Task<IReadOnlyList<PlannedReminder>> PreviewAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        policy.Plan(await snapshots.ReadAsync(now, cancellationToken), now);

    // Slot keys this process has already handed to the outbox, with their day, so a tick writes only new digests.
    private readonly ConcurrentDictionary<string, DateOnly> _handedOver = new(StringComparer.Ordinal);

    private void Remember(IReadOnlyList<PlannedReminder> handed)
    {
        foreach (var reminder in handed)
        {
            _handedOver[reminder.SlotKey] = reminder.SlotDate;
        }
        if (handed.Count > 0 && handed.Max(r => r.SlotDate) is var latest)
        {
            // Slots more than a week older than the newest are never planned again (catch-up reaches one working day back).
            foreach (var old in _handedOver.Where(e => e.Value < latest.AddDays(-7)).Select(e => e.Key).ToList())
            {
                _handedOver.TryRemove(old, out _);
            }
        }
    }

    /// <summary>The snapshot's people by id and its open task ids, built once per run rather than once per row.</summary>
    private sealed record SnapshotLookups(Dictionary<long, ReminderPerson> People, HashSet<long> OpenTaskIds, IReadOnlySet<long> DueRecheckIds);

    /// <summary>One pass at <paramref name="now"/> that plans and sends: the CLI's run and a single host's tick.</summary>
    public Task<ReminderRunResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => RunAsync(now, plan: true, cancellationToken);

    /// <summary>
    /// One pass at <paramref name="now"/>. With <paramref name="plan"/> false another host plans this tick
    /// (<see cref="PlanningLease"/>): this run only sends, and reads the ledger only if the outbox has something for it.
    /// </summary>
    public async Task<ReminderRunResult> RunAsync(DateTimeOffset now, bool plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<PlannedReminder> planned = [];
        var added = 0;
        SnapshotLookups? lookups = null;
        // Outside every zone's open slot the plan is empty whatever the ledger holds: no snapshot is read for it.
        if (plan && policy.AnySlotOpen(await snapshots.ZonesAsync(cancellationToken), now))
        {
            var snapshot = await snapshots.ReadAsync(now, cancellationToken);
            planned = policy.Plan(snapshot, now);
            // Every tick of an open slot plans the same digests again; only the ones this process has not yet handed to
            // the outbox are serialised and written (the outbox's unique slot key still settles races with other instances).
            var fresh = planned.Where(r => !_handedOver.ContainsKey(r.SlotKey)).ToList();
            added = await outbox.PlanAsync([.. fresh.Select(r => new OutboxEntry(r.SlotKey, r.PersonId, r.Kind.ToCode(), r.SlotDate, r.SlotStart, r.IsCatchUp,
                ReminderPayload.Of(r).ToJson()))], now, cancellationToken);
            Remember(fresh);
            lookups = Lookups(snapshot, now);
        }
        var expired = await outbox.ExpireLeasesAsync(time.GetUtcNow(), cancellationToken);
        if (expired.Requeued > 0)
        {
            logger.LogWarning("{Count} reminders claimed by a dispatcher that stopped before sending them are sent again", expired.Requeued);
        }
        if (expired.Unknown > 0)
        {
            UnknownCounter.Add(expired.Unknown);
            logger.LogWarning("{Count} reminders were interrupted after they left (dispatcher stopped); they may have arrived and are not resent",
                expired.Unknown);
        }

        // Sends run side by side, up to MaxConcurrentSends, so a slow answer or a retry wait holds up only its own
        // conversation; the pacer keeps the app-wide and per-conversation limits across them. A new batch is claimed
        // as soon as the previous one has all started, not when it has all finished.
        var counts = new ConcurrentDictionary<OutboxState, int>();
        var settings = options.Value;
        using var slots = new SemaphoreSlim(settings.MaxConcurrentSends);
        var inFlight = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var claimed = await outbox.ClaimAsync(Owner, now, time.GetUtcNow() + settings.Lease, settings.BatchSize, cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }
                // A run that did not plan reads the ledger only now, when there is something to check before sending;
                // if it cannot, the rows it claimed go straight back rather than wait out their lease.
                if (lookups is null)
                {
                    try
                    {
                        lookups = Lookups(await snapshots.ReadAsync(now, cancellationToken), now);
                    }
                    catch
                    {
                        foreach (var row in claimed)
                        {
                            await GiveBackAsync(row);
                        }
                        throw;
                    }
                }
                var current = lookups;
                foreach (var row in claimed)
                {
                    try
                    {
                        await slots.WaitAsync(cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        // Not started: straight back to pending for the next run.
                        var state = await GiveBackAsync(row);
                        counts.AddOrUpdate(state, 1, (_, n) => n + 1);
                        continue;
                    }
                    inFlight.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var state = await DeliverAsync(row, current, cancellationToken);
                            counts.AddOrUpdate(state, 1, (_, n) => n + 1);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None));
                }
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        finally
        {
            await Task.WhenAll(inFlight);
        }
        return new ReminderRunResult(planned.Count, added, counts.GetValueOrDefault(OutboxState.Sent), counts.GetValueOrDefault(OutboxState.Failed),
            counts.GetValueOrDefault(OutboxState.Unknown), counts.GetValueOrDefault(OutboxState.Cancelled), counts.GetValueOrDefault(OutboxState.Pending),
            expired.Requeued, expired.Unknown);
    }

    private SnapshotLookups Lookups(ReminderSnapshot snapshot, DateTimeOffset now) =>
        new(snapshot.People.ToDictionary(p => p.Id), [.. snapshot.Tasks.Select(t => t.Id)], policy.DueRechecks(snapshot, now));

    private async Task<OutboxState> GiveBackAsync(OutboxRow row)
    {
        await outbox.RescheduleAsync(row.Id, Owner, time.GetUtcNow() + DeferredRetry, "stopped before sending", time.GetUtcNow(), CancellationToken.None);
        return OutboxState.Pending;
    }

    /// <summary>Sends one claimed row and records how it ended; never throws for a single row's trouble.</summary>
    private async Task<OutboxState> DeliverAsync(OutboxRow row, SnapshotLookups snapshot, CancellationToken cancellationToken)
    {
        // Bookkeeping after a send must happen even while the host stops.
        var none = CancellationToken.None;
        try
        {
            var digest = await DigestAsync(row, snapshot, cancellationToken);
            if (digest.Reason is { } reason)
            {
                await outbox.CancelAsync(row.Id, Owner, reason, time.GetUtcNow(), none);
                return OutboxState.Cancelled;
            }
            var text = UiText.For(await channel.LocaleAsync(row.PersonId, cancellationToken));
            var card = ReminderCards.Digest(text, digest.Digest!);
            var result = await channel.DeliverAsync(row.PersonId, [card],
                token => outbox.StartSendingAsync(row.Id, Owner, time.GetUtcNow(), token), cancellationToken);
            return await RecordAsync(row, result, none);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before anything was sent: the row goes back for the next run.
            return await GiveBackAsync(row);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Reminder {SlotKey} could not be prepared", row.SlotKey);
            FailedCounter.Add(1);
            await outbox.MarkFailedAsync(row.Id, Owner, exception.Message, time.GetUtcNow(), none);
            return OutboxState.Failed;
        }
    }

    private async Task<OutboxState> RecordAsync(OutboxRow row, DeliveryResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                SentCounter.Add(1);
                await outbox.MarkSentAsync(row.Id, Owner, now, cancellationToken);
                return OutboxState.Sent;
            case DeliveryOutcome.Unknown:
                UnknownCounter.Add(1);
                logger.LogWarning("Reminder {SlotKey} to person {PersonId}: outcome unknown ({Error}); not resent", row.SlotKey, row.PersonId, result.Error);
                await outbox.MarkUnknownAsync(row.Id, Owner, result.Error ?? "unknown", now, cancellationToken);
                return OutboxState.Unknown;
            case DeliveryOutcome.Deferred:
                await outbox.RescheduleAsync(row.Id, Owner, now + DeferredRetry, result.Error, now, cancellationToken);
                return OutboxState.Pending;
            case DeliveryOutcome.Unreachable:
                await recipients.MarkUnreachableAsync(row.PersonId, result.StatusCode ?? 0, now, cancellationToken);
                goto default;
            default:
                FailedCounter.Add(1);
                logger.LogWarning("Reminder {SlotKey} to person {PersonId} failed: {Outcome} {StatusCode} {Error}",
                    row.SlotKey, row.PersonId, result.Outcome, result.StatusCode, result.Error);
                await outbox.MarkFailedAsync(row.Id, Owner, Describe(result), now, cancellationToken);
                return OutboxState.Failed;
        }
    }

    private static string Describe(DeliveryResult result) =>
        result.StatusCode is { } status ? $"{result.Outcome} ({status}) {result.Error}".Trim() : $"{result.Outcome} {result.Error}".Trim();

    private async Task<(ReminderDigest? Digest, string? Reason)> DigestAsync(OutboxRow row, SnapshotLookups snapshot, CancellationToken cancellationToken)
    {
        ReminderPayload payload;
        try
        {
            payload = ReminderPayload.FromJson(row.PayloadJson);
        }
        catch (JsonException)
        {
            return (null, "unreadable payload");
        }
        if (!snapshot.People.TryGetValue(row.PersonId, out var person))
        {
            return (null, "person removed");
        }
        if (person.SnoozedUntil is { } until && until > time.GetUtcNow())
        {
            return (null, "snoozed");
        }
        if (person.AcknowledgedSlotKeys.Contains(row.SlotKey))
        {
            return (null, "acknowledged");
        }
        var kind = ReminderKinds.FromCode(row.Kind);
        // A 回头看 answered since planning (or its item reopened) is dropped like a closed item from the other digests.
        var items = payload.Items.Where(i => kind == ReminderKind.Recheck ? snapshot.DueRecheckIds.Contains(i.TaskId) : snapshot.OpenTaskIds.Contains(i.TaskId)).ToList();
        IReadOnlyList<FailedDelivery> failed = [];
        long unknown = 0;
        if (kind == ReminderKind.AdminRed)
        {
            var since = calendar.PreviousWorkingDay(row.SlotDate);
            failed = await outbox.FailedAsync(since, cancellationToken);
            unknown = await outbox.UnknownCountAsync(since, cancellationToken);
        }
        if (items.Count == 0 && payload.Unreachable.Count == 0)
        {
            return (null, "nothing left to remind");
        }
        return (new ReminderDigest(kind, row.SlotKey, row.SlotDate, row.IsCatchUp, items, payload.Unreachable, failed, unknown)
        {
            // The admins hear it first when the holiday file lacks this year, or (from 1 December) the next.
            MissingCalendarYears = kind == ReminderKind.AdminRed ? calendar.MissingYears(row.SlotDate) : [],
        }, null);
    }
}

/// <summary>One digest as the card shows it: the planned items still open, and for the admins what could not be delivered.</summary>
public sealed record ReminderDigest(
    ReminderKind Kind,
    string SlotKey,
    DateOnly SlotDate,
    bool IsCatchUp,
    IReadOnlyList<ReminderItem> Items,
    IReadOnlyList<UnreachablePerson> Unreachable,
    IReadOnlyList<FailedDelivery> Failed,
    long UnknownCount)
{
    /// <summary>Years the reminders run in without their holidays (admin digests only): the card says so first.</summary>
    public IReadOnlyList<int> MissingCalendarYears { get; init; } = [];
}
