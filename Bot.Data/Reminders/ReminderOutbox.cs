using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Reminders;

public enum OutboxState
{
    Pending,
    /// <summary>Claimed by one dispatcher, under its lease.</summary>
    Sending,
    Sent,
    /// <summary>Every attempt failed, or Teams refused the conversation: shown to the admins.</summary>
    Failed,
    /// <summary>The request left but no answer came back (timeout, crash under lease): maybe delivered, never retried.</summary>
    Unknown,
    /// <summary>Nothing left to say (its items were closed meanwhile), or acknowledged before it went out.</summary>
    Cancelled,
}

public static class OutboxStateCodes
{
    public static string ToCode(this OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Sending => "sending",
        OutboxState.Sent => "sent",
        OutboxState.Failed => "failed",
        OutboxState.Unknown => "unknown",
        OutboxState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static OutboxState FromCode(string code) => code switch
    {
        "pending" => OutboxState.Pending,
        "sending" => OutboxState.Sending,
        "sent" => OutboxState.Sent,
        "failed" => OutboxState.Failed,
        "unknown" => OutboxState.Unknown,
        "cancelled" => OutboxState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown outbox state."),
    };
}

/// <summary>A digest to plan: <paramref name="SlotKey"/> is unique per person, kind and local day; the payload is opaque JSON.</summary>
public sealed record OutboxEntry(string SlotKey, long PersonId, string Kind, DateOnly SlotDate, DateTimeOffset SlotStart, bool IsCatchUp, string PayloadJson);

public sealed record OutboxRow(
    long Id,
    string SlotKey,
    long PersonId,
    string Kind,
    DateOnly SlotDate,
    DateTimeOffset SlotStart,
    bool IsCatchUp,
    string PayloadJson,
    OutboxState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? SendStartedAt = null);

/// <summary>What expiring the leases of stopped dispatchers did: rows that never started their send went back to pending; rows whose request had left became unknown.</summary>
public sealed record ExpiredLeases(int Requeued, int Unknown)
{
    public static readonly ExpiredLeases None = new(0, 0);
}

/// <summary>A failed delivery as the admins see it.</summary>
public sealed record FailedDelivery(long PersonId, string PersonName, string Kind, DateOnly SlotDate, string? LastError);

/// <summary>
/// The reminder outbox. Planning is idempotent on the slot key; claiming hands each due row to exactly one
/// dispatcher (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>; SQLite: the one UPDATE runs under its single writer lock)
/// and puts it under a lease; every later transition is only taken by the lease's owner.
/// </summary>
public sealed class ReminderOutbox(ConnectionFactory connections)
{
    private const string Columns = """
        id AS Id, slot_key AS SlotKey, person_id AS PersonId, kind AS Kind, slot_date AS SlotDate, slot_start AS SlotStart,
        is_catch_up AS IsCatchUp, payload_json AS PayloadJson, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt,
        lease_owner AS LeaseOwner, lease_until AS LeaseUntil, last_error AS LastError, created_at AS CreatedAt, sent_at AS SentAt,
        send_started_at AS SendStartedAt
        """;

    private const string Insert = """
        INSERT INTO reminder_outbox (slot_key, person_id, kind, slot_date, slot_start, is_catch_up, payload_json, state, attempts,
                                     next_attempt_at, created_at, updated_at)
        VALUES (@SlotKey, @PersonId, @Kind, @SlotDate, @SlotStart, @IsCatchUp, @PayloadJson, 'pending', 0, @Now, @Now, @Now)
        ON CONFLICT (slot_key) DO NOTHING
        """;

    /// <summary>Adds the entries not planned before, in one transaction; returns how many were new.</summary>
    public async Task<int> PlanAsync(IReadOnlyList<OutboxEntry> entries, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
        {
            return 0;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var entry in entries)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(Insert, new
            {
                entry.SlotKey,
                entry.PersonId,
                entry.Kind,
                entry.SlotDate,
                entry.SlotStart,
                entry.IsCatchUp,
                entry.PayloadJson,
                Now = now,
            }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private const string ClaimPostgres = $"""
        WITH due AS (
            SELECT id AS due_id FROM reminder_outbox
            WHERE state = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED)
        UPDATE reminder_outbox o
        SET state = 'sending', lease_owner = @Owner, lease_until = @LeaseUntil, attempts = o.attempts + 1, send_started_at = NULL, updated_at = @Now
        FROM due WHERE o.id = due.due_id
        RETURNING {Columns}
        """;

    private const string ClaimSqlite = $"""
        UPDATE reminder_outbox
        SET state = 'sending', lease_owner = @Owner, lease_until = @LeaseUntil, attempts = attempts + 1, send_started_at = NULL, updated_at = @Now
        WHERE state = 'pending' AND id IN (
            SELECT id FROM reminder_outbox
            WHERE state = 'pending' AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            LIMIT @Limit)
        RETURNING {Columns}
        """;

    /// <summary>Takes up to <paramref name="limit"/> rows due at <paramref name="now"/> for <paramref name="owner"/>, leased until <paramref name="leaseUntil"/>.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        var sql = connections.Provider == DatabaseProvider.Postgres ? ClaimPostgres : ClaimSqlite;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Owner = owner, Now = now, LeaseUntil = leaseUntil, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToOutboxRow()).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id)];
    }

    private const string StartSending = """
        UPDATE reminder_outbox SET send_started_at = @Now, updated_at = @Now
        WHERE id = @Id AND state = 'sending' AND lease_owner = @Owner
        """;

    /// <summary>
    /// Records, before the row's first request leaves, that its send has started; false when the lease was lost
    /// (expired and given to another dispatcher), and then the caller must not send. This one write is what lets a
    /// crash be told apart: claimed-but-never-started rows are safe to send again, started ones are not.
    /// </summary>
    public async Task<bool> StartSendingAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(StartSending, new { Id = id, Owner = owner, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    private const string Finish = """
        UPDATE reminder_outbox
        SET state = @State, last_error = @Error, sent_at = @SentAt, lease_owner = NULL, lease_until = NULL, updated_at = @Now
        WHERE id = @Id AND state = 'sending' AND lease_owner = @Owner
        """;

    public Task<bool> MarkSentAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(id, owner, OutboxState.Sent, null, now, now, cancellationToken);

    public Task<bool> MarkFailedAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(id, owner, OutboxState.Failed, error, null, now, cancellationToken);

    public Task<bool> MarkUnknownAsync(long id, string owner, string error, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(id, owner, OutboxState.Unknown, error, null, now, cancellationToken);

    public Task<bool> CancelAsync(long id, string owner, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        FinishAsync(id, owner, OutboxState.Cancelled, reason, null, now, cancellationToken);

    private async Task<bool> FinishAsync(long id, string owner, OutboxState state, string? error, DateTimeOffset? sentAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Finish, new { Id = id, Owner = owner, State = state.ToCode(), Error = error, SentAt = sentAt, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    private const string Reschedule = """
        UPDATE reminder_outbox
        SET state = 'pending', next_attempt_at = @NextAttemptAt, last_error = @Error, lease_owner = NULL, lease_until = NULL, send_started_at = NULL,
            updated_at = @Now
        WHERE id = @Id AND state = 'sending' AND lease_owner = @Owner
        """;

    /// <summary>Gives a claimed row back, to be claimed again from <paramref name="nextAttemptAt"/> (nothing reached Teams).</summary>
    public async Task<bool> RescheduleAsync(long id, string owner, DateTimeOffset nextAttemptAt, string? error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Reschedule, new { Id = id, Owner = owner, NextAttemptAt = nextAttemptAt, Error = error, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    private const string CancelPendingSlot = """
        UPDATE reminder_outbox SET state = 'cancelled', last_error = @Reason, updated_at = @Now
        WHERE slot_key = @SlotKey AND state = 'pending'
        """;

    /// <summary>Cancels the slot's row if it has not gone out yet (an acknowledgement); returns whether one was.</summary>
    public async Task<bool> CancelPendingAsync(string slotKey, string reason, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(CancelPendingSlot, new { SlotKey = slotKey, Reason = reason, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Said on a row whose dispatcher stopped before its request left; it is sent again.</summary>
    public const string RequeuedReason = "claimed by a dispatcher that stopped before sending it; sent again";

    /// <summary>Said on a row whose dispatcher stopped after its request left: it may have arrived.</summary>
    public const string InterruptedReason = "the dispatcher stopped after the message left; it may have arrived, so it is not sent again";

    private const string RequeueExpired = """
        UPDATE reminder_outbox
        SET state = 'pending', last_error = @Reason, lease_owner = NULL, lease_until = NULL, updated_at = @Now
        WHERE state = 'sending' AND lease_until < @Now AND send_started_at IS NULL
        """;

    private const string ExpireStarted = """
        UPDATE reminder_outbox
        SET state = 'unknown', last_error = @Reason, lease_owner = NULL, lease_until = NULL, updated_at = @Now
        WHERE state = 'sending' AND lease_until < @Now AND send_started_at IS NOT NULL
        """;

    /// <summary>
    /// Rows whose dispatcher stopped (crash, kill) with their lease run out. A row whose send never started goes back
    /// to pending, keeping its due time, and is sent by whoever claims it next. A row whose request left may have
    /// reached Teams, so it becomes unknown rather than being sent again: a reminder twice is worse than a reminder
    /// counted as unknown. A live dispatcher that lost its lease cannot start a send any more (see
    /// <see cref="StartSendingAsync"/>), so a requeued row is never sent by two.
    /// </summary>
    public async Task<ExpiredLeases> ExpireLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var requeued = await connection.ExecuteAsync(new CommandDefinition(RequeueExpired, new { Now = now, Reason = RequeuedReason }, transaction,
            cancellationToken: cancellationToken));
        var unknown = await connection.ExecuteAsync(new CommandDefinition(ExpireStarted, new { Now = now, Reason = InterruptedReason }, transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ExpiredLeases(requeued, unknown);
    }

    private const string SelectFailed = """
        SELECT o.person_id AS PersonId, p.name AS PersonName, o.kind AS Kind, o.slot_date AS SlotDate, o.last_error AS LastError
        FROM reminder_outbox o JOIN people p ON p.id = o.person_id
        WHERE o.state = 'failed' AND o.slot_date >= @Since
        ORDER BY o.slot_date, o.person_id, o.kind
        """;

    /// <summary>Failed deliveries of slots on or after <paramref name="since"/>, for the admins.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> FailedAsync(DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<FailedRow>(new CommandDefinition(SelectFailed, new { Since = since }, cancellationToken: cancellationToken)))
            .Select(r => new FailedDelivery(r.PersonId, r.PersonName, r.Kind, r.SlotDate, r.LastError))];
    }

    private const string CountUnknown = "SELECT count(*) FROM reminder_outbox WHERE state = 'unknown' AND slot_date >= @Since";

    public async Task<long> UnknownCountAsync(DateOnly since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountUnknown, new { Since = since }, cancellationToken: cancellationToken));
    }

    private const string SelectAll = $"SELECT {Columns} FROM reminder_outbox ORDER BY slot_date, person_id, kind";

    /// <summary>Every row, oldest slot first: for operators and tests.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken))).Select(r => r.ToOutboxRow())];
    }

    private sealed class FailedRow
    {
        public long PersonId { get; init; }
        public string PersonName { get; init; } = "";
        public string Kind { get; init; } = "";
        public DateOnly SlotDate { get; init; }
        public string? LastError { get; init; }
    }

    private sealed class Row
    {
        public long Id { get; init; }
        public string SlotKey { get; init; } = "";
        public long PersonId { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly SlotDate { get; init; }
        public DateTimeOffset SlotStart { get; init; }
        public bool IsCatchUp { get; init; }
        public string PayloadJson { get; init; } = "";
        public string State { get; init; } = "";
        public long Attempts { get; init; }
        public DateTimeOffset NextAttemptAt { get; init; }
        public string? LeaseOwner { get; init; }
        public DateTimeOffset? LeaseUntil { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public DateTimeOffset? SendStartedAt { get; init; }

        public OutboxRow ToOutboxRow() => new(Id, SlotKey, PersonId, Kind, SlotDate, SlotStart, IsCatchUp, PayloadJson, OutboxStateCodes.FromCode(State),
            (int)Attempts, NextAttemptAt, LeaseOwner, LeaseUntil, LastError, CreatedAt, SentAt, SendStartedAt);
    }
}
