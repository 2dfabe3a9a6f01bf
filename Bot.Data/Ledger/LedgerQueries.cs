using System.Data.Common;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;

namespace Rectification.Data.Ledger;

/// <summary>The reads the bot needs. Overdue and due-soon are computed from due dates and "today", never stored.</summary>
public sealed class LedgerQueries(ConnectionFactory connections)
{
    // string_agg with ORDER BY exists in PostgreSQL and, since 3.44, in SQLite: one statement for both.
    internal const string SelectSummary = """
        SELECT t.id AS Id, t.code AS Code, t.measure AS Measure, a.title AS Aspect, pr.description AS Problem,
               t.status AS Status, t.percent AS Percent, t.time_limit_kind AS TimeLimitKind, t.due_date AS DueDate,
               t.time_limit_text AS TimeLimitText, d.name AS LeadDepartment, l.name AS Leader,
               (SELECT string_agg(p.name, '、' ORDER BY o.ordinal) FROM task_officers o JOIN people p ON p.id = o.person_id
                WHERE o.task_id = t.id) AS Officers,
               t.last_progress_at AS LastProgressAt, t.version AS Version
        FROM tasks t
        JOIN problems pr ON pr.id = t.problem_id
        JOIN aspects a ON a.id = pr.aspect_id
        LEFT JOIN departments d ON d.id = t.lead_department_id
        LEFT JOIN people l ON l.id = t.leader_id
        """;

    // IN (subquery), not EXISTS: SQLite then drives the query from the officer's index entries instead of scanning tasks.
    private const string ScopeOfficer = " AND t.id IN (SELECT so.task_id FROM task_officers so WHERE so.person_id = @ScopeId)";
    private const string ScopeLeader = " AND t.lead_department_id IN (SELECT s.department_id FROM supervisions s WHERE s.leader_id = @ScopeId)";
    private const string ScopeDepartment = " AND t.lead_department_id = @ScopeId";
    private const string ScopeAspect = " AND t.problem_id IN (SELECT ap.id FROM problems ap WHERE ap.aspect_id = @ScopeId)";

    // Every list leaves out a new inspection an import is still writing (PendingImports).
    private const string FilterActive = $" WHERE t.status <> 'written_off' AND {PendingImports.Live}";
    private const string FilterOverdue = $" WHERE t.status IN ('not_started', 'in_progress') AND t.due_date < @Today AND {PendingImports.Live}";
    private const string FilterDueSoon = $" WHERE t.status IN ('not_started', 'in_progress') AND t.due_date >= @Today AND t.due_date <= @Until AND {PendingImports.Live}";
    private const string FilterAll = $" WHERE {PendingImports.Live}";

    private const string OrderByPlan = " ORDER BY t.inspection_id, t.ordinal";
    // (due_date, id) is the order of the partial open-items index, so a page needs no sort.
    private const string OrderByDue = " ORDER BY t.due_date, t.id";

    private const string CountFrom = "SELECT count(*) FROM tasks t";

    private const string PageIdsFrom = "SELECT t.id FROM tasks t";

    /// <summary>A page of tasks in scope; <paramref name="dueWithinDays"/> is the due-soon window.</summary>
    public async Task<Page<TaskSummary>> ListAsync(TaskScope scope, TaskFilter filter, DateOnly today, int skip = 0, int take = 50,
        int dueWithinDays = 7, CancellationToken cancellationToken = default)
    {
        var (count, page, scopeId) = ListStatements(scope, filter);
        var args = new { ScopeId = scopeId, Today = today, Until = today.AddDays(dueWithinDays), Skip = skip, Take = take };

        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(page, args, cancellationToken: cancellationToken));
        return new Page<TaskSummary>(rows.Select(r => r.ToSummary()).ToList(), (int)total, skip, take);
    }

    /// <summary>
    /// The two statements of <see cref="ListAsync"/> (the count, then the page) with the scope's id; parameters
    /// @ScopeId, @Today, @Until, @Take and @Skip. Public for the benchmark, which runs them through a bare reader as
    /// the data layer's baseline.
    /// </summary>
    public static (string Count, string Page, long ScopeId) ListStatements(TaskScope scope, TaskFilter filter)
    {
        var (scopeSql, scopeId) = Scope(scope);
        var filterSql = filter switch
        {
            TaskFilter.Active => FilterActive,
            TaskFilter.Overdue => FilterOverdue,
            TaskFilter.DueSoon => FilterDueSoon,
            _ => FilterAll,
        };
        var order = filter is TaskFilter.Overdue or TaskFilter.DueSoon ? OrderByDue : OrderByPlan;
        // The page's ids first, from the indexes alone; names and officers are then joined for those rows only.
        var pageIds = PageIdsFrom + filterSql + scopeSql + order + " LIMIT @Take OFFSET @Skip";
        return (CountFrom + filterSql + scopeSql, SelectSummary + " WHERE t.id IN (" + pageIds + ")" + order, scopeId);
    }

    private const string SelectIdsByCode = """
        SELECT t.id FROM tasks t JOIN inspections i ON i.id = t.inspection_id
        WHERE t.code = @Code AND i.importing_at IS NULL ORDER BY i.created_at DESC, i.id DESC
        """;

    /// <summary>The task people mean by a code: when several inspections use it, the newest wins.</summary>
    public async Task<TaskDetail?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectIdsByCode, new { Code = code.Trim() }, cancellationToken: cancellationToken));
        return id is null ? null : await DetailAsync(connection, null, id.Value, cancellationToken);
    }

    public async Task<TaskDetail?> GetAsync(long taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await DetailAsync(connection, null, taskId, cancellationToken);
    }

    private const string SelectDetailExtras = """
        SELECT inspection_id AS InspectionId, original_due_date AS OriginalDueDate, extension_count AS ExtensionCount,
               progress_note AS ProgressNote, lead_department_id AS LeadDepartmentId, leader_id AS LeaderId
        FROM tasks WHERE id = @Id
        """;

    private const string SelectOfficers = """
        SELECT p.id AS Id, p.name AS Name FROM task_officers o JOIN people p ON p.id = o.person_id
        WHERE o.task_id = @Id ORDER BY o.ordinal
        """;

    private const string SelectCoDepartments = """
        SELECT d.name FROM task_co_departments c JOIN departments d ON d.id = c.department_id
        WHERE c.task_id = @Id ORDER BY d.name
        """;

    private const string SelectProgress = """
        SELECT u.id AS Id, u.task_id AS TaskId, u.person_id AS PersonId, p.name AS PersonName, u.at AS At, u.percent AS Percent,
               u.status AS Status, u.note AS Note, u.source AS Source
        FROM progress_updates u LEFT JOIN people p ON p.id = u.person_id
        WHERE u.task_id = @Id AND NOT EXISTS (SELECT 1 FROM progress_withdrawals w WHERE w.progress_id = u.id)
        ORDER BY u.at, u.id
        """;

    private const string SelectExtensions = """
        SELECT id AS Id, task_id AS TaskId, requested_by AS RequestedBy, requested_at AS RequestedAt, from_date AS FromDate,
               to_date AS ToDate, reason AS Reason, state AS State, decided_by AS DecidedBy, decided_at AS DecidedAt,
               decision_note AS DecisionNote
        FROM extensions WHERE task_id = @Id ORDER BY requested_at, id
        """;

    private const string SelectWriteOffs = """
        SELECT id AS Id, task_id AS TaskId, requested_by AS RequestedBy, requested_at AS RequestedAt, evidence AS Evidence,
               state AS State, decided_by AS DecidedBy, decided_at AS DecidedAt, decision_note AS DecisionNote
        FROM write_offs WHERE task_id = @Id ORDER BY requested_at, id
        """;

    /// <summary>
    /// The task with its links; with <paramref name="withHistory"/> false the progress, extension and write-off lists
    /// are left empty, so a write that only needs the task's row and people costs the same for a task with 2,000
    /// reports as for a new one.
    /// </summary>
    internal static async Task<TaskDetail?> DetailAsync(DbConnection connection, DbTransaction? transaction, long taskId, CancellationToken cancellationToken, bool withHistory = true)
    {
        var args = new { Id = taskId };
        var summary = (await connection.QueryAsync<SummaryRow>(new CommandDefinition(SelectSummary + " WHERE t.id = @Id", args, transaction, cancellationToken: cancellationToken))).SingleOrDefault();
        if (summary is null)
        {
            return null;
        }
        var extras = await connection.QuerySingleAsync<DetailRow>(new CommandDefinition(SelectDetailExtras, args, transaction, cancellationToken: cancellationToken));
        var officers = await connection.QueryAsync<PersonRow>(new CommandDefinition(SelectOfficers, args, transaction, cancellationToken: cancellationToken));
        var coDepartments = await connection.QueryAsync<string>(new CommandDefinition(SelectCoDepartments, args, transaction, cancellationToken: cancellationToken));
        var progress = withHistory ? await connection.QueryAsync<ProgressRow>(new CommandDefinition(SelectProgress, args, transaction, cancellationToken: cancellationToken)) : [];
        var extensions = withHistory ? await connection.QueryAsync<ExtensionRow>(new CommandDefinition(SelectExtensions, args, transaction, cancellationToken: cancellationToken)) : [];
        var writeOffs = withHistory ? await connection.QueryAsync<WriteOffRow>(new CommandDefinition(SelectWriteOffs, args, transaction, cancellationToken: cancellationToken)) : [];
        return new TaskDetail(
            summary.ToSummary(), extras.InspectionId, extras.OriginalDueDate, (int)extras.ExtensionCount, extras.ProgressNote,
            officers.Select(o => new PersonRef(o.Id, o.Name)).ToList(),
            coDepartments.ToList(),
            progress.Select(p => p.ToUpdate()).ToList(),
            extensions.Select(e => e.ToRequest()).ToList(),
            writeOffs.Select(w => w.ToRequest()).ToList(),
            extras.LeadDepartmentId, extras.LeaderId);
    }

    private const string SelectFigures = $"""
        SELECT a.id AS AspectId, a.ordinal AS Ordinal, a.title AS Aspect, count(*) AS Total,
               sum(CASE WHEN t.status = 'written_off' THEN 1 ELSE 0 END) AS WrittenOff,
               sum(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END) AS Done,
               sum(CASE WHEN t.status = 'in_progress' THEN 1 ELSE 0 END) AS InProgress,
               sum(CASE WHEN t.status = 'not_started' THEN 1 ELSE 0 END) AS NotStarted,
               sum(CASE WHEN t.status = 'ongoing' THEN 1 ELSE 0 END) AS Ongoing,
               sum(CASE WHEN t.status IN ('not_started', 'in_progress') AND t.due_date < @Today THEN 1 ELSE 0 END) AS Overdue
        FROM tasks t
        JOIN problems pr ON pr.id = t.problem_id
        JOIN aspects a ON a.id = pr.aspect_id
        WHERE {PendingImports.Live}
        """;

    private const string GroupFigures = " GROUP BY a.inspection_id, a.id, a.ordinal, a.title ORDER BY a.inspection_id, a.ordinal";

    /// <summary>Per-aspect figures (total, written off, in progress, overdue, completion rate) within a scope.</summary>
    public async Task<IReadOnlyList<AspectFigures>> FiguresAsync(TaskScope scope, DateOnly today, CancellationToken cancellationToken = default)
    {
        var (scopeSql, scopeId) = Scope(scope);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FiguresRow>(new CommandDefinition(SelectFigures + scopeSql + GroupFigures,
            new { ScopeId = scopeId, Today = today }, cancellationToken: cancellationToken));
        return rows.Select(r => new AspectFigures(r.AspectId, (int)r.Ordinal, r.Aspect, (int)r.Total, (int)r.WrittenOff, (int)r.Done,
            (int)r.InProgress, (int)r.NotStarted, (int)r.Ongoing, (int)r.Overdue)).ToList();
    }

    private const string SelectInspections = """
        SELECT id AS Id, title AS Title, inspected_unit AS InspectedUnit, inspection_group AS InspectionGroup,
               period_start AS PeriodStart, period_end AS PeriodEnd, feedback_date AS FeedbackDate
        FROM inspections WHERE importing_at IS NULL ORDER BY id
        """;

    public async Task<IReadOnlyList<Inspection>> InspectionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<InspectionRow>(new CommandDefinition(SelectInspections, cancellationToken: cancellationToken));
        return rows.Select(r => new Inspection(r.Id, r.Title, r.InspectedUnit, r.InspectionGroup, r.PeriodStart, r.PeriodEnd, r.FeedbackDate)).ToList();
    }

    private const string SelectDepartmentsLike = "SELECT id AS Id, name AS Name FROM departments WHERE name LIKE @Pattern ESCAPE '\\' ORDER BY name";

    private const string SelectAspectsLike = """
        SELECT id AS Id, title AS Name FROM aspects
        WHERE title LIKE @Pattern ESCAPE '\' AND inspection_id NOT IN (SELECT pi.id FROM inspections pi WHERE pi.importing_at IS NOT NULL)
        ORDER BY inspection_id, ordinal
        """;

    /// <summary>Departments whose name contains the words ("办公室", "宣传"), for filtered lists.</summary>
    public Task<IReadOnlyList<NamedId>> FindDepartmentsAsync(string words, CancellationToken cancellationToken = default) =>
        FindLikeAsync(SelectDepartmentsLike, words, cancellationToken);

    public Task<IReadOnlyList<NamedId>> FindAspectsAsync(string words, CancellationToken cancellationToken = default) =>
        FindLikeAsync(SelectAspectsLike, words, cancellationToken);

    private async Task<IReadOnlyList<NamedId>> FindLikeAsync(string sql, string words, CancellationToken cancellationToken)
    {
        var escaped = words.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NamedRow>(new CommandDefinition(sql, new { Pattern = $"%{escaped}%" }, cancellationToken: cancellationToken));
        return rows.Select(r => new NamedId(r.Id, r.Name)).ToList();
    }

    private const string SelectPendingRequests = """
        SELECT 'write_off' AS Kind, w.id AS Id, w.task_id AS TaskId, p.name AS Requester, w.requested_at AS RequestedAt, w.evidence AS Detail, NULL AS ToDate
        FROM write_offs w JOIN tasks t ON t.id = w.task_id JOIN problems pr ON pr.id = t.problem_id LEFT JOIN people p ON p.id = w.requested_by
        WHERE w.state = 'pending' {0}
        UNION ALL
        SELECT 'extension' AS Kind, e.id AS Id, e.task_id AS TaskId, p.name AS Requester, e.requested_at AS RequestedAt, e.reason AS Detail, e.to_date AS ToDate
        FROM extensions e JOIN tasks t ON t.id = e.task_id JOIN problems pr ON pr.id = t.problem_id LEFT JOIN people p ON p.id = e.requested_by
        WHERE e.state = 'pending' {0}
        ORDER BY RequestedAt
        """;

    /// <summary>Write-off and extension requests waiting for a decision, within a scope (a leader's departments).</summary>
    public async Task<IReadOnlyList<PendingRequest>> PendingRequestsAsync(TaskScope scope, CancellationToken cancellationToken = default)
    {
        var (scopeSql, scopeId) = Scope(scope);
        var sql = SelectPendingRequests.Replace("{0}", scopeSql, StringComparison.Ordinal);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(sql, new { ScopeId = scopeId }, cancellationToken: cancellationToken));
        return rows.Select(r => new PendingRequest(r.Kind == "write_off" ? PendingKind.WriteOff : PendingKind.Extension, r.Id, r.TaskId, r.Requester ?? "", r.RequestedAt, r.Detail ?? "", r.ToDate)).ToList();
    }

    private sealed class NamedRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed class PendingRow
    {
        public string Kind { get; init; } = "";
        public long Id { get; init; }
        public long TaskId { get; init; }
        public string? Requester { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public string? Detail { get; init; }
        public DateOnly? ToDate { get; init; }
    }

    private static (string Sql, long ScopeId) Scope(TaskScope scope) => scope switch
    {
        TaskScope.Officer o => (ScopeOfficer, o.PersonId),
        TaskScope.Leader l => (ScopeLeader, l.PersonId),
        TaskScope.Department d => (ScopeDepartment, d.DepartmentId),
        TaskScope.Aspect a => (ScopeAspect, a.AspectId),
        _ => ("", 0),
    };

    // Row classes rather than positional records: Dapper matches constructors by exact column type, and
    // the two providers return different integer widths.
    internal sealed class SummaryRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Measure { get; init; } = "";
        public string Aspect { get; init; } = "";
        public string Problem { get; init; } = "";
        public string Status { get; init; } = "";
        public long Percent { get; init; }
        public string TimeLimitKind { get; init; } = "";
        public DateOnly? DueDate { get; init; }
        public string TimeLimitText { get; init; } = "";
        public string? LeadDepartment { get; init; }
        public string? Leader { get; init; }
        public string? Officers { get; init; }
        public DateTimeOffset? LastProgressAt { get; init; }
        public long Version { get; init; }

        public TaskSummary ToSummary() => new(Id, Code, Measure, Aspect, Problem, RectificationStatusCodes.FromCode(Status), (int)Percent,
            new TimeLimit(TimeLimit.KindFromCode(TimeLimitKind), DueDate), TimeLimitText, LeadDepartment, Leader, Officers ?? "",
            LastProgressAt, Version);
    }

    private sealed class DetailRow
    {
        public long InspectionId { get; init; }
        public DateOnly? OriginalDueDate { get; init; }
        public long ExtensionCount { get; init; }
        public string? ProgressNote { get; init; }
        public long? LeadDepartmentId { get; init; }
        public long? LeaderId { get; init; }
    }

    private sealed class PersonRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed class ProgressRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public long? PersonId { get; init; }
        public string? PersonName { get; init; }
        public DateTimeOffset At { get; init; }
        public long Percent { get; init; }
        public string Status { get; init; } = "";
        public string? Note { get; init; }
        public string Source { get; init; } = "";

        public ProgressUpdate ToUpdate() => new(Id, TaskId, PersonId, PersonName, At, (int)Percent, RectificationStatusCodes.FromCode(Status), Note, Source);
    }

    internal sealed class ExtensionRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public long? RequestedBy { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public DateOnly? FromDate { get; init; }
        public DateOnly ToDate { get; init; }
        public string Reason { get; init; } = "";
        public string State { get; init; } = "";
        public long? DecidedBy { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecisionNote { get; init; }

        public ExtensionRequest ToRequest() => new(Id, TaskId, RequestedBy, RequestedAt, FromDate, ToDate, Reason, RequestStates.FromCode(State), DecidedBy, DecidedAt, DecisionNote);
    }

    internal sealed class WriteOffRow
    {
        public long Id { get; init; }
        public long TaskId { get; init; }
        public long? RequestedBy { get; init; }
        public DateTimeOffset RequestedAt { get; init; }
        public string Evidence { get; init; } = "";
        public string State { get; init; } = "";
        public long? DecidedBy { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string? DecisionNote { get; init; }

        public WriteOffRequest ToRequest() => new(Id, TaskId, RequestedBy, RequestedAt, Evidence, RequestStates.FromCode(State), DecidedBy, DecidedAt, DecisionNote);
    }

    private sealed class FiguresRow
    {
        public long AspectId { get; init; }
        public long Ordinal { get; init; }
        public string Aspect { get; init; } = "";
        public long Total { get; init; }
        public long WrittenOff { get; init; }
        public long Done { get; init; }
        public long InProgress { get; init; }
        public long NotStarted { get; init; }
        public long Ongoing { get; init; }
        public long Overdue { get; init; }
    }

    private sealed class InspectionRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string? InspectedUnit { get; init; }
        public string? InspectionGroup { get; init; }
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public DateOnly? FeedbackDate { get; init; }
    }
}
