using Dapper;

namespace Rectification.Data.Ledger;

public sealed partial class LedgerChanges
{
    private const string InsertUrge = """
        INSERT INTO urges (task_id, day, urged_by, at) VALUES (@TaskId, @Day, @UrgerId, @At)
        ON CONFLICT (task_id, day) DO NOTHING
        """;

    /// <summary>
    /// 催办: records that a leader or admin chased a task today, with its audit entry. A task is urged once per day
    /// whoever asks: the second urge of the day is <see cref="ChangeOutcome.Duplicate"/> and writes nothing.
    /// </summary>
    public Task<LedgerChangeResult> RecordUrgeAsync(long taskId, long urgerId, DateOnly day, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WithRetryAsync(async (connection, transaction) =>
        {
            var (urger, task) = await LoadAsync(connection, transaction, urgerId, taskId, cancellationToken);
            if (urger is null || task is null)
            {
                return LedgerChangeResult.Missing;
            }
            if (!LedgerPermissions.CanDecide(urger, task))
            {
                return LedgerChangeResult.Refused(ChangeReasons.NotSupervisor);
            }
            if (task.Task.Status is RectificationStatus.Done or RectificationStatus.WrittenOff)
            {
                return LedgerChangeResult.Invalid(task.Task.Status == RectificationStatus.WrittenOff ? ChangeReasons.WrittenOff : ChangeReasons.AlreadyDone) with { TaskId = taskId };
            }
            var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertUrge, new { TaskId = taskId, Day = day, UrgerId = urgerId, At = at }, transaction, cancellationToken: cancellationToken));
            if (inserted == 0)
            {
                return new LedgerChangeResult(ChangeOutcome.Duplicate, TaskId: taskId);
            }
            await AuditLog.WriteAsync(connection, transaction, Actor.Person(urger.Id, urger.Name), at, "task", taskId, "urge", null,
                new { officers = task.OfficerList.Select(o => o.Name).ToList(), day }, cancellationToken);
            return LedgerChangeResult.Ok(taskId, taskId);
        }, cancellationToken);
}

public static partial class ChangeReasons
{
    /// <summary>The work is done and waits for its write-off: there is nothing left to chase.</summary>
    public const string AlreadyDone = "already_done";

    public const string NothingToWithdraw = "nothing_to_withdraw";

    /// <summary>The update is older than the window in which it may be taken back.</summary>
    public const string TooLate = "too_late";

    /// <summary>Someone reported on the task after this update, or asked for a write-off or extension since.</summary>
    public const string ChangedSince = "changed_since";
}
