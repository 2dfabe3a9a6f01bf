using System.Text.Json;
using Dapper;

namespace Rectification.Data.Ledger;

public sealed partial class LedgerChanges
{
    private const string SelectLastOwnProgress = """
        SELECT u.id AS Id, u.task_id AS TaskId, u.at AS At, u.percent AS Percent, u.status AS Status
        FROM progress_updates u
        WHERE u.person_id = @PersonId AND NOT EXISTS (SELECT 1 FROM progress_withdrawals w WHERE w.progress_id = u.id)
        ORDER BY u.id DESC LIMIT 1
        """;

    private const string SelectEarlierProgress = """
        SELECT u.id AS Id, u.task_id AS TaskId, u.at AS At, u.percent AS Percent, u.status AS Status, u.note AS Note
        FROM progress_updates u
        WHERE u.task_id = @TaskId AND u.id <> @Id AND NOT EXISTS (SELECT 1 FROM progress_withdrawals w WHERE w.progress_id = u.id)
        ORDER BY u.id DESC
        """;

    // RecordProgressAsync writes the task's state before the update into this entry, in the same transaction.
    private const string SelectProgressAudit = """
        SELECT before_json FROM audit_log
        WHERE entity = 'task' AND entity_id = @TaskId AND action = 'progress' AND at = @At AND actor_id = @PersonId
        ORDER BY id DESC LIMIT 1
        """;

    private const string InsertWithdrawal = "INSERT INTO progress_withdrawals (progress_id, withdrawn_by, at) VALUES (@Id, @PersonId, @At)";

    private const string RestoreTask = """
        UPDATE tasks SET percent = @Percent, status = @Status, progress_note = @Note, last_progress_at = @LastProgressAt,
                         updated_at = @At, version = version + 1
        WHERE id = @TaskId AND version = @Version
        """;

    /// <summary>
    /// 撤回: takes back the person's own last progress update if it is newer than <paramref name="since"/> and nothing
    /// happened to the task after it. The update stays (progress is append-only) and is marked withdrawn; the task
    /// returns to its percent, status and note from before; both are audited. The result's Id is the update's id.
    /// </summary>
    public Task<LedgerChangeResult> WithdrawLastProgressAsync(long personId, DateTimeOffset since, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var last = await connection.QuerySingleOrDefaultAsync<ProgressRow>(new CommandDefinition(SelectLastOwnProgress, new { PersonId = personId }, transaction, cancellationToken: cancellationToken));
            if (last is null)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.NothingToWithdraw);
            }
            if (last.At < since)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.TooLate) with { TaskId = last.TaskId };
            }
            // A withdrawal looks at the requests made since the report: the one change that reads the task's history.
            var (person, task) = await LoadAsync(connection, transaction, personId, last.TaskId, cancellationToken, withHistory: true);
            if (person is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            var earlier = (await connection.QueryAsync<ProgressRow>(new CommandDefinition(SelectEarlierProgress, new { last.TaskId, last.Id }, transaction, cancellationToken: cancellationToken))).ToList();
            var changedSince = earlier.Any(e => e.Id > last.Id)
                || task.Task.Percent != last.Percent || task.Task.Status.ToCode() != last.Status
                || task.WriteOffs.Any(w => w.RequestedAt >= last.At) || task.Extensions.Any(e => e.RequestedAt >= last.At);
            if (changedSince)
            {
                return LedgerChangeResult.Invalid(ChangeReasons.ChangedSince) with { TaskId = task.Task.Id };
            }

            var before = earlier.FirstOrDefault();
            var (percent, status) = await StateBeforeAsync(connection, transaction, last, personId, before, task.Task, cancellationToken);
            var note = earlier.FirstOrDefault(e => e.Note is not null)?.Note;
            await connection.ExecuteAsync(new CommandDefinition(InsertWithdrawal, new { last.Id, PersonId = personId, At = at }, transaction, cancellationToken: cancellationToken));
            await UpdateVersionedAsync(connection, transaction, RestoreTask, new
            {
                TaskId = task.Task.Id,
                Percent = percent,
                Status = status.ToCode(),
                Note = note,
                LastProgressAt = before?.At,
                At = at,
                task.Task.Version,
            }, cancellationToken);
            var actor = Actor.Person(person.Id, person.Name);
            await AuditLog.WriteAsync(connection, transaction, actor, at, "progress", last.Id, "withdrawn", null, new { taskId = task.Task.Id }, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, actor, at, "task", task.Task.Id, "progress_withdrawn",
                new { status = task.Task.Status.ToCode(), percent = task.Task.Percent }, new { status = status.ToCode(), percent }, cancellationToken);
            return LedgerChangeResult.Ok(last.Id, task.Task.Id);
        }, cancellationToken);

    /// <summary>The task's percent and status just before the update: from its audit entry, else from the update before it.</summary>
    private static async Task<(int Percent, RectificationStatus Status)> StateBeforeAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        ProgressRow last, long personId, ProgressRow? before, TaskSummary task, CancellationToken cancellationToken)
    {
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectProgressAudit, new { last.TaskId, last.At, PersonId = personId }, transaction, cancellationToken: cancellationToken));
        if (json is not null)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("status", out var status) && status.GetString() is { } code && root.TryGetProperty("percent", out var percent))
            {
                return (percent.GetInt32(), RectificationStatusCodes.FromCode(code));
            }
        }
        if (before is not null)
        {
            return ((int)before.Percent, RectificationStatusCodes.FromCode(before.Status));
        }
        return (0, task.TimeLimit.Kind == TimeLimitKind.Ongoing ? RectificationStatus.Ongoing : RectificationStatus.NotStarted);
    }

    private sealed class ProgressRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public DateTimeOffset At { get; init; }
        public long Percent { get; init; }
        public string Status { get; init; } = "";
        public string? Note { get; init; }
    }
}
