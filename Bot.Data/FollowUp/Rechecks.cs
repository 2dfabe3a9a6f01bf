using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Data.FollowUp;

/// <summary>A written-off or long-term item that may need its 回头看, with the dates the policy decides from.</summary>
public sealed record RecheckCandidate(
    long TaskId,
    string Code,
    string Measure,
    long? LeaderId,
    long? LeadDepartmentId,
    RectificationStatus Status,
    DateOnly CreatedOn,
    DateOnly? WrittenOffOn,
    DateOnly? LastCheckedOn,
    int? RecheckDays);

/// <summary>One item's 回头看 so far: checks that found it holding, relapses, and its status now.</summary>
public sealed record RecheckTotals(long TaskId, long? LeadDepartmentId, RectificationStatus Status, int Consolidated, int Relapsed);

/// <summary>
/// 回头看 decisions: 巩固良好 (the results hold) or 出现反弹 (the problem came back: the item is reopened, in progress, with a
/// new deadline and the reason as its note). Checked in the data layer like every ledger change and audited.
/// </summary>
public sealed class Rechecks(ConnectionFactory connections, LedgerCalendar calendar)
{
    private const string SelectCandidates = """
        SELECT t.id AS TaskId, t.code AS Code, t.measure AS Measure, t.leader_id AS LeaderId, t.lead_department_id AS LeadDepartmentId,
               t.status AS Status, t.created_at AS CreatedAt, i.recheck_days AS RecheckDays,
               (SELECT max(w.decided_at) FROM write_offs w WHERE w.task_id = t.id AND w.state = 'approved') AS WrittenOffAt,
               (SELECT max(r.checked_at) FROM rechecks r WHERE r.task_id = t.id) AS LastCheckedAt
        FROM tasks t JOIN inspections i ON i.id = t.inspection_id
        WHERE t.status IN ('written_off', 'ongoing') AND i.importing_at IS NULL
        ORDER BY t.inspection_id, t.ordinal
        """;

    public async Task<IReadOnlyList<RecheckCandidate>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CandidateRow>(new CommandDefinition(SelectCandidates, cancellationToken: cancellationToken));
        return rows.Select(r => new RecheckCandidate(r.TaskId, r.Code, r.Measure, r.LeaderId, r.LeadDepartmentId, RectificationStatusCodes.FromCode(r.Status),
            calendar.Today(r.CreatedAt), r.WrittenOffAt is { } off ? calendar.Today(off) : null, r.LastCheckedAt is { } last ? calendar.Today(last) : null,
            r.RecheckDays is { } days ? (int)days : null)).ToList();
    }

    private const string SelectRecheckDays = "SELECT recheck_days FROM inspections WHERE id = @Id";

    /// <summary>The inspection's own period before a 回头看; null: the configured default.</summary>
    public async Task<int?> RecheckDaysAsync(long inspectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (int?)await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(SelectRecheckDays, new { Id = inspectionId }, cancellationToken: cancellationToken));
    }

    private const string UpdateRecheckDays = "UPDATE inspections SET recheck_days = @Days WHERE id = @Id";

    /// <summary>The shortest and longest period an inspection may set for its 回头看 (the configured default obeys the same range).</summary>
    public const int MinRecheckDays = 7;

    public const int MaxRecheckDays = 730;

    /// <summary>
    /// The inspection's own period before a 回头看 (null: the configured default), audited. Only an admin or a system
    /// actor (the command line) may set it, and only within <see cref="MinRecheckDays"/>..<see cref="MaxRecheckDays"/>:
    /// a period of 0 or less would ask for a 回头看 the day an item is written off, over and over.
    /// </summary>
    public async Task<LedgerChangeResult> SetRecheckDaysAsync(long inspectionId, int? days, Actor actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (days is < MinRecheckDays or > MaxRecheckDays)
        {
            return LedgerChangeResult.Invalid(RecheckReasons.DaysOutOfRange);
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (actor.PersonId is { } personId)
        {
            var person = (await PeopleRepository.ReadAsync(connection, transaction, " WHERE p.id = @Id", new { Id = personId }, cancellationToken)).SingleOrDefault();
            if (person is not { IsAdmin: true })
            {
                return LedgerChangeResult.Refused(RecheckReasons.NotAdmin);
            }
        }
        var before = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(SelectRecheckDays, new { Id = inspectionId }, transaction, cancellationToken: cancellationToken));
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateRecheckDays, new { Id = inspectionId, Days = days }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return LedgerChangeResult.Missing;
        }
        await AuditLog.WriteAsync(connection, transaction, actor, at, "inspection", inspectionId, "recheck_days", new { recheck_days = before }, new { recheck_days = days },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LedgerChangeResult(ChangeOutcome.Done, null, inspectionId);
    }

    private const string SelectOfficerTasks = "SELECT task_id FROM task_officers WHERE person_id = @PersonId";

    /// <summary>The items the person is an officer of: what an officer's 回头看 list is filtered by.</summary>
    public async Task<IReadOnlySet<long>> OfficerTaskIdsAsync(long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(new CommandDefinition(SelectOfficerTasks, new { PersonId = personId }, cancellationToken: cancellationToken))).ToHashSet();
    }

    private const string SelectTotals = """
        SELECT t.id AS TaskId, t.lead_department_id AS LeadDepartmentId, t.status AS Status,
               sum(CASE WHEN r.outcome = 'consolidated' THEN 1 ELSE 0 END) AS Consolidated,
               sum(CASE WHEN r.outcome = 'relapsed' THEN 1 ELSE 0 END) AS Relapsed
        FROM rechecks r JOIN tasks t ON t.id = r.task_id
        GROUP BY t.id, t.lead_department_id, t.status
        ORDER BY t.id
        """;

    /// <summary>Per item ever re-checked: how often it held, how often it came back, and where it stands now.</summary>
    public async Task<IReadOnlyList<RecheckTotals>> TotalsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TotalsRow>(new CommandDefinition(SelectTotals, cancellationToken: cancellationToken));
        return rows.Select(r => new RecheckTotals(r.TaskId, r.LeadDepartmentId, RectificationStatusCodes.FromCode(r.Status), (int)r.Consolidated, (int)r.Relapsed)).ToList();
    }

    private sealed class TotalsRow
    {
        public long TaskId { get; init; }
        public long? LeadDepartmentId { get; init; }
        public string Status { get; init; } = "";
        public long Consolidated { get; init; }
        public long Relapsed { get; init; }
    }

    private const string InsertRecheck = """
        INSERT INTO rechecks (task_id, checked_by, checked_at, outcome, reason, previous_status, previous_due_date, new_due_date)
        VALUES (@TaskId, @PersonId, @At, @Outcome, @Reason, @PreviousStatus, @PreviousDue, @NewDue)
        RETURNING id
        """;

    private const string ReopenTask = """
        UPDATE tasks SET status = 'in_progress', percent = 0, time_limit_kind = 'date', due_date = @NewDue, progress_note = @Note,
                         last_progress_at = @At, updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    // A check that finds the item holding changes nothing else on it, but it still takes the row (version) so that two
    // answers to the same 回头看 at once are serialised: the second sees a newer version, or the first one's check.
    private const string ClaimTask = "UPDATE tasks SET version = version + 1 WHERE id = @TaskId AND version = @Version";

    private const string SelectLastCheck = "SELECT checked_at AS CheckedAt FROM rechecks WHERE task_id = @TaskId ORDER BY checked_at DESC LIMIT 1";

    private const string InsertReopenProgress = """
        INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
        VALUES (@TaskId, @PersonId, @At, 0, 'in_progress', @Note, 'recheck', @Key)
        """;

    /// <summary>
    /// Records the answer to the 回头看 due on <paramref name="dueOn"/>, by the supervising leader (or an admin). A relapse
    /// needs a reason and a deadline after today and reopens the item; the officer is told by the caller. Once that 回头看
    /// has an answer (a check on or after its due day, or a concurrent answer that got in first) a second one is refused
    /// with <see cref="RecheckReasons.AlreadyHandled"/>: a double click or two leaders at once record one check.
    /// </summary>
    public async Task<LedgerChangeResult> RecordAsync(long taskId, long personId, DateOnly dueOn, bool relapsed, string? reason, DateOnly? newDue, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var person = (await PeopleRepository.ReadAsync(connection, transaction, " WHERE p.id = @Id", new { Id = personId }, cancellationToken)).SingleOrDefault();
        var task = await LedgerQueries.DetailAsync(connection, transaction, taskId, cancellationToken);
        if (person is null || task is null)
        {
            return LedgerChangeResult.Missing;
        }
        if (!LedgerPermissions.CanDecide(person, task))
        {
            return LedgerChangeResult.Refused(ChangeReasons.NotSupervisor);
        }
        if (task.Task.Status is not (RectificationStatus.WrittenOff or RectificationStatus.Ongoing))
        {
            return LedgerChangeResult.Invalid(RecheckReasons.NotClosed);
        }
        var note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (relapsed && (note is null || newDue is null || newDue <= calendar.Today(at)))
        {
            return LedgerChangeResult.Invalid(RecheckReasons.ReasonAndDeadline);
        }
        var last = await connection.QueryFirstOrDefaultAsync<LastCheckRow>(new CommandDefinition(SelectLastCheck, new { TaskId = taskId }, transaction,
            cancellationToken: cancellationToken));
        if (last is not null && calendar.Today(last.CheckedAt) >= dueOn)
        {
            return LedgerChangeResult.Invalid(RecheckReasons.AlreadyHandled);
        }
        var claimed = relapsed
            ? await connection.ExecuteAsync(new CommandDefinition(ReopenTask, new { TaskId = taskId, NewDue = newDue, Note = note, At = at, task.Task.Version },
                transaction, cancellationToken: cancellationToken))
            : await connection.ExecuteAsync(new CommandDefinition(ClaimTask, new { TaskId = taskId, task.Task.Version }, transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            // Someone changed the item since it was read: another answer to this 回头看, or a change that makes it moot.
            return LedgerChangeResult.Invalid(RecheckReasons.AlreadyHandled);
        }
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertRecheck, new
        {
            TaskId = taskId,
            PersonId = personId,
            At = at,
            Outcome = relapsed ? "relapsed" : "consolidated",
            Reason = note,
            PreviousStatus = task.Task.Status.ToCode(),
            PreviousDue = task.Task.DueDate,
            NewDue = relapsed ? newDue : null,
        }, transaction, cancellationToken: cancellationToken));
        if (relapsed)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertReopenProgress, new { TaskId = taskId, PersonId = personId, At = at, Note = note, Key = $"recheck:{id}" },
                transaction, cancellationToken: cancellationToken));
        }
        await AuditLog.WriteAsync(connection, transaction, Actor.Person(person.Id, person.Name), at, "task", taskId, relapsed ? "recheck_reopen" : "recheck_consolidated",
            new { status = task.Task.Status.ToCode(), due = task.Task.DueDate },
            new { status = relapsed ? "in_progress" : task.Task.Status.ToCode(), due = relapsed ? newDue : task.Task.DueDate, reason = note }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return LedgerChangeResult.Ok(id, taskId);
    }

    private sealed class LastCheckRow
    {
        public DateTimeOffset CheckedAt { get; init; }
    }

    private sealed class CandidateRow
    {
        public long TaskId { get; init; }
        public string Code { get; init; } = "";
        public string Measure { get; init; } = "";
        public long? LeaderId { get; init; }
        public long? LeadDepartmentId { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public long? RecheckDays { get; init; }
        public DateTimeOffset? WrittenOffAt { get; init; }
        public DateTimeOffset? LastCheckedAt { get; init; }
    }
}

public static class RecheckReasons
{
    /// <summary>Only written-off and long-term items are re-checked.</summary>
    public const string NotClosed = "recheck_not_closed";

    /// <summary>A relapse reopens the item: it needs the reason and a new deadline after today.</summary>
    public const string ReasonAndDeadline = "recheck_reason_and_deadline";

    /// <summary>The 回头看 this answer is for already has its answer (an old card, a double click, or two leaders at once).</summary>
    public const string AlreadyHandled = "recheck_already_handled";

    /// <summary>The inspection's 回头看 period is outside <see cref="Rechecks.MinRecheckDays"/>..<see cref="Rechecks.MaxRecheckDays"/>.</summary>
    public const string DaysOutOfRange = "recheck_days_out_of_range";

    /// <summary>Only an admin (or the command line) sets an inspection's 回头看 period.</summary>
    public const string NotAdmin = "recheck_days_not_admin";
}
