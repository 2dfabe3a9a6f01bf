using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Data.Reminders;

/// <summary>
/// An item the reminder policy may speak of: open or ongoing. <paramref name="LastProgressAt"/> is the last
/// progress report, or when the item entered the ledger if it has none.
/// </summary>
public sealed record SnapshotTask(
    long Id,
    string Code,
    string Measure,
    RectificationStatus Status,
    DateOnly? DueDate,
    bool IsOngoing,
    IReadOnlyList<long> OfficerIds,
    long? LeadDepartmentId,
    DateTimeOffset LastProgressAt);

/// <summary>
/// A person as the reminders see them. <paramref name="HasConversationReference"/> is false when they never opened
/// the bot, or when Teams refused the last send (403/404) and they have not written since.
/// </summary>
public sealed record SnapshotPerson(
    long Id,
    string Name,
    string? TimeZone,
    bool IsAdmin,
    IReadOnlyList<long> SupervisedDepartmentIds,
    bool HasConversationReference,
    DateTimeOffset? SnoozedUntil,
    IReadOnlyList<string> AcknowledgedSlotKeys);

public sealed record ReminderSnapshotRows(IReadOnlyList<SnapshotTask> Tasks, IReadOnlyList<SnapshotPerson> People);

/// <summary>Reads everything the reminder policy needs in five set-based queries, whatever the ledger's size.</summary>
public sealed class ReminderSnapshotQueries(ConnectionFactory connections)
{
    // Done and written-off items get nothing; ongoing (长期坚持) items get their check-ins.
    // Nor do the tasks of a new inspection an import is still writing.
    private const string RemindableTasks = $"t.status IN ('not_started', 'in_progress', 'ongoing') AND {PendingImports.Live}";

    private const string SelectTasks = $"""
        SELECT t.id AS Id, t.code AS Code, t.measure AS Measure, t.status AS Status, t.due_date AS DueDate,
               t.time_limit_kind AS TimeLimitKind, t.lead_department_id AS LeadDepartmentId,
               COALESCE(t.last_progress_at, t.created_at) AS LastProgressAt
        FROM tasks t
        WHERE {RemindableTasks}
        ORDER BY t.id
        """;

    private const string SelectOfficers = $"""
        SELECT o.task_id AS TaskId, o.person_id AS PersonId
        FROM task_officers o JOIN tasks t ON t.id = o.task_id
        WHERE {RemindableTasks}
        ORDER BY o.task_id, o.ordinal
        """;

    // A 403/404 recorded after the person's latest reference means Teams no longer lets us write there.
    private const string SelectPeople = """
        SELECT p.id AS Id, p.name AS Name, p.time_zone AS TimeZone, p.is_admin AS IsAdmin,
               EXISTS (SELECT 1 FROM conversation_references r
                       WHERE r.person_id = p.id AND r.is_personal IS TRUE
                         AND NOT EXISTS (SELECT 1 FROM reminder_unreachable u WHERE u.person_id = p.id AND u.at >= r.updated_at)) AS HasReference,
               s.until AS SnoozedUntil
        FROM people p LEFT JOIN reminder_snoozes s ON s.person_id = p.id
        ORDER BY p.id
        """;

    private const string SelectSupervisions = "SELECT leader_id AS LeaderId, department_id AS DepartmentId FROM supervisions ORDER BY department_id";

    private const string SelectAcknowledgements = """
        SELECT person_id AS PersonId, slot_key AS SlotKey FROM reminder_acknowledgements WHERE slot_date >= @Since
        """;

    private const string SelectZones = "SELECT DISTINCT time_zone FROM people";

    /// <summary>The time zones people have (null: the default zone): whether anyone's slot is open needs no more.</summary>
    public async Task<IReadOnlyList<string?>> ZonesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string?>(new CommandDefinition(SelectZones, cancellationToken: cancellationToken))];
    }

    /// <summary>The snapshot; acknowledgements of slots before <paramref name="acknowledgedSince"/> are left out (the policy looks one working day back at most).</summary>
    public async Task<ReminderSnapshotRows> ReadAsync(DateOnly acknowledgedSince, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var tasks = (await connection.QueryAsync<TaskRow>(new CommandDefinition(SelectTasks, cancellationToken: cancellationToken))).ToList();
        var officers = (await connection.QueryAsync<(long TaskId, long PersonId)>(new CommandDefinition(SelectOfficers, cancellationToken: cancellationToken)))
            .ToLookup(o => o.TaskId, o => o.PersonId);
        var people = (await connection.QueryAsync<PersonRow>(new CommandDefinition(SelectPeople, cancellationToken: cancellationToken))).ToList();
        var supervisions = (await connection.QueryAsync<(long LeaderId, long DepartmentId)>(new CommandDefinition(SelectSupervisions, cancellationToken: cancellationToken)))
            .ToLookup(s => s.LeaderId, s => s.DepartmentId);
        var acknowledged = (await connection.QueryAsync<(long PersonId, string SlotKey)>(new CommandDefinition(
            SelectAcknowledgements, new { Since = acknowledgedSince }, cancellationToken: cancellationToken)))
            .ToLookup(a => a.PersonId, a => a.SlotKey);

        return new ReminderSnapshotRows(
            [.. tasks.Select(t => new SnapshotTask(t.Id, t.Code, t.Measure, RectificationStatusCodes.FromCode(t.Status), t.DueDate,
                t.TimeLimitKind == "ongoing", [.. officers[t.Id]], t.LeadDepartmentId, t.LastProgressAt))],
            [.. people.Select(p => new SnapshotPerson(p.Id, p.Name, p.TimeZone, p.IsAdmin, [.. supervisions[p.Id]], p.HasReference,
                p.SnoozedUntil, [.. acknowledged[p.Id]]))]);
    }

    // Classes, not positional records: Dapper matches constructors by exact column type, and SQLite returns Int64.
    private sealed class TaskRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Measure { get; init; } = "";
        public string Status { get; init; } = "";
        public DateOnly? DueDate { get; init; }
        public string TimeLimitKind { get; init; } = "";
        public long? LeadDepartmentId { get; init; }
        public DateTimeOffset LastProgressAt { get; init; }
    }

    private sealed class PersonRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? TimeZone { get; init; }
        public bool IsAdmin { get; init; }
        public bool HasReference { get; init; }
        public DateTimeOffset? SnoozedUntil { get; init; }
    }
}
