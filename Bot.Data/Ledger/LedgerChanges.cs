using System.Data.Common;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.People;

namespace Rectification.Data.Ledger;

public sealed record ProgressReport(
    long TaskId,
    long PersonId,
    int? Percent,
    RectificationStatus? Status,
    string? Note,
    string Source,
    string IdempotencyKey,
    DateTimeOffset At);

/// <summary>
/// Every change to a task: progress, write-off (销号) and extension requests and their decisions. Each runs in
/// one transaction with its permission check and audit entry; a task's row version guards against lost updates.
/// </summary>
public sealed partial class LedgerChanges(ConnectionFactory connections)
{
    private const int MaxAttempts = 5;

    private const string InsertProgress = """
        INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
        VALUES (@TaskId, @PersonId, @At, @Percent, @Status, @Note, @Source, @IdempotencyKey)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
        """;

    private const string UpdateTaskProgress = """
        UPDATE tasks SET percent = @Percent, status = @Status, progress_note = @Note, last_progress_at = @At,
                         updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    public Task<LedgerChangeResult> RecordProgressAsync(ProgressReport report, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var (person, task) = await LoadAsync(connection, transaction, report.PersonId, report.TaskId, cancellationToken);
            if (person is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanReport(person, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotAnOfficer);
            }
            if (task.Task.Status == RectificationStatus.WrittenOff)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.WrittenOff);
            }

            var (percent, status) = Next(task.Task, report.Percent, report.Status);
            var note = string.IsNullOrWhiteSpace(SafeText.Clean(report.Note)) ? null : SafeText.Clean(report.Note)!.Trim();
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertProgress, new
            {
                report.TaskId,
                report.PersonId,
                report.At,
                Percent = percent,
                Status = status.ToCode(),
                Note = note,
                report.Source,
                report.IdempotencyKey,
            }, transaction, cancellationToken: cancellationToken));
            if (id is null)
            {
                return new LedgerChangeResult(ChangeOutcome.Duplicate, TaskId: task.Task.Id);
            }

            await UpdateVersionedAsync(connection, transaction, UpdateTaskProgress, new
            {
                report.TaskId,
                Percent = percent,
                Status = status.ToCode(),
                Note = note ?? task.ProgressNote,
                report.At,
                task.Task.Version,
            }, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(person.Id, person.Name), report.At, "task", task.Task.Id, "progress",
                new { status = task.Task.Status.ToCode(), percent = task.Task.Percent },
                new { status = status.ToCode(), percent, note, source = report.Source }, cancellationToken);
            return LedgerChangeResult.Ok(id.Value, task.Task.Id);
        }, cancellationToken);

    /// <summary>What a report changes: an explicit status wins; otherwise the percent decides.</summary>
    internal static (int Percent, RectificationStatus Status) Next(TaskSummary task, int? percent, RectificationStatus? status)
    {
        var nextPercent = Math.Clamp(percent ?? task.Percent, 0, 100);
        if (status is { } explicitStatus)
        {
            return explicitStatus == RectificationStatus.Done ? (100, explicitStatus) : (nextPercent, explicitStatus);
        }
        if (task.TimeLimit.Kind == TimeLimitKind.Ongoing)
        {
            return (nextPercent, RectificationStatus.Ongoing);
        }
        return nextPercent switch
        {
            100 => (100, RectificationStatus.Done),
            > 0 => (nextPercent, RectificationStatus.InProgress),
            _ => (nextPercent, task.Status),
        };
    }

    private const string SelectPendingWriteOff = "SELECT count(*) FROM write_offs WHERE task_id = @TaskId AND state = 'pending'";

    private const string InsertWriteOff = """
        INSERT INTO write_offs (task_id, requested_by, requested_at, evidence, state)
        VALUES (@TaskId, @PersonId, @At, @Evidence, 'pending')
        RETURNING id
        """;

    /// <summary>申请销号: asks the supervising leader to close the item, with the evidence that it is done.</summary>
    public Task<LedgerChangeResult> RequestWriteOffAsync(long taskId, long personId, string evidence, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var (person, task) = await LoadAsync(connection, transaction, personId, taskId, cancellationToken);
            if (person is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanReport(person, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotAnOfficer);
            }
            if (task.Task.Status == RectificationStatus.WrittenOff)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.WrittenOff);
            }
            var args = new { TaskId = taskId, PersonId = personId, At = at, Evidence = SafeText.Clean(evidence)!.Trim() };
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectPendingWriteOff, args, transaction, cancellationToken: cancellationToken)) > 0)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.PendingExists);
            }
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertWriteOff, args, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(person.Id, person.Name), at, "write_off", id, "request", null, new { taskId, evidence = args.Evidence }, cancellationToken);
            return LedgerChangeResult.Ok(id, taskId);
        }, cancellationToken);

    private const string SelectWriteOff = """
        SELECT id AS Id, task_id AS TaskId, requested_by AS RequestedBy, requested_at AS RequestedAt, evidence AS Evidence,
               state AS State, decided_by AS DecidedBy, decided_at AS DecidedAt, decision_note AS DecisionNote
        FROM write_offs WHERE id = @Id
        """;

    private const string DecideWriteOffSql = """
        UPDATE write_offs SET state = @State, decided_by = @DeciderId, decided_at = @At, decision_note = @Note
        WHERE id = @Id AND state = 'pending'
        """;

    private const string WriteOffTask = """
        UPDATE tasks SET status = 'written_off', percent = 100, updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    private const string ReopenTask = """
        UPDATE tasks SET status = @Status, updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    /// <summary>The leader's decision on a write-off. A request is decided once; a second decision is refused.</summary>
    public Task<LedgerChangeResult> DecideWriteOffAsync(long requestId, long deciderId, bool approve, string? note, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var request = await connection.QuerySingleOrDefaultAsync<LedgerQueries.WriteOffRow>(new CommandDefinition(SelectWriteOff, new { Id = requestId }, transaction, cancellationToken: cancellationToken));
            if (request is null)
            {
                return LedgerChangeResult.Missing;
            }
            var (decider, task) = await LoadAsync(connection, transaction, deciderId, request.TaskId, cancellationToken);
            if (decider is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanDecide(decider, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotSupervisor);
            }
            if (request.RequestedBy == deciderId)
            {
                // Completion is verified by someone else: that is the point of a write-off.
                return LedgerChangeResult.Refused(ChangeReasons.OwnRequest);
            }
            if (approve && request.State == "pending" && task.Task.Status != RectificationStatus.Done)
            {
                // A progress report since the request says the work is not finished after all.
                return LedgerChangeResult.Invalid(ChangeReasons.NotDone) with { TaskId = task.Task.Id };
            }
            var state = approve ? RequestState.Approved : RequestState.Rejected;
            var updated = await connection.ExecuteAsync(new CommandDefinition(DecideWriteOffSql,
                new { Id = requestId, State = state.ToCode(), DeciderId = deciderId, At = at, Note = SafeText.Clean(note) }, transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.AlreadyDecided) with { TaskId = task.Task.Id };
            }
            var reopenTo = task.Task.TimeLimit.Kind == TimeLimitKind.Ongoing ? RectificationStatus.Ongoing : RectificationStatus.InProgress;
            if (approve)
            {
                await UpdateVersionedAsync(connection, transaction, WriteOffTask, new { TaskId = task.Task.Id, At = at, task.Task.Version }, cancellationToken);
            }
            else if (task.Task.Status == RectificationStatus.Done)
            {
                // A rejected write-off sends the work back: it is not done until the leader agrees.
                await UpdateVersionedAsync(connection, transaction, ReopenTask, new { TaskId = task.Task.Id, Status = reopenTo.ToCode(), At = at, task.Task.Version }, cancellationToken);
            }
            var actor = Actor.Person(decider.Id, decider.Name);
            await AuditLog.WriteAsync(connection, transaction, actor, at, "write_off", requestId, state.ToCode(), new { state = "pending" }, new { state = state.ToCode(), note }, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, actor, at, "task", task.Task.Id, approve ? "write_off" : "write_off_rejected",
                new { status = task.Task.Status.ToCode() },
                new { status = approve ? "written_off" : task.Task.Status == RectificationStatus.Done ? reopenTo.ToCode() : task.Task.Status.ToCode() }, cancellationToken);
            return LedgerChangeResult.Ok(requestId, task.Task.Id);
        }, cancellationToken);

    private const string SelectPendingExtension = "SELECT count(*) FROM extensions WHERE task_id = @TaskId AND state = 'pending'";

    private const string InsertExtension = """
        INSERT INTO extensions (task_id, requested_by, requested_at, from_date, to_date, reason, state)
        VALUES (@TaskId, @PersonId, @At, @FromDate, @ToDate, @Reason, 'pending')
        RETURNING id
        """;

    /// <summary>申请延期: asks for a later deadline. The new date must be after today and after the current deadline.</summary>
    public Task<LedgerChangeResult> RequestExtensionAsync(long taskId, long personId, DateOnly toDate, string reason, DateOnly today, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var (person, task) = await LoadAsync(connection, transaction, personId, taskId, cancellationToken);
            if (person is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanReport(person, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotAnOfficer);
            }
            if (task.Task.Status == RectificationStatus.WrittenOff)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.WrittenOff);
            }
            if (task.Task.TimeLimit.Kind == TimeLimitKind.Ongoing)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.OngoingHasNoDeadline);
            }
            if (toDate <= today || (task.Task.DueDate is { } due && toDate <= due))
            {
                return LedgerChangeResult.Invalid(ChangeReasons.DateNotLater);
            }
            var args = new { TaskId = taskId, PersonId = personId, At = at, FromDate = task.Task.DueDate, ToDate = toDate, Reason = SafeText.Clean(reason)!.Trim() };
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectPendingExtension, args, transaction, cancellationToken: cancellationToken)) > 0)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.PendingExists);
            }
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertExtension, args, transaction, cancellationToken: cancellationToken));
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(person.Id, person.Name), at, "extension", id, "request", null,
                new { taskId, from = task.Task.DueDate, to = toDate, reason = args.Reason }, cancellationToken);
            return LedgerChangeResult.Ok(id, taskId);
        }, cancellationToken);

    private const string SelectExtension = """
        SELECT id AS Id, task_id AS TaskId, requested_by AS RequestedBy, requested_at AS RequestedAt, from_date AS FromDate,
               to_date AS ToDate, reason AS Reason, state AS State, decided_by AS DecidedBy, decided_at AS DecidedAt,
               decision_note AS DecisionNote
        FROM extensions WHERE id = @Id
        """;

    private const string DecideExtensionSql = """
        UPDATE extensions SET state = @State, decided_by = @DeciderId, decided_at = @At, decision_note = @Note
        WHERE id = @Id AND state = 'pending'
        """;

    // The first deadline is kept forever in original_due_date; every approval counts.
    private const string ExtendTask = """
        UPDATE tasks SET original_due_date = COALESCE(original_due_date, due_date), due_date = @ToDate, time_limit_kind = 'date',
                         extension_count = extension_count + 1, updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    public Task<LedgerChangeResult> DecideExtensionAsync(long requestId, long deciderId, bool approve, string? note, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var request = await connection.QuerySingleOrDefaultAsync<LedgerQueries.ExtensionRow>(new CommandDefinition(SelectExtension, new { Id = requestId }, transaction, cancellationToken: cancellationToken));
            if (request is null)
            {
                return LedgerChangeResult.Missing;
            }
            var (decider, task) = await LoadAsync(connection, transaction, deciderId, request.TaskId, cancellationToken);
            if (decider is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanDecide(decider, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotSupervisor);
            }
            if (request.RequestedBy == deciderId)
            {
                return LedgerChangeResult.Refused(ChangeReasons.OwnRequest);
            }
            var state = approve ? RequestState.Approved : RequestState.Rejected;
            var updated = await connection.ExecuteAsync(new CommandDefinition(DecideExtensionSql,
                new { Id = requestId, State = state.ToCode(), DeciderId = deciderId, At = at, Note = SafeText.Clean(note) }, transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.AlreadyDecided) with { TaskId = task.Task.Id };
            }
            var actor = Actor.Person(decider.Id, decider.Name);
            if (approve)
            {
                await UpdateVersionedAsync(connection, transaction, ExtendTask, new { TaskId = task.Task.Id, request.ToDate, At = at, task.Task.Version }, cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, actor, at, "task", task.Task.Id, "extend",
                    new { due = task.Task.DueDate, extensions = task.ExtensionCount }, new { due = request.ToDate, extensions = task.ExtensionCount + 1 }, cancellationToken);
            }
            await AuditLog.WriteAsync(connection, transaction, actor, at, "extension", requestId, state.ToCode(), new { state = "pending" }, new { state = state.ToCode(), note }, cancellationToken);
            return LedgerChangeResult.Ok(requestId, task.Task.Id);
        }, cancellationToken);

    // A no-op write that takes the task's row lock (PostgreSQL) before we read it, so concurrent writers queue
    // instead of colliding; SQLite already serialises writers. The version check stays as the last guard.
    private const string LockTask = "UPDATE tasks SET version = version WHERE id = @Id";

    /// <summary>
    /// The person and the task inside the write's transaction. Without <paramref name="withHistory"/> the task's
    /// history is not read: the permission checks and the row version need only the task and its people, and a write
    /// must not slow down as a task's reports pile up (pending requests are counted by their own queries).
    /// </summary>
    private static async Task<(Person? Person, TaskDetail? Task)> LoadAsync(DbConnection connection, DbTransaction transaction, long personId, long taskId,
        CancellationToken cancellationToken, bool withHistory = false)
    {
        await connection.ExecuteAsync(new CommandDefinition(LockTask, new { Id = taskId }, transaction, cancellationToken: cancellationToken));
        var person = (await PeopleRepository.ReadAsync(connection, transaction,
            " WHERE p.id = @Id",
            new { Id = personId }, cancellationToken)).SingleOrDefault();
        var task = await LedgerQueries.DetailAsync(connection, transaction, taskId, cancellationToken, withHistory);
        return (person, task);
    }

    private static async Task UpdateVersionedAsync(DbConnection connection, DbTransaction transaction, string sql, object args, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new ConcurrencyConflictException();
        }
    }

    /// <summary>
    /// Runs the change in a transaction; when another writer changed the task between our read and our write
    /// (its version moved), the whole unit is rolled back and run again on fresh data: nothing is lost.
    /// </summary>
    private async Task<LedgerChangeResult> WithRetryAsync(Func<DbConnection, DbTransaction, Task<LedgerChangeResult>> change, CancellationToken cancellationToken)
    {
        using var pass = await connections.WriteGate.EnterAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Opening and beginning are inside the retried unit: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE,
                // so a long writer (an import) surfaces as SQLITE_BUSY here, never in the statements after it.
                await using var connection = await connections.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                try
                {
                    var result = await change(connection, transaction);
                    if (result.Succeeded)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                    else
                    {
                        await transaction.RollbackAsync(cancellationToken);
                    }
                    return result;
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    await transaction.RollbackAsync(cancellationToken);
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException busy) when (SqliteBusy.IsBusy(busy) && attempt < MaxAttempts)
            {
                // The connection already waited its busy timeout for a long writer: the whole unit runs again on fresh
                // data rather than failing the person's report with "database is locked". A transaction begun before
                // the failure was rolled back when it was disposed.
                await Task.Delay(SqliteBusy.Pause(attempt), cancellationToken);
            }
        }
    }
}

/// <summary>The task's row version moved between read and write: someone else changed it first.</summary>
public sealed class ConcurrencyConflictException() : Exception("The task was changed by someone else.");
