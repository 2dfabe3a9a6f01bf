using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// Turns a read sheet into a plan against the stored ledger, and writes a plan. Rows are matched to stored measures by
/// content (problem + measure, tolerant of small edits), not by code: inserting a row and renumbering 序号 must never move
/// progress, status or write-offs to another measure. Matching goes exact content first, then the closest pairs above
/// <see cref="ContentMatch.Threshold"/> (a row keeping its code needs less), then the rest is new or removed-from-sheet.
/// <see cref="ApplyAsync"/> plans again inside its transaction and writes only when that plan is the one the caller saw.
/// </summary>
public sealed class ImportPlanner(ConnectionFactory connections)
{
    /// <summary>How a new inspection's batches are sized on SQLite; the tests look between them.</summary>
    internal ImportBatching Batching { get; init; } = ImportBatching.Default;

    private static readonly Actor SweepActor = Actor.System("import");

    public async Task<ImportPlan> PlanAsync(LedgerDraft draft, ImportPlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        // An import that stopped halfway must not keep its sheet refused as "still being written" at the preview.
        await PendingImports.SweepAsync(connections, SweepActor, Batching.Time.GetUtcNow(), cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await PlanAsync(connection, null, draft, options ?? new ImportPlanOptions(), cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="plan"/> everything or nothing: in one transaction, or for a new inspection on SQLite in
    /// batches that nobody sees until the last (<see cref="ImportTransaction"/>). Refused with
    /// <see cref="ImportErrorCodes.PlanStale"/> when the ledger changed since the plan was made (plan again and show it).
    /// </summary>
    public async Task<ImportWriteResult> ApplyAsync(ImportPlan plan, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!plan.Succeeded)
        {
            return new ImportWriteResult(null, plan.Errors);
        }
        await PendingImports.SweepAsync(connections, actor, Batching.Time.GetUtcNow(), cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await ImportTransaction.BeginAsync(connection, connections.WriteGate, Batching, cancellationToken);
        var current = await PlanAsync(connection, transaction.Current, plan.Draft, plan.Options, cancellationToken);
        if (!current.Succeeded)
        {
            return new ImportWriteResult(null, current.Errors);
        }
        if (Signature(current) != Signature(plan))
        {
            return new ImportWriteResult(null, [new ImportError(0, null, ImportErrorCodes.PlanStale)]);
        }
        ImportSummary summary;
        await using (var writer = new ImportPlanWriter(connection, transaction, actor, now, cancellationToken))
        {
            summary = await writer.WriteAsync(current);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportWriteResult(summary, []);
    }

    private static readonly JsonSerializerOptions SignatureJson = new();

    /// <summary>A short name for what a plan writes: the chat binds its 确认导入 to it, so a changed plan needs a new confirmation.</summary>
    public static string Fingerprint(ImportPlan plan) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Signature(plan))))[..32];

    /// <summary>What a plan would write, as text: two plans that write the same thing have the same signature.</summary>
    private static string Signature(ImportPlan plan) => JsonSerializer.Serialize(new
    {
        plan.InspectionId,
        plan.InspectionChanges,
        Tasks = plan.Tasks.Select(t => new { t.TaskId, t.Code, t.PreviousCode, t.Changes, t.Deadline, t.Status, t.Percent, t.Note, t.TimeLimit }),
        plan.Removed,
        plan.NewPeople,
    }, SignatureJson);

    private const string SelectInspection = """
        SELECT id AS Id, title AS Title, inspected_unit AS InspectedUnit, inspection_group AS InspectionGroup,
               period_start AS PeriodStart, period_end AS PeriodEnd, feedback_date AS FeedbackDate, importing_at AS ImportingAt
        FROM inspections WHERE title = @Title
        """;

    private const string SelectTasks = """
        SELECT t.id AS Id, t.code AS Code, a.title AS Aspect, p.description AS Problem, t.measure AS Measure, l.name AS Leader,
               d.name AS Department, t.time_limit_kind AS TimeLimitKind, t.time_limit_text AS TimeLimitText, t.due_date AS DueDate,
               t.original_due_date AS OriginalDueDate, t.extension_count AS ExtensionCount, t.status AS Status, t.percent AS Percent,
               t.progress_note AS ProgressNote
        FROM tasks t
        JOIN problems p ON p.id = t.problem_id
        JOIN aspects a ON a.id = p.aspect_id
        LEFT JOIN people l ON l.id = t.leader_id
        LEFT JOIN departments d ON d.id = t.lead_department_id
        WHERE t.inspection_id = @InspectionId
        ORDER BY t.ordinal, t.id
        """;

    private const string SelectOfficers = """
        SELECT o.task_id AS TaskId, pe.name AS Name FROM task_officers o
        JOIN tasks t ON t.id = o.task_id JOIN people pe ON pe.id = o.person_id
        WHERE t.inspection_id = @InspectionId ORDER BY o.task_id, o.ordinal
        """;

    private const string SelectCoDepartments = """
        SELECT c.task_id AS TaskId, d.name AS Name FROM task_co_departments c
        JOIN tasks t ON t.id = c.task_id JOIN departments d ON d.id = c.department_id
        WHERE t.inspection_id = @InspectionId ORDER BY c.task_id, d.name
        """;

    private const string CountPeopleByName = "SELECT count(*) FROM people WHERE name = @Name";

    internal static async Task<ImportPlan> PlanAsync(DbConnection connection, DbTransaction? transaction, LedgerDraft draft, ImportPlanOptions options, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql, object? args = null) => new(sql, args, transaction, cancellationToken: cancellationToken);

        var title = draft.Inspection.Title.Trim();
        var stored = await connection.QuerySingleOrDefaultAsync<InspectionRow>(Command(SelectInspection, new { Title = title }));
        if (stored?.ImportingAt is not null)
        {
            // Another import is still writing this inspection in batches: planning against its half would be wrong.
            return new ImportPlan(draft, options, stored.Id, new InspectionDraft(title, null, null, null, null, null), [], [], [], [],
                [new ImportError(0, null, ImportErrorCodes.ImportRunning)]);
        }
        var inspection = new InspectionDraft(title,
            draft.Inspection.InspectedUnit ?? stored?.InspectedUnit,
            draft.Inspection.InspectionGroup ?? stored?.InspectionGroup,
            draft.Inspection.PeriodStart ?? stored?.PeriodStart,
            draft.Inspection.PeriodEnd ?? stored?.PeriodEnd,
            draft.Inspection.FeedbackDate ?? stored?.FeedbackDate);
        var inspectionChanges = new List<FieldChange>();
        if (stored is not null)
        {
            Compare(inspectionChanges, ImportFields.InspectedUnit, stored.InspectedUnit, inspection.InspectedUnit);
            Compare(inspectionChanges, ImportFields.InspectionGroup, stored.InspectionGroup, inspection.InspectionGroup);
            Compare(inspectionChanges, ImportFields.PeriodStart, Iso(stored.PeriodStart), Iso(inspection.PeriodStart));
            Compare(inspectionChanges, ImportFields.PeriodEnd, Iso(stored.PeriodEnd), Iso(inspection.PeriodEnd));
            Compare(inspectionChanges, ImportFields.FeedbackDate, Iso(stored.FeedbackDate), Iso(inspection.FeedbackDate));
        }

        var existing = new List<StoredTask>();
        if (stored is not null)
        {
            var args = new { InspectionId = stored.Id };
            existing = (await connection.QueryAsync<StoredTask>(Command(SelectTasks, args))).ToList();
            var officers = (await connection.QueryAsync<(long TaskId, string Name)>(Command(SelectOfficers, args))).ToLookup(o => o.TaskId, o => o.Name);
            var coDepartments = (await connection.QueryAsync<(long TaskId, string Name)>(Command(SelectCoDepartments, args))).ToLookup(o => o.TaskId, o => o.Name);
            foreach (var task in existing)
            {
                task.Officers = officers[task.Id].ToList();
                task.CoDepartments = coDepartments[task.Id].ToList();
            }
        }

        var errors = new List<ImportError>();
        var names = draft.Tasks.SelectMany(t => t.Leader is { Length: > 0 } leader ? t.Officers.Append(leader) : t.Officers).Distinct(StringComparer.Ordinal).ToList();
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        // One name at a time: Npgsql sends a list as an array, which `IN @Names` cannot take, and SQLite has no ANY().
        foreach (var name in names)
        {
            var count = await connection.ExecuteScalarAsync<long>(Command(CountPeopleByName, new { Name = name }));
            if (count > 0)
            {
                known[name] = count;
            }
        }
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in draft.Tasks)
        {
            foreach (var (name, column) in task.Officers.Select(o => (o, "officers")).Concat(task.Leader is { Length: > 0 } l ? [(l, "leader")] : []))
            {
                if (known.GetValueOrDefault(name) > 1 && reported.Add(name))
                {
                    errors.Add(new ImportError(task.Row, column, LedgerImportWriter.AmbiguousPerson, name));
                }
            }
        }
        var newPeople = names.Where(n => !known.ContainsKey(n)).ToList();

        var undatedImmediate = draft.Tasks.Where(t => t is { TimeLimit: { Kind: TimeLimitKind.Immediate, Date: null } }).ToList();
        var matches = Match(draft.Tasks, existing);
        if (inspection.FeedbackDate is null)
        {
            // An undated 立行立改 keeps the date it was given before; with none, only the feedback date can date it.
            var undatable = undatedImmediate.Where(t => matches.GetValueOrDefault(t) is not { TimeLimitKind: "immediate", DueDate: not null }).ToList();
            if (undatable.Count > 0)
            {
                errors.Add(new ImportError(0, null, ImportErrorCodes.FeedbackDateMissing,
                    string.Join(", ", undatable.Select(t => t.Row.ToString(CultureInfo.InvariantCulture)))));
            }
        }
        if (errors.Count > 0)
        {
            return new ImportPlan(draft, options, stored?.Id, inspection, inspectionChanges, [], [], newPeople, errors);
        }

        var planned = draft.Tasks.Select(t => PlanTask(t, matches.GetValueOrDefault(t), inspection.FeedbackDate)).ToList();
        var matched = matches.Values.Select(m => m.Id).ToHashSet();
        var codes = draft.Tasks.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Where(e => !matched.Contains(e.Id))
            .Select(e => new RemovedTask(e.Id, e.Code, e.Measure, RectificationStatusCodes.FromCode(e.Status),
                codes.Contains(e.Code) ? string.Create(CultureInfo.InvariantCulture, $"{e.Code}~{e.Id}") : null))
            .ToList();
        return new ImportPlan(draft, options, stored?.Id, inspection, inspectionChanges, planned, removed, newPeople, []);
    }

    /// <summary>Pairs each row with the stored measure it continues, if any.</summary>
    private static Dictionary<TaskDraft, StoredTask> Match(IReadOnlyList<TaskDraft> rows, List<StoredTask> stored)
    {
        var matches = new Dictionary<TaskDraft, StoredTask>(ReferenceEqualityComparer.Instance);
        if (stored.Count == 0)
        {
            return matches;
        }
        var free = stored.ToHashSet();

        // Exact content first; among equal contents the one under the same code.
        var byContent = stored.ToLookup(s => ContentKey(s.Problem, s.Measure));
        foreach (var row in rows)
        {
            var candidates = byContent[ContentKey(row.Problem, row.Measure)].Where(free.Contains).ToList();
            if (candidates.Count > 0)
            {
                var chosen = candidates.FirstOrDefault(c => c.Code == row.Code) ?? candidates[0];
                matches[row] = chosen;
                free.Remove(chosen);
            }
        }

        // Then the closest pairs, best first.
        var open = rows.Where(r => !matches.ContainsKey(r)).ToList();
        if (open.Count == 0 || free.Count == 0)
        {
            return matches;
        }
        var pairs = new List<(TaskDraft Row, StoredTask Stored, double Score, bool SameCode)>();
        foreach (var row in open)
        {
            foreach (var candidate in free)
            {
                var score = ContentMatch.Score(row.Problem, row.Measure, candidate.Problem, candidate.Measure);
                var sameCode = row.Code == candidate.Code;
                if (score >= (sameCode ? ContentMatch.SameCodeThreshold : ContentMatch.Threshold))
                {
                    pairs.Add((row, candidate, score, sameCode));
                }
            }
        }
        foreach (var pair in pairs.OrderByDescending(p => p.Score).ThenByDescending(p => p.SameCode))
        {
            if (!matches.ContainsKey(pair.Row) && free.Remove(pair.Stored))
            {
                matches[pair.Row] = pair.Stored;
            }
        }
        return matches;
    }

    private static string ContentKey(string problem, string measure) => ContentMatch.Key(problem) + "\u0001" + ContentMatch.Key(measure);

    private static PlannedTask PlanTask(TaskDraft draft, StoredTask? existing, DateOnly? feedbackDate)
    {
        var limit = draft.TimeLimit;
        if (limit is { Kind: TimeLimitKind.Immediate, Date: null })
        {
            limit = TimeLimit.Immediate(feedbackDate ?? existing!.DueDate!.Value);
        }
        var percent = Math.Clamp(draft.Percent ?? (int?)existing?.Percent ?? 0, 0, 100);
        if (existing is null)
        {
            var created = Normalise(draft.Status ?? Derived(limit, percent), limit, percent);
            return new PlannedTask(draft, null, null, limit, created.Status, created.Percent, Blank(draft.Progress), [], null, false);
        }

        var dueDate = limit.Date;
        var kind = limit.Kind;
        var storedKind = TimeLimit.KindFromCode(existing.TimeLimitKind);
        if (existing.ExtensionCount > 0 && kind == TimeLimitKind.Date && (dueDate == existing.OriginalDueDate || dueDate < existing.DueDate))
        {
            // A sheet still showing the first deadline of a task extended since must not undo the extension.
            dueDate = existing.DueDate;
            kind = storedKind;
        }
        limit = new TimeLimit(kind, kind == TimeLimitKind.Ongoing ? null : dueDate);
        var storedStatus = RectificationStatusCodes.FromCode(existing.Status);
        // Finished work stays finished; open work follows a new kind of time limit or a new percent from the sheet.
        var finished = storedStatus is RectificationStatus.Done or RectificationStatus.WrittenOff;
        var rederive = !finished && (kind != storedKind || (draft.Percent is not null && draft.Percent != existing.Percent));
        var status = draft.Status ?? (rederive ? Derived(limit, percent) : storedStatus);
        (status, percent) = Normalise(status, limit, percent);
        var note = Blank(draft.Progress) ?? existing.ProgressNote;

        var changes = new List<FieldChange>();
        Compare(changes, ImportFields.Aspect, existing.Aspect, draft.Aspect);
        Compare(changes, ImportFields.Problem, existing.Problem, draft.Problem);
        Compare(changes, ImportFields.Measure, existing.Measure, draft.Measure);
        Compare(changes, ImportFields.Leader, existing.Leader, Blank(draft.Leader));
        Compare(changes, ImportFields.Department, existing.Department, Blank(draft.LeadDepartment));
        Compare(changes, ImportFields.CoDepartments, string.Join("、", existing.CoDepartments.Order(StringComparer.Ordinal)),
            string.Join("、", draft.CoDepartments.Distinct().Order(StringComparer.Ordinal)));
        Compare(changes, ImportFields.Officers, string.Join("、", existing.Officers), string.Join("、", draft.Officers.Distinct()));
        Compare(changes, ImportFields.TimeLimit, KindText(storedKind, existing.TimeLimitText), KindText(kind, draft.TimeLimitText));
        Compare(changes, ImportFields.DueDate, Iso(existing.DueDate), Iso(limit.Date));
        Compare(changes, ImportFields.Status, existing.Status, status.ToCode());
        Compare(changes, ImportFields.Percent, existing.Percent.ToString(CultureInfo.InvariantCulture), percent.ToString(CultureInfo.InvariantCulture));
        Compare(changes, ImportFields.Progress, existing.ProgressNote, note);
        DeadlineChange? deadline = storedKind == TimeLimitKind.Date && kind == TimeLimitKind.Date && limit.Date is { } to && to != existing.DueDate
            ? new DeadlineChange(existing.DueDate, to)
            : null;
        return new PlannedTask(draft, existing.Id, existing.Code == draft.Code ? null : existing.Code, limit, status, percent, note, changes, deadline,
            MatchedByContent: true);
    }

    /// <summary>The status a row without one gets: by its kind of time limit and how far it is.</summary>
    internal static RectificationStatus Derived(TimeLimit limit, int percent) => limit.Kind == TimeLimitKind.Ongoing
        ? RectificationStatus.Ongoing
        : percent switch
        {
            100 => RectificationStatus.Done,
            > 0 => RectificationStatus.InProgress,
            _ => RectificationStatus.NotStarted,
        };

    /// <summary>
    /// An open status on a 长期坚持 item is "ongoing", and "ongoing" on a dated item is whatever its progress says: a kind
    /// changed by the sheet re-derives the status. Finished work is 100 %.
    /// </summary>
    private static (RectificationStatus Status, int Percent) Normalise(RectificationStatus status, TimeLimit limit, int percent)
    {
        if (limit.Kind == TimeLimitKind.Ongoing && status.IsOpen())
        {
            status = RectificationStatus.Ongoing;
        }
        else if (limit.Kind != TimeLimitKind.Ongoing && status == RectificationStatus.Ongoing)
        {
            status = Derived(limit, percent);
        }
        return (status, status is RectificationStatus.Done or RectificationStatus.WrittenOff ? 100 : percent);
    }

    private static string KindText(TimeLimitKind kind, string text) => kind switch
    {
        TimeLimitKind.Ongoing => "ongoing",
        TimeLimitKind.Immediate => "immediate",
        _ => "date",
    } + ":" + text;

    private static void Compare(List<FieldChange> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, before, after));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class InspectionRow
    {
        public long Id { get; init; }
        public DateTimeOffset? ImportingAt { get; init; }
        public string Title { get; init; } = "";
        public string? InspectedUnit { get; init; }
        public string? InspectionGroup { get; init; }
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public DateOnly? FeedbackDate { get; init; }
    }

    internal sealed class StoredTask
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Aspect { get; init; } = "";
        public string Problem { get; init; } = "";
        public string Measure { get; init; } = "";
        public string? Leader { get; init; }
        public string? Department { get; init; }
        public string TimeLimitKind { get; init; } = "";
        public string TimeLimitText { get; init; } = "";
        public DateOnly? DueDate { get; init; }
        public DateOnly? OriginalDueDate { get; init; }
        public long ExtensionCount { get; init; }
        public string Status { get; init; } = "";
        public long Percent { get; init; }
        public string? ProgressNote { get; init; }
        public IReadOnlyList<string> Officers { get; set; } = [];
        public IReadOnlyList<string> CoDepartments { get; set; } = [];
    }
}
