using System.Data.Common;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Data.Import;

/// <summary>
/// Writes a checked <see cref="ImportPlan"/> in the caller's <see cref="ImportTransaction"/>: the inspection and its
/// metadata, new people, codes moved out of each other's way, then every row in sheet order with its links, an import progress entry when its
/// progress changed, a deadline change recorded as an approved extension marked as the import's, and an audit entry.
/// The statements repeated for every row are built once (<see cref="PreparedStatement"/>): dispose the writer after use.
/// A new inspection on SQLite is written in batches (<see cref="ImportTransaction"/>), hidden until the last one.
/// </summary>
internal sealed class ImportPlanWriter(DbConnection connection, ImportTransaction batches, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    : IAsyncDisposable
{
    private DbTransaction Transaction => batches.Current;

    /// <summary>The <c>source</c> and reason of an extension that a changed deadline in a re-imported sheet wrote.</summary>
    public const string ImportSource = "import";

    private CommandDefinition Command(string sql, object? args = null) => new(sql, SafeParameters.Of(args), Transaction, cancellationToken: cancellationToken);

    private readonly Dictionary<string, PreparedStatement> _prepared = new(StringComparer.Ordinal);

    /// <summary>The statement for <paramref name="sql"/>, built on first use and reused for every row after.</summary>
    private PreparedStatement Prepared(string sql, params string[] names) => Prepared(sql, insert: false, names);

    /// <summary>An insert's statement answers the new row's id (<see cref="PreparedStatement.Insert"/>).</summary>
    private PreparedStatement Prepared(string sql, bool insert, params string[] names)
    {
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            statement = _prepared[sql] = insert
                ? PreparedStatement.Insert(connection, Transaction, sql, names)
                : new PreparedStatement(connection, Transaction, sql, names);
        }
        return statement;
    }

    private const string AuditInsert = "audit";

    private Task AuditAsync(string entity, long entityId, string action, object? before, object? after)
    {
        if (!_prepared.TryGetValue(AuditInsert, out var insert))
        {
            insert = _prepared[AuditInsert] = AuditLog.Prepare(connection, Transaction);
        }
        return AuditLog.WriteAsync(insert, actor, now, entity, entityId, action, before, after, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in _prepared.Values)
        {
            await statement.DisposeAsync();
        }
        _prepared.Clear();
    }

    private const string InsertInspection = """
        INSERT INTO inspections (title, inspected_unit, inspection_group, period_start, period_end, feedback_date, created_at, importing_at)
        VALUES (@Title, @InspectedUnit, @InspectionGroup, @PeriodStart, @PeriodEnd, @FeedbackDate, @Now, @ImportingAt)
        RETURNING id
        """;

    // The latest batch's instant on the wall clock (ImportBatching.Time): a stopped import's mark goes stale.
    private const string MarkImporting = "UPDATE inspections SET importing_at = @At WHERE id = @Id";

    private const string UpdateInspection = """
        UPDATE inspections SET inspected_unit = @InspectedUnit, inspection_group = @InspectionGroup, period_start = @PeriodStart,
               period_end = @PeriodEnd, feedback_date = @FeedbackDate
        WHERE id = @Id
        """;

    public async Task<ImportSummary> WriteAsync(ImportPlan plan)
    {
        // Only a new inspection can be hidden whole while it is written; changes to a stored one stay one transaction.
        var staged = plan.InspectionId is null && batches.CanBatch;
        var inspection = plan.Inspection;
        var args = new { inspection.Title, inspection.InspectedUnit, inspection.InspectionGroup, inspection.PeriodStart, inspection.PeriodEnd, inspection.FeedbackDate, Now = now };
        long inspectionId;
        if (plan.InspectionId is { } id)
        {
            inspectionId = id;
            if (plan.InspectionChanges.Count > 0)
            {
                await connection.ExecuteAsync(Command(UpdateInspection, new { Id = id, args.InspectedUnit, args.InspectionGroup, args.PeriodStart, args.PeriodEnd, args.FeedbackDate }));
                await AuditLog.WriteAsync(connection, Transaction, actor, now, "inspection", id, "import_update",
                    plan.InspectionChanges.ToDictionary(c => c.Field, c => c.Before), plan.InspectionChanges.ToDictionary(c => c.Field, c => c.After), cancellationToken);
            }
        }
        else
        {
            inspectionId = await connection.ExecuteScalarAsync<long>(Command(InsertInspection, new
            {
                args.Title, args.InspectedUnit, args.InspectionGroup, args.PeriodStart, args.PeriodEnd, args.FeedbackDate, args.Now,
                ImportingAt = staged ? batches.Stamp() : (DateTimeOffset?)null,
            }));
            await AuditLog.WriteAsync(connection, Transaction, actor, now, "inspection", inspectionId, "create", null, args, cancellationToken);
        }
        if (!staged)
        {
            return await WriteRowsAsync(plan, inspectionId, staged);
        }
        try
        {
            var summary = await WriteRowsAsync(plan, inspectionId, staged);
            await connection.ExecuteAsync(Command(MarkImporting, new { Id = inspectionId, At = (DateTimeOffset?)null }));
            // Committed here, inside the clean-up's reach: a last commit that failed in the caller would leave the
            // committed batches hidden until the next import found them stale.
            await batches.FinishAsync();
            return summary;
        }
        catch (Exception) when (batches.Committed > 0)
        {
            // Part of the sheet is committed, hidden: take it out again, whatever stopped the rest, then report the failure.
            await batches.RestartAsync();
            await PendingImports.RemoveAsync(connection, Transaction, inspectionId, actor, batches.Stamp(), "failed", staleBefore: null, CancellationToken.None);
            await batches.CommitAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<ImportSummary> WriteRowsAsync(ImportPlan plan, long inspectionId, bool staged)
    {
        var people = await PeopleAsync(plan);
        await MoveCodesAsync(plan);

        // Each aspect and problem is upserted once, on its first row (its ordinal is fixed there): the rows after it
        // under the same heading reuse the id instead of repeating the statement.
        var aspectIds = new Dictionary<string, long>(StringComparer.Ordinal);
        var problemIds = new Dictionary<(long, string), long>();
        var problemCounts = new Dictionary<long, int>();
        var ordinal = 0;
        foreach (var task in plan.Tasks)
        {
            ordinal++;
            var draft = task.Draft;
            if (!aspectIds.TryGetValue(draft.Aspect, out var aspectId))
            {
                aspectId = aspectIds[draft.Aspect] = await Prepared(UpsertAspect, "InspectionId", "Ordinal", "Title")
                    .ScalarAsync(cancellationToken, inspectionId, aspectIds.Count + 1, draft.Aspect);
            }
            var problemKey = (aspectId, draft.Problem);
            if (!problemIds.TryGetValue(problemKey, out var problemId))
            {
                var problemOrdinal = problemCounts[aspectId] = problemCounts.GetValueOrDefault(aspectId) + 1;
                problemId = problemIds[problemKey] = await Prepared(UpsertProblem, "AspectId", "Ordinal", "Description")
                    .ScalarAsync(cancellationToken, aspectId, problemOrdinal, draft.Problem);
            }
            if (task.TaskId is null)
            {
                await CreateAsync(inspectionId, problemId, ordinal, task, people);
            }
            else
            {
                await UpdateAsync(problemId, ordinal, task, people);
            }
            if (staged && await batches.CheckpointAsync(cancellationToken))
            {
                foreach (var statement in _prepared.Values)
                {
                    statement.MoveTo(Transaction);
                }
                await connection.ExecuteAsync(Command(MarkImporting, new { Id = inspectionId, At = (DateTimeOffset?)batches.Stamp() }));
            }
        }
        await SupervisionsAsync();
        return new ImportSummary(inspectionId, plan.New.Count, plan.Updated.Count, plan.Unchanged.Count, plan.NewPeople.Count)
        {
            Renumbered = plan.Renumbered.Count,
            Removed = plan.Removed.Count,
            DeadlinesChanged = plan.DeadlineChanges.Count,
            Statuses = plan.StatusCounts,
        };
    }

    private const string UpsertAspect = """
        INSERT INTO aspects (inspection_id, ordinal, title) VALUES (@InspectionId, @Ordinal, @Title)
        ON CONFLICT (inspection_id, title) DO UPDATE SET ordinal = excluded.ordinal
        RETURNING id
        """;

    private const string UpsertProblem = """
        INSERT INTO problems (aspect_id, ordinal, description) VALUES (@AspectId, @Ordinal, @Description)
        ON CONFLICT (aspect_id, description) DO UPDATE SET ordinal = excluded.ordinal
        RETURNING id
        """;

    private const string SelectPersonByName = "SELECT id FROM people WHERE name = @Name";

    /// <summary>
    /// Creates the people the plan names as new (an officer with the lead department of the first row naming them) and
    /// makes each row's responsible leader supervisor (分管) of its lead department.
    /// </summary>
    private async Task<Dictionary<string, long>> PeopleAsync(ImportPlan plan)
    {
        var fresh = plan.NewPeople.ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        // A leader heads many rows of the same department: one supervision statement per pair, not per row.
        var supervisions = new HashSet<(long, string)>();
        foreach (var task in plan.Draft.Tasks)
        {
            var named = task.Officers.Select(o => (Name: o, Department: task.LeadDepartment));
            if (task.Leader is { Length: > 0 } leader)
            {
                named = named.Append((leader, null));
            }
            foreach (var (name, department) in named)
            {
                if (ids.ContainsKey(name))
                {
                    continue;
                }
                if (fresh.Contains(name))
                {
                    var id = await PeopleRepository.AddAsync(connection, Transaction, new NewPerson(name, department), now, cancellationToken);
                    await AuditAsync("person", id, "create", null, new { name, department });
                    ids[name] = id;
                }
                else
                {
                    ids[name] = await Prepared(SelectPersonByName, "Name").ScalarAsync(cancellationToken, name);
                }
            }
            if (task is { Leader.Length: > 0, LeadDepartment.Length: > 0 } && supervisions.Add((ids[task.Leader], task.LeadDepartment)))
            {
                _supervisions.Add((ids[task.Leader], task.LeadDepartment));
            }
        }
        return ids;
    }

    // Written with the last rows (SupervisionsAsync): a supervision widens a leader's view of live tasks, so a batched
    // import must not grant it before its inspection is seen, nor leave it behind when it fails.
    private readonly List<(long LeaderId, string Department)> _supervisions = [];

    private async Task SupervisionsAsync()
    {
        foreach (var (leaderId, department) in _supervisions)
        {
            await PeopleRepository.AddSupervisionAsync(connection, Transaction, leaderId, await DepartmentAsync(department), cancellationToken);
        }
    }

    private const string SetCode = "UPDATE tasks SET code = @Code, updated_at = @Now, version = version + 1 WHERE id = @Id";

    /// <summary>Codes are unique per inspection, and renumbering swaps them: every moving task steps aside first.</summary>
    private async Task MoveCodesAsync(ImportPlan plan)
    {
        var moves = plan.Tasks.Where(t => t.PreviousCode is not null).Select(t => (Id: t.TaskId!.Value, From: t.PreviousCode!, To: t.Code))
            .Concat(plan.Removed.Where(r => r.NewCode is not null).Select(r => (Id: r.TaskId, From: r.Code, To: r.NewCode!))).ToList();
        foreach (var move in moves)
        {
            await connection.ExecuteAsync(Command(SetCode, new { Code = $"~moving~{move.Id}", Now = now, move.Id }));
        }
        foreach (var move in moves)
        {
            await connection.ExecuteAsync(Command(SetCode, new { Code = move.To, Now = now, move.Id }));
            await AuditAsync("task", move.Id, "import_code", new { code = move.From }, new { code = move.To });
        }
    }

    private const string InsertTask = """
        INSERT INTO tasks (inspection_id, problem_id, code, ordinal, measure, leader_id, lead_department_id, time_limit_kind,
                           time_limit_text, due_date, status, percent, progress_note, last_progress_at, created_at, updated_at)
        VALUES (@InspectionId, @ProblemId, @Code, @Ordinal, @Measure, @LeaderId, @LeadDepartmentId, @TimeLimitKind,
                @TimeLimitText, @DueDate, @Status, @Percent, @ProgressNote, @LastProgressAt, @Now, @Now)
        """;

    private const string InsertImportProgress = """
        INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
        VALUES (@TaskId, NULL, @Now, @Percent, @Status, @Note, 'import', @Key)
        """;

    private async Task CreateAsync(long inspectionId, long problemId, int ordinal, PlannedTask task, Dictionary<string, long> people)
    {
        var draft = task.Draft;
        var (leaderId, departmentId, officerIds, coDepartmentIds) = await LinksAsync(draft, people);
        var hasProgress = task.Note is not null || task.Percent > 0 || task.Status != ImportPlanner.Derived(task.TimeLimit, 0);
        var id = await Prepared(InsertTask, insert: true, "InspectionId", "ProblemId", "Code", "Ordinal", "Measure", "LeaderId", "LeadDepartmentId",
                "TimeLimitKind", "TimeLimitText", "DueDate", "Status", "Percent", "ProgressNote", "LastProgressAt", "Now")
            .InsertAsync(cancellationToken, inspectionId, problemId, draft.Code, ordinal, draft.Measure, leaderId, departmentId,
                task.TimeLimit.KindCode, draft.TimeLimitText, task.TimeLimit.Date, task.Status.ToCode(), task.Percent, task.Note,
                hasProgress ? now : null, now);
        await ReplaceLinksAsync(id, officerIds, coDepartmentIds, fresh: true);
        if (hasProgress)
        {
            await ImportProgressAsync(id, task);
        }
        await AuditAsync("task", id, "import_create", null,
            new { draft.Code, draft.Measure, due = task.TimeLimit.Date, status = task.Status.ToCode(), task.Percent, row = draft.Row });
    }

    private Task ImportProgressAsync(long taskId, PlannedTask task) =>
        Prepared(InsertImportProgress, "TaskId", "Now", "Percent", "Status", "Note", "Key")
            .ExecuteAsync(cancellationToken, taskId, now, task.Percent, task.Status.ToCode(), task.Note, $"import:{taskId}:{now.UtcTicks}");

    private const string UpdateTask = """
        UPDATE tasks SET problem_id = @ProblemId, ordinal = @Ordinal, measure = @Measure, leader_id = @LeaderId,
               lead_department_id = @LeadDepartmentId, time_limit_kind = @TimeLimitKind, time_limit_text = @TimeLimitText,
               due_date = @DueDate, status = @Status, percent = @Percent, progress_note = @ProgressNote,
               last_progress_at = COALESCE(@LastProgressAt, last_progress_at), updated_at = @Now, version = version + 1
        WHERE id = @Id
        """;

    // Not a change anyone sees: a row above was inserted or removed.
    private const string SetPlace = "UPDATE tasks SET problem_id = @ProblemId, ordinal = @Ordinal WHERE id = @Id AND (ordinal <> @Ordinal OR problem_id <> @ProblemId)";

    private const string RecordDeadline = """
        UPDATE tasks SET original_due_date = COALESCE(original_due_date, @FromDate), extension_count = extension_count + 1
        WHERE id = @Id
        """;

    private const string InsertExtension = """
        INSERT INTO extensions (task_id, requested_by, requested_at, from_date, to_date, reason, state, decided_by, decided_at, decision_note, source)
        VALUES (@TaskId, NULL, @Now, @FromDate, @ToDate, @Reason, 'approved', NULL, @Now, @Reason, @Source)
        RETURNING id
        """;

    private static readonly string[] ProgressFields = [ImportFields.Status, ImportFields.Percent, ImportFields.Progress];

    private async Task UpdateAsync(long problemId, int ordinal, PlannedTask task, Dictionary<string, long> people)
    {
        var id = task.TaskId!.Value;
        if (task.Changes.Count == 0)
        {
            await Prepared(SetPlace, "Id", "ProblemId", "Ordinal").ExecuteAsync(cancellationToken, id, problemId, ordinal);
            return;
        }
        var draft = task.Draft;
        var (leaderId, departmentId, officerIds, coDepartmentIds) = await LinksAsync(draft, people);
        var progressChanged = task.Changes.Any(c => ProgressFields.Contains(c.Field));
        await Prepared(UpdateTask, "Id", "ProblemId", "Ordinal", "Measure", "LeaderId", "LeadDepartmentId", "TimeLimitKind", "TimeLimitText",
                "DueDate", "Status", "Percent", "ProgressNote", "LastProgressAt", "Now")
            .ExecuteAsync(cancellationToken, id, problemId, ordinal, draft.Measure, leaderId, departmentId, task.TimeLimit.KindCode,
                draft.TimeLimitText, task.TimeLimit.Date, task.Status.ToCode(), task.Percent, task.Note, progressChanged ? now : null, now);
        if (task.Changes.Any(c => c.Field is ImportFields.Officers or ImportFields.CoDepartments))
        {
            await ReplaceLinksAsync(id, officerIds, coDepartmentIds);
        }
        if (progressChanged)
        {
            await ImportProgressAsync(id, task);
        }
        if (task.Deadline is { } deadline)
        {
            await connection.ExecuteAsync(Command(RecordDeadline, new { Id = id, FromDate = deadline.From }));
            var extension = await connection.ExecuteScalarAsync<long>(Command(InsertExtension,
                new { TaskId = id, Now = now, FromDate = deadline.From, ToDate = deadline.To, Reason = ImportSource, Source = ImportSource }));
            await AuditAsync("task", id, "import_deadline", new { due = deadline.From }, new { due = deadline.To, extension, row = draft.Row });
        }
        await AuditAsync("task", id, "import_update",
            task.Changes.ToDictionary(c => c.Field, c => c.Before), task.Changes.ToDictionary(c => c.Field, c => c.After));
    }

    private async Task<(long? Leader, long? Department, List<long> Officers, List<long> CoDepartments)> LinksAsync(TaskDraft draft, Dictionary<string, long> people)
    {
        long? leaderId = draft.Leader is { Length: > 0 } leader ? people[leader] : null;
        long? departmentId = draft.LeadDepartment is { Length: > 0 } department ? await DepartmentAsync(department) : null;
        var coDepartmentIds = new List<long>();
        foreach (var name in draft.CoDepartments)
        {
            coDepartmentIds.Add(await DepartmentAsync(name));
        }
        return (leaderId, departmentId, draft.Officers.Select(o => people[o]).Distinct().ToList(), coDepartmentIds.Distinct().Order().ToList());
    }

    // Departments by name for this import: two statements the first time a name comes up, none after.
    private readonly Dictionary<string, long> _departments = new(StringComparer.Ordinal);

    private async Task<long> DepartmentAsync(string name)
    {
        if (!_departments.TryGetValue(name, out var id))
        {
            id = _departments[name] = await PeopleRepository.EnsureDepartmentAsync(connection, Transaction, name, cancellationToken);
        }
        return id;
    }

    private const string DeleteOfficers = "DELETE FROM task_officers WHERE task_id = @TaskId";
    private const string InsertOfficer = "INSERT INTO task_officers (task_id, person_id, ordinal) VALUES (@TaskId, @PersonId, @Ordinal)";
    private const string DeleteCoDepartments = "DELETE FROM task_co_departments WHERE task_id = @TaskId";
    private const string InsertCoDepartment = "INSERT INTO task_co_departments (task_id, department_id) VALUES (@TaskId, @DepartmentId)";

    /// <summary>Fresh: the task was just inserted, so it has no links to delete.</summary>
    private async Task ReplaceLinksAsync(long taskId, IReadOnlyList<long> officerIds, IReadOnlyList<long> coDepartmentIds, bool fresh = false)
    {
        if (!fresh)
        {
            await Prepared(DeleteOfficers, "TaskId").ExecuteAsync(cancellationToken, taskId);
            await Prepared(DeleteCoDepartments, "TaskId").ExecuteAsync(cancellationToken, taskId);
        }
        for (var i = 0; i < officerIds.Count; i++)
        {
            await Prepared(InsertOfficer, "TaskId", "PersonId", "Ordinal").ExecuteAsync(cancellationToken, taskId, officerIds[i], i + 1);
        }
        foreach (var departmentId in coDepartmentIds)
        {
            await Prepared(InsertCoDepartment, "TaskId", "DepartmentId").ExecuteAsync(cancellationToken, taskId, departmentId);
        }
    }
}
