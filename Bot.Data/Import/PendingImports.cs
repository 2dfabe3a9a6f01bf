using System.Data.Common;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// A new inspection that an import is still writing in batches (<see cref="ImportTransaction"/>): its row carries
/// <c>importing_at</c>, and nobody sees its tasks until the last batch clears it. Readers add <see cref="Live"/>; an
/// import that failed halfway removes what it committed, and one that stopped (a crash) is removed by the next import.
/// </summary>
public static class PendingImports
{
    /// <summary>
    /// The condition that keeps a task of a half-written import out of a read (alias <c>t</c> for tasks). The first
    /// term is evaluated once per statement and is true while no import is pending, so the second, which needs the
    /// task's row, is skipped: a count over an index stays on the index (the whole ledger's overdue count at 100,000
    /// tasks took 130 ms instead of 1.3 ms with the second term alone).
    /// </summary>
    public const string Live = "(NOT EXISTS (SELECT 1 FROM inspections pi WHERE pi.importing_at IS NOT NULL)"
        + " OR t.inspection_id NOT IN (SELECT pi.id FROM inspections pi WHERE pi.importing_at IS NOT NULL))";

    /// <summary>An import whose latest batch is older than this stopped: no batch takes more than a second.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(10);

    private const string SelectAbandoned = "SELECT id FROM inspections WHERE importing_at IS NOT NULL AND importing_at < @Before";

    // Children first: foreign keys are on. Only what an import of a new inspection writes can hang off its tasks (nothing
    // else can reach a hidden task). The people and departments it created stay, as the audit log says they were
    // created; its supervisions are only written with its last batch.
    private const string Remove = """
        DELETE FROM progress_updates WHERE task_id IN (SELECT id FROM tasks WHERE inspection_id = @Id);
        DELETE FROM task_officers WHERE task_id IN (SELECT id FROM tasks WHERE inspection_id = @Id);
        DELETE FROM task_co_departments WHERE task_id IN (SELECT id FROM tasks WHERE inspection_id = @Id);
        DELETE FROM tasks WHERE inspection_id = @Id;
        DELETE FROM problems WHERE aspect_id IN (SELECT id FROM aspects WHERE inspection_id = @Id);
        DELETE FROM aspects WHERE inspection_id = @Id;
        DELETE FROM inspections WHERE id = @Id AND importing_at IS NOT NULL;
        """;

    // Claims the inspection for removal inside the caller's transaction, and locks its row on PostgreSQL: an import that
    // finished meanwhile (its mark cleared) or wrote a batch since (its mark moved on) is left alone.
    private const string ClaimOwn = "UPDATE inspections SET importing_at = importing_at WHERE id = @Id AND importing_at IS NOT NULL";

    private const string ClaimStale = "UPDATE inspections SET importing_at = importing_at WHERE id = @Id AND importing_at IS NOT NULL AND importing_at < @Before";

    /// <summary>
    /// Removes a pending import's rows, in the caller's transaction, and says so in the audit log; with
    /// <paramref name="staleBefore"/>, only if its mark is still older than that. False when it was left alone.
    /// </summary>
    internal static async Task<bool> RemoveAsync(DbConnection connection, DbTransaction transaction, long inspectionId, Actor actor, DateTimeOffset now,
        string why, DateTimeOffset? staleBefore, CancellationToken cancellationToken)
    {
        var claim = staleBefore is { } before
            ? new CommandDefinition(ClaimStale, SafeParameters.Of(new { Id = inspectionId, Before = before }), transaction, cancellationToken: cancellationToken)
            : new CommandDefinition(ClaimOwn, new { Id = inspectionId }, transaction, cancellationToken: cancellationToken);
        if (await connection.ExecuteAsync(claim) == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(Remove, new { Id = inspectionId }, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, now, "inspection", inspectionId, "import_abandoned", null, new { why }, cancellationToken);
        return true;
    }

    /// <summary>
    /// Removes, each in its own transaction, the imports that stopped before their last batch: their mark is older than
    /// <see cref="Abandoned"/> on the wall clock <paramref name="wallClock"/> (the same clock the marks are stamped with).
    /// </summary>
    internal static async Task SweepAsync(ConnectionFactory connections, Actor actor, DateTimeOffset wallClock, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var before = wallClock - Abandoned;
        var stopped = (await connection.QueryAsync<long>(new CommandDefinition(SelectAbandoned, SafeParameters.Of(new { Before = before }), cancellationToken: cancellationToken))).ToList();
        foreach (var id in stopped)
        {
            using var turn = await connections.WriteGate.EnterAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await RemoveAsync(connection, transaction, id, actor, wallClock, "stopped", before, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
