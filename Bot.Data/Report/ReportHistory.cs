using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Report;

/// <summary>One 回头看 decision as history keeps it.</summary>
public sealed record RecheckRecord(
    long Id,
    long TaskId,
    long? CheckedBy,
    string? CheckedByName,
    DateTimeOffset CheckedAt,
    bool Relapsed,
    string? Reason,
    RectificationStatus PreviousStatus,
    DateOnly? PreviousDueDate,
    DateOnly? NewDueDate);

/// <summary>A task of the inspection with everything that happened to it, and when it entered the ledger.</summary>
public sealed record TaskHistory(TaskDetail Detail, DateTimeOffset CreatedAt, IReadOnlyList<RecheckRecord> Rechecks);

/// <summary>
/// Everything the 通报 and the 台账 need about ONE inspection, in plan order: the tasks with their progress, extension,
/// write-off and re-check history, so a report can be replayed as the ledger stood on any earlier date.
/// </summary>
public sealed class ReportHistory(ConnectionFactory connections)
{
    private const string SelectTaskIds = """
        SELECT t.id AS Id, t.created_at AS CreatedAt FROM tasks t
        JOIN problems pr ON pr.id = t.problem_id
        JOIN aspects a ON a.id = pr.aspect_id
        WHERE t.inspection_id = @InspectionId
        ORDER BY a.ordinal, pr.ordinal, t.ordinal, t.id
        """;

    private const string SelectRechecks = """
        SELECT r.id AS Id, r.task_id AS TaskId, r.checked_by AS CheckedBy, p.name AS CheckedByName, r.checked_at AS CheckedAt,
               r.outcome AS Outcome, r.reason AS Reason, r.previous_status AS PreviousStatus,
               r.previous_due_date AS PreviousDueDate, r.new_due_date AS NewDueDate
        FROM rechecks r JOIN tasks t ON t.id = r.task_id LEFT JOIN people p ON p.id = r.checked_by
        WHERE t.inspection_id = @InspectionId
        ORDER BY r.checked_at, r.id
        """;

    public async Task<IReadOnlyList<TaskHistory>> TasksAsync(long inspectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var args = new { InspectionId = inspectionId };
        var ids = (await connection.QueryAsync<IdRow>(new CommandDefinition(SelectTaskIds, args, cancellationToken: cancellationToken))).ToList();
        var rechecks = (await connection.QueryAsync<RecheckRow>(new CommandDefinition(SelectRechecks, args, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord()).ToLookup(r => r.TaskId);
        var tasks = new List<TaskHistory>(ids.Count);
        foreach (var row in ids)
        {
            if (await LedgerQueries.DetailAsync(connection, null, row.Id, cancellationToken) is { } detail)
            {
                tasks.Add(new TaskHistory(detail, row.CreatedAt, rechecks[row.Id].ToList()));
            }
        }
        return tasks;
    }

    private sealed class IdRow
    {
        public long Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    internal sealed class RecheckRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public long? CheckedBy { get; init; }
        public string? CheckedByName { get; init; }
        public DateTimeOffset CheckedAt { get; init; }
        public string Outcome { get; init; } = "";
        public string? Reason { get; init; }
        public string PreviousStatus { get; init; } = "";
        public DateOnly? PreviousDueDate { get; init; }
        public DateOnly? NewDueDate { get; init; }

        public RecheckRecord ToRecord() => new(Id, TaskId, CheckedBy, CheckedByName, CheckedAt, Outcome == "relapsed", Reason,
            RectificationStatusCodes.FromCode(PreviousStatus), PreviousDueDate, NewDueDate);
    }
}
