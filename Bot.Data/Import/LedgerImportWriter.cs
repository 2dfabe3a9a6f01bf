using System.Data.Common;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Data.Import;

public sealed record ImportSummary(long InspectionId, int Created, int Updated, int Unchanged, int PeopleCreated);

public sealed record ImportWriteResult(ImportSummary? Summary, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Summary is not null;
}

/// <summary>
/// Writes a ledger draft in one transaction: everything or nothing. Tasks are matched by inspection and code,
/// so re-importing an updated sheet updates them in place and keeps their progress history; a changed status
/// or percent in the sheet is recorded as a progress update from the import, never by rewriting history.
/// </summary>
public sealed class LedgerImportWriter(ConnectionFactory connections, LedgerCalendar calendar)
{
    public const string AmbiguousPerson = "ambiguous_person";

    public async Task<ImportWriteResult> WriteAsync(LedgerDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var run = new Run(connection, transaction, actor, now, cancellationToken);

        var inspectionId = await run.UpsertInspectionAsync(draft.Inspection);
        var errors = new List<ImportError>();
        var people = await run.ResolvePeopleAsync(draft.Tasks, errors);
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportWriteResult(null, errors);
        }

        var immediateFrom = draft.Inspection.FeedbackDate ?? calendar.Today(now);
        int created = 0, updated = 0, unchanged = 0, ordinal = 0;
        var aspectOrdinals = new Dictionary<string, int>();
        var problemOrdinals = new Dictionary<(long, string), int>();
        foreach (var task in draft.Tasks)
        {
            ordinal++;
            var aspectOrdinal = aspectOrdinals.TryGetValue(task.Aspect, out var a) ? a : aspectOrdinals[task.Aspect] = aspectOrdinals.Count + 1;
            var aspectId = await run.UpsertAspectAsync(inspectionId, task.Aspect, aspectOrdinal);
            var problemKey = (aspectId, task.Problem);
            var problemOrdinal = problemOrdinals.TryGetValue(problemKey, out var p) ? p : problemOrdinals[problemKey] = problemOrdinals.Count(k => k.Key.Item1 == aspectId) + 1;
            var problemId = await run.UpsertProblemAsync(aspectId, task.Problem, problemOrdinal);
            var outcome = await run.UpsertTaskAsync(inspectionId, problemId, ordinal, task, immediateFrom, people);
            switch (outcome)
            {
                case TaskOutcome.Created: created++; break;
                case TaskOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportWriteResult(new ImportSummary(inspectionId, created, updated, unchanged, run.PeopleCreated), []);
    }

    private enum TaskOutcome
    {
        Created,
        Updated,
        Unchanged,
    }

    private sealed class Run(DbConnection connection, DbTransaction transaction, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        public int PeopleCreated { get; private set; }

        // Sheet cells may hold anything (a BEL, a NUL): cleaned where they reach the database.
        private CommandDefinition Command(string sql, object? args = null) => new(sql, SafeParameters.Of(args), transaction, cancellationToken: cancellationToken);

        private const string SelectInspection = "SELECT id FROM inspections WHERE title = @Title";

        private const string InsertInspection = """
            INSERT INTO inspections (title, inspected_unit, inspection_group, period_start, period_end, feedback_date, created_at)
            VALUES (@Title, @InspectedUnit, @InspectionGroup, @PeriodStart, @PeriodEnd, @FeedbackDate, @Now)
            RETURNING id
            """;

        private const string UpdateInspection = """
            UPDATE inspections SET inspected_unit = COALESCE(@InspectedUnit, inspected_unit),
                inspection_group = COALESCE(@InspectionGroup, inspection_group), period_start = COALESCE(@PeriodStart, period_start),
                period_end = COALESCE(@PeriodEnd, period_end), feedback_date = COALESCE(@FeedbackDate, feedback_date)
            WHERE id = @Id
            """;

        public async Task<long> UpsertInspectionAsync(InspectionDraft inspection)
        {
            var args = new
            {
                Title = inspection.Title.Trim(),
                inspection.InspectedUnit,
                inspection.InspectionGroup,
                inspection.PeriodStart,
                inspection.PeriodEnd,
                inspection.FeedbackDate,
                Now = now,
            };
            var id = await connection.ExecuteScalarAsync<long?>(Command(SelectInspection, args));
            if (id is { } existing)
            {
                await connection.ExecuteAsync(Command(UpdateInspection, new { Id = existing, args.InspectedUnit, args.InspectionGroup, args.PeriodStart, args.PeriodEnd, args.FeedbackDate }));
                return existing;
            }
            var newId = await connection.ExecuteScalarAsync<long>(Command(InsertInspection, args));
            await AuditLog.WriteAsync(connection, transaction, actor, now, "inspection", newId, "create", null, args, cancellationToken);
            return newId;
        }

        private const string UpsertAspect = """
            INSERT INTO aspects (inspection_id, ordinal, title) VALUES (@InspectionId, @Ordinal, @Title)
            ON CONFLICT (inspection_id, title) DO UPDATE SET ordinal = excluded.ordinal
            RETURNING id
            """;

        public Task<long> UpsertAspectAsync(long inspectionId, string title, int ordinal) =>
            connection.ExecuteScalarAsync<long>(Command(UpsertAspect, new { InspectionId = inspectionId, Ordinal = ordinal, Title = title }));

        private const string UpsertProblem = """
            INSERT INTO problems (aspect_id, ordinal, description) VALUES (@AspectId, @Ordinal, @Description)
            ON CONFLICT (aspect_id, description) DO UPDATE SET ordinal = excluded.ordinal
            RETURNING id
            """;

        public Task<long> UpsertProblemAsync(long aspectId, string description, int ordinal) =>
            connection.ExecuteScalarAsync<long>(Command(UpsertProblem, new { AspectId = aspectId, Ordinal = ordinal, Description = description }));

        private const string SelectPeopleByName = "SELECT id FROM people WHERE name = @Name";

        /// <summary>
        /// Finds or creates every person the sheet names. A name that matches two people is an error: we never
        /// guess which 张伟 is meant.
        /// </summary>
        public async Task<Dictionary<string, long>> ResolvePeopleAsync(IReadOnlyList<TaskDraft> tasks, List<ImportError> errors)
        {
            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var task in tasks)
            {
                var named = task.Officers.Select(o => (Name: o, Column: "officers", Department: task.LeadDepartment, Supervises: (string?)null));
                if (task.Leader is { Length: > 0 } leader)
                {
                    named = named.Append((leader, "leader", null, task.LeadDepartment));
                }
                foreach (var (name, column, department, supervises) in named)
                {
                    if (!ids.TryGetValue(name, out var id))
                    {
                        var matches = (await connection.QueryAsync<long>(Command(SelectPeopleByName, new { Name = name }))).ToList();
                        if (matches.Count > 1)
                        {
                            errors.Add(new ImportError(task.Row, column, AmbiguousPerson, name));
                            continue;
                        }
                        if (matches.Count == 1)
                        {
                            id = matches[0];
                        }
                        else
                        {
                            id = await PeopleRepository.AddAsync(connection, transaction, new NewPerson(name, department), now, cancellationToken);
                            await AuditLog.WriteAsync(connection, transaction, actor, now, "person", id, "create", null, new { name, department }, cancellationToken);
                            PeopleCreated++;
                        }
                        ids[name] = id;
                    }
                    if (supervises is not null)
                    {
                        // The 责任领导 of a measure supervises its lead department: that is what 分管 means.
                        var departmentId = await PeopleRepository.EnsureDepartmentAsync(connection, transaction, supervises, cancellationToken);
                        await PeopleRepository.AddSupervisionAsync(connection, transaction, id, departmentId, cancellationToken);
                    }
                }
            }
            return ids;
        }

        private const string SelectTask = """
            SELECT id AS Id, problem_id AS ProblemId, ordinal AS Ordinal, measure AS Measure, leader_id AS LeaderId,
                   lead_department_id AS LeadDepartmentId, time_limit_kind AS TimeLimitKind, time_limit_text AS TimeLimitText,
                   due_date AS DueDate, original_due_date AS OriginalDueDate, extension_count AS ExtensionCount, status AS Status,
                   percent AS Percent, progress_note AS ProgressNote, version AS Version
            FROM tasks WHERE inspection_id = @InspectionId AND code = @Code
            """;

        private const string InsertTask = """
            INSERT INTO tasks (inspection_id, problem_id, code, ordinal, measure, leader_id, lead_department_id, time_limit_kind,
                               time_limit_text, due_date, status, percent, progress_note, last_progress_at, created_at, updated_at)
            VALUES (@InspectionId, @ProblemId, @Code, @Ordinal, @Measure, @LeaderId, @LeadDepartmentId, @TimeLimitKind,
                    @TimeLimitText, @DueDate, @Status, @Percent, @ProgressNote, @LastProgressAt, @Now, @Now)
            RETURNING id
            """;

        private const string UpdateTask = """
            UPDATE tasks SET problem_id = @ProblemId, ordinal = @Ordinal, measure = @Measure, leader_id = @LeaderId,
                   lead_department_id = @LeadDepartmentId, time_limit_kind = @TimeLimitKind, time_limit_text = @TimeLimitText,
                   due_date = @DueDate, status = @Status, percent = @Percent, progress_note = @ProgressNote,
                   last_progress_at = COALESCE(@LastProgressAt, last_progress_at), updated_at = @Now, version = version + 1
            WHERE id = @Id AND version = @Version
            """;

        private const string SelectOfficerIds = "SELECT person_id FROM task_officers WHERE task_id = @TaskId ORDER BY ordinal";
        private const string DeleteOfficers = "DELETE FROM task_officers WHERE task_id = @TaskId";
        private const string InsertOfficer = "INSERT INTO task_officers (task_id, person_id, ordinal) VALUES (@TaskId, @PersonId, @Ordinal)";
        private const string SelectCoDepartmentIds = "SELECT department_id FROM task_co_departments WHERE task_id = @TaskId ORDER BY department_id";
        private const string DeleteCoDepartments = "DELETE FROM task_co_departments WHERE task_id = @TaskId";
        private const string InsertCoDepartment = "INSERT INTO task_co_departments (task_id, department_id) VALUES (@TaskId, @DepartmentId)";

        private const string InsertImportProgress = """
            INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
            VALUES (@TaskId, NULL, @Now, @Percent, @Status, @Note, 'import', @Key)
            """;

        public async Task<TaskOutcome> UpsertTaskAsync(long inspectionId, long problemId, int ordinal, TaskDraft draft, DateOnly immediateFrom, Dictionary<string, long> people)
        {
            long? leaderId = draft.Leader is { Length: > 0 } leader ? people[leader] : null;
            long? departmentId = draft.LeadDepartment is { Length: > 0 } department
                ? await PeopleRepository.EnsureDepartmentAsync(connection, transaction, department, cancellationToken)
                : null;
            var officerIds = draft.Officers.Select(o => people[o]).Distinct().ToList();
            var coDepartmentIds = new List<long>();
            foreach (var name in draft.CoDepartments)
            {
                coDepartmentIds.Add(await PeopleRepository.EnsureDepartmentAsync(connection, transaction, name, cancellationToken));
            }
            coDepartmentIds = coDepartmentIds.Distinct().Order().ToList();

            var existing = await connection.QuerySingleOrDefaultAsync<TaskRow>(Command(SelectTask, new { InspectionId = inspectionId, draft.Code }));
            if (draft.TimeLimit is { Kind: TimeLimitKind.Immediate, Date: null })
            {
                // An undated 立行立改 keeps the date it was first given; re-importing must not move it to today.
                var dated = existing is { TimeLimitKind: "immediate", DueDate: { } kept } ? kept : immediateFrom;
                draft = draft with { TimeLimit = TimeLimit.Immediate(dated) };
            }
            var percent = Math.Clamp(draft.Percent ?? (int?)existing?.Percent ?? 0, 0, 100);
            var status = draft.Status ?? (existing is null ? InitialStatus(draft.TimeLimit, percent) : RectificationStatusCodes.FromCode(existing.Status));
            if (status is RectificationStatus.Done or RectificationStatus.WrittenOff)
            {
                percent = 100;
            }
            var note = string.IsNullOrWhiteSpace(draft.Progress) ? existing?.ProgressNote : draft.Progress.Trim();

            if (existing is null)
            {
                var id = await connection.ExecuteScalarAsync<long>(Command(InsertTask, new
                {
                    InspectionId = inspectionId,
                    ProblemId = problemId,
                    draft.Code,
                    Ordinal = ordinal,
                    draft.Measure,
                    LeaderId = leaderId,
                    LeadDepartmentId = departmentId,
                    TimeLimitKind = draft.TimeLimit.KindCode,
                    draft.TimeLimitText,
                    DueDate = draft.TimeLimit.Date,
                    Status = status.ToCode(),
                    Percent = percent,
                    ProgressNote = note,
                    LastProgressAt = note is null && percent == 0 ? (DateTimeOffset?)null : now,
                    Now = now,
                }));
                await ReplaceLinksAsync(id, officerIds, coDepartmentIds);
                if (note is not null || percent > 0 || status != InitialStatus(draft.TimeLimit, 0))
                {
                    await connection.ExecuteAsync(Command(InsertImportProgress, new { TaskId = id, Now = now, Percent = percent, Status = status.ToCode(), Note = note, Key = $"import:{id}:{now.UtcTicks}" }));
                }
                await AuditLog.WriteAsync(connection, transaction, actor, now, "task", id, "import_create", null,
                    new { draft.Code, draft.Measure, due = draft.TimeLimit.Date, status = status.ToCode(), percent, row = draft.Row }, cancellationToken);
                return TaskOutcome.Created;
            }

            // A sheet that still shows the first deadline of a task extended since must not undo the extension.
            var dueDate = draft.TimeLimit.Date;
            var kind = draft.TimeLimit.KindCode;
            if (existing.ExtensionCount > 0 && (draft.TimeLimit.Date == existing.OriginalDueDate || draft.TimeLimit.Date < existing.DueDate))
            {
                dueDate = existing.DueDate;
                kind = existing.TimeLimitKind;
            }

            var currentOfficers = (await connection.QueryAsync<long>(Command(SelectOfficerIds, new { TaskId = existing.Id }))).ToList();
            var currentCoDepartments = (await connection.QueryAsync<long>(Command(SelectCoDepartmentIds, new { TaskId = existing.Id }))).ToList();
            var progressChanged = status.ToCode() != existing.Status || percent != existing.Percent || note != existing.ProgressNote;
            var planChanged = problemId != existing.ProblemId || ordinal != existing.Ordinal || draft.Measure != existing.Measure
                || leaderId != existing.LeaderId || departmentId != existing.LeadDepartmentId || kind != existing.TimeLimitKind
                || draft.TimeLimitText != existing.TimeLimitText || dueDate != existing.DueDate;
            var linksChanged = !currentOfficers.SequenceEqual(officerIds) || !currentCoDepartments.SequenceEqual(coDepartmentIds);
            if (!progressChanged && !planChanged && !linksChanged)
            {
                return TaskOutcome.Unchanged;
            }

            var updated = await connection.ExecuteAsync(Command(UpdateTask, new
            {
                existing.Id,
                ProblemId = problemId,
                Ordinal = ordinal,
                draft.Measure,
                LeaderId = leaderId,
                LeadDepartmentId = departmentId,
                TimeLimitKind = kind,
                draft.TimeLimitText,
                DueDate = dueDate,
                Status = status.ToCode(),
                Percent = percent,
                ProgressNote = note,
                LastProgressAt = progressChanged ? now : (DateTimeOffset?)null,
                Now = now,
                existing.Version,
            }));
            if (updated == 0)
            {
                throw new ConcurrencyConflictException();
            }
            if (linksChanged)
            {
                await ReplaceLinksAsync(existing.Id, officerIds, coDepartmentIds);
            }
            if (progressChanged)
            {
                await connection.ExecuteAsync(Command(InsertImportProgress, new { TaskId = existing.Id, Now = now, Percent = percent, Status = status.ToCode(), Note = note, Key = $"import:{existing.Id}:{now.UtcTicks}" }));
            }
            await AuditLog.WriteAsync(connection, transaction, actor, now, "task", existing.Id, "import_update",
                new { existing.Measure, due = existing.DueDate, status = existing.Status, percent = existing.Percent, officers = currentOfficers },
                new { draft.Measure, due = dueDate, status = status.ToCode(), percent, officers = officerIds, row = draft.Row }, cancellationToken);
            return TaskOutcome.Updated;
        }

        private static RectificationStatus InitialStatus(TimeLimit timeLimit, int percent) => timeLimit.Kind == TimeLimitKind.Ongoing
            ? RectificationStatus.Ongoing
            : percent switch
            {
                100 => RectificationStatus.Done,
                > 0 => RectificationStatus.InProgress,
                _ => RectificationStatus.NotStarted,
            };

        private async Task ReplaceLinksAsync(long taskId, IReadOnlyList<long> officerIds, IReadOnlyList<long> coDepartmentIds)
        {
            await connection.ExecuteAsync(Command(DeleteOfficers, new { TaskId = taskId }));
            await connection.ExecuteAsync(Command(InsertOfficer, officerIds.Select((id, i) => new { TaskId = taskId, PersonId = id, Ordinal = i + 1 })));
            await connection.ExecuteAsync(Command(DeleteCoDepartments, new { TaskId = taskId }));
            await connection.ExecuteAsync(Command(InsertCoDepartment, coDepartmentIds.Select(id => new { TaskId = taskId, DepartmentId = id })));
        }

        private sealed class TaskRow
        {
            public long Id { get; init; }
            public long ProblemId { get; init; }
            public long Ordinal { get; init; }
            public string Measure { get; init; } = "";
            public long? LeaderId { get; init; }
            public long? LeadDepartmentId { get; init; }
            public string TimeLimitKind { get; init; } = "";
            public string TimeLimitText { get; init; } = "";
            public DateOnly? DueDate { get; init; }
            public DateOnly? OriginalDueDate { get; init; }
            public long ExtensionCount { get; init; }
            public string Status { get; init; } = "";
            public long Percent { get; init; }
            public string? ProgressNote { get; init; }
            public long Version { get; init; }
        }
    }
}
