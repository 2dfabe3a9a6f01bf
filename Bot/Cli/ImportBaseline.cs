using System.Diagnostics;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// The baselines an import is measured against. The first is the least any writer could do: one prepared INSERT per
/// row into a table with no index. The second writes what an import of new rows must write, the same rows into the
/// same tables (task with its indexes, officers, progress entry, audit entry), through prepared statements and with
/// nothing else: no plan, no checks, no people. The import's ratio to the second is what its own work costs.
/// </summary>
internal static class ImportBaseline
{
    private const string CreateFlat = """
        CREATE TABLE IF NOT EXISTS bench_baseline (code TEXT NOT NULL, measure TEXT NOT NULL, due_date TEXT, status TEXT NOT NULL, percent INTEGER NOT NULL, officer TEXT NOT NULL)
        """;

    private const string InsertFlat = """
        INSERT INTO bench_baseline (code, measure, due_date, status, percent, officer) VALUES (@code, @measure, @due, @status, @percent, @officer)
        """;

    /// <summary>One prepared INSERT per row into one flat table, in one transaction; returns the milliseconds.</summary>
    public static async Task<double> FlatAsync(ConnectionFactory connections, LedgerDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateFlat, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM bench_baseline", cancellationToken: cancellationToken));
        var start = Stopwatch.GetTimestamp();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var insert = new PreparedStatement(connection, transaction, InsertFlat, "code", "measure", "due", "status", "percent", "officer");
            foreach (var task in draft.Tasks)
            {
                await insert.ExecuteAsync(cancellationToken, task.Code, task.Measure, task.TimeLimitText, task.Status?.ToCode() ?? "not_started",
                    task.Percent ?? 0, string.Join("、", task.Officers));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM bench_baseline", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("DROP TABLE bench_baseline", cancellationToken: cancellationToken));
        return count == draft.Tasks.Count ? elapsed : throw new BenchmarkFailedException($"flat baseline: {count} rows inserted of {draft.Tasks.Count}");
    }

    private static readonly Actor Baseline = Actor.System("benchmark-baseline");

    private const string InsertInspection = "INSERT INTO inspections (title, created_at) VALUES (@Title, @Now)";
    private const string InsertAspect = "INSERT INTO aspects (inspection_id, ordinal, title) VALUES (@InspectionId, @Ordinal, @Title)";
    private const string InsertProblem = "INSERT INTO problems (aspect_id, ordinal, description) VALUES (@AspectId, @Ordinal, @Description)";

    private const string InsertTask = """
        INSERT INTO tasks (inspection_id, problem_id, code, ordinal, measure, leader_id, lead_department_id, time_limit_kind,
                           time_limit_text, due_date, status, percent, progress_note, last_progress_at, created_at, updated_at)
        VALUES (@InspectionId, @ProblemId, @Code, @Ordinal, @Measure, @LeaderId, @LeadDepartmentId, @TimeLimitKind,
                @TimeLimitText, @DueDate, @Status, @Percent, NULL, @LastProgressAt, @Now, @Now)
        """;

    private const string InsertOfficer = "INSERT INTO task_officers (task_id, person_id, ordinal) VALUES (@TaskId, @PersonId, @Ordinal)";

    private const string InsertProgress = """
        INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
        VALUES (@TaskId, NULL, @Now, @Percent, @Status, NULL, 'import', @Key)
        """;

    /// <summary>
    /// The rows an import of this draft writes, written plainly in one transaction (the people and departments the
    /// synthetic ledger already holds); returns the milliseconds, checks the rows, and removes them after.
    /// </summary>
    public static async Task<double> SameTablesAsync(ConnectionFactory connections, LedgerDraft draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var people = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("SELECT id, name FROM people", cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
        var departments = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition("SELECT id, name FROM departments", cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
        var title = draft.Inspection.Title + "（基线）";
        long inspectionId;
        var start = Stopwatch.GetTimestamp();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using var inspection = PreparedStatement.Insert(connection, transaction, InsertInspection, "Title", "Now");
            await using var aspect = PreparedStatement.Insert(connection, transaction, InsertAspect, "InspectionId", "Ordinal", "Title");
            await using var problem = PreparedStatement.Insert(connection, transaction, InsertProblem, "AspectId", "Ordinal", "Description");
            await using var task = PreparedStatement.Insert(connection, transaction, InsertTask, "InspectionId", "ProblemId", "Code", "Ordinal", "Measure",
                "LeaderId", "LeadDepartmentId", "TimeLimitKind", "TimeLimitText", "DueDate", "Status", "Percent", "LastProgressAt", "Now");
            await using var officer = new PreparedStatement(connection, transaction, InsertOfficer, "TaskId", "PersonId", "Ordinal");
            await using var progress = new PreparedStatement(connection, transaction, InsertProgress, "TaskId", "Now", "Percent", "Status", "Key");
            await using var audit = AuditLog.Prepare(connection, transaction);
            inspectionId = await inspection.InsertAsync(cancellationToken, title, now);
            var aspects = new Dictionary<string, long>(StringComparer.Ordinal);
            var problems = new Dictionary<(long, string), long>();
            var ordinal = 0;
            foreach (var row in draft.Tasks)
            {
                ordinal++;
                if (!aspects.TryGetValue(row.Aspect, out var aspectId))
                {
                    aspectId = aspects[row.Aspect] = await aspect.InsertAsync(cancellationToken, inspectionId, aspects.Count + 1, row.Aspect);
                }
                if (!problems.TryGetValue((aspectId, row.Problem), out var problemId))
                {
                    problemId = problems[(aspectId, row.Problem)] = await problem.InsertAsync(cancellationToken, aspectId, problems.Count + 1, row.Problem);
                }
                var status = row.Status ?? RectificationStatus.NotStarted;
                var percent = row.Percent ?? 0;
                var reported = status != RectificationStatus.NotStarted || percent > 0;
                var id = await task.InsertAsync(cancellationToken, inspectionId, problemId, row.Code, ordinal, row.Measure,
                    row.Leader is { } leader ? people[leader] : null, row.LeadDepartment is { } department ? departments[department] : null,
                    row.TimeLimit.KindCode, row.TimeLimitText, row.TimeLimit.Date, status.ToCode(), percent, reported ? now : null, now);
                for (var i = 0; i < row.Officers.Count; i++)
                {
                    await officer.ExecuteAsync(cancellationToken, id, people[row.Officers[i]], i + 1);
                }
                if (reported)
                {
                    await progress.ExecuteAsync(cancellationToken, id, now, percent, status.ToCode(), $"baseline:{id}:{now.UtcTicks}");
                }
                await AuditLog.WriteAsync(audit, Baseline, now, "task", id, "import_create", null,
                    new { row.Code, row.Measure, due = row.TimeLimit.Date, status = status.ToCode(), percent, row = row.Row }, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM tasks WHERE inspection_id = @Id",
            new { Id = inspectionId }, cancellationToken: cancellationToken));
        await RemoveAsync(connection, inspectionId, cancellationToken);
        return count == draft.Tasks.Count ? elapsed : throw new BenchmarkFailedException($"same-tables baseline: {count} tasks written of {draft.Tasks.Count}");
    }

    private const string Remove = """
        DELETE FROM audit_log WHERE actor = @Actor;
        DELETE FROM progress_updates WHERE task_id IN (SELECT id FROM tasks WHERE inspection_id = @Id);
        DELETE FROM task_officers WHERE task_id IN (SELECT id FROM tasks WHERE inspection_id = @Id);
        DELETE FROM tasks WHERE inspection_id = @Id;
        DELETE FROM problems WHERE aspect_id IN (SELECT id FROM aspects WHERE inspection_id = @Id);
        DELETE FROM aspects WHERE inspection_id = @Id;
        DELETE FROM inspections WHERE id = @Id;
        """;

    private static Task RemoveAsync(System.Data.Common.DbConnection connection, long inspectionId, CancellationToken cancellationToken) =>
        RemoveAsync(connection, inspectionId, Baseline.Label, cancellationToken);

    /// <summary>Removes an inspection a benchmark step wrote, and the audit rows of its actor, so later steps measure the ledger they claim.</summary>
    internal static async Task RemoveAsync(System.Data.Common.DbConnection connection, long inspectionId, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Remove, new { Id = inspectionId, Actor = actor }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
