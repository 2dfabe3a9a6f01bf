using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

/// <summary>What an import will do (dry run, chat preview) and what it did, in the user's language.</summary>
public abstract partial class UiText
{
    /// <summary>A field of a task or inspection (<see cref="ImportFields"/>) as this language names it.</summary>
    public abstract string ImportFieldName(string field);

    /// <summary>The first line: the inspection and the counts per kind of change.</summary>
    public abstract string ImportPlanHeading(ImportPlan plan);

    /// <summary>How many rows were read as done, in progress, not started (and ongoing, written off).</summary>
    public abstract string ImportPlanStatuses(StatusCounts counts);

    public abstract string ImportPlanSection(PlannedTaskKind kind, int count);

    public abstract string ImportPlanRemovedSection(int count);

    public abstract string ImportPlanDeadlineSection(int count);

    public abstract string ImportPlanRemovedLine(RemovedTask task);

    public abstract string ImportPlanDeadlineLine(PlannedTask task);

    public abstract string ImportPlanNewPeople(IReadOnlyList<string> names);

    public abstract string ImportPlanInspectionChange(FieldChange change);

    /// <summary>More lines than a section shows.</summary>
    public abstract string ImportPlanMore(int count);

    /// <summary>The last line of a dry run: nothing was written, and how to write it.</summary>
    public abstract string ImportDryRunDone { get; }

    /// <summary>The sheet matches the ledger exactly.</summary>
    public abstract string ImportPlanNothingToDo { get; }

    /// <summary>After a real run: what was written.</summary>
    public abstract string ImportApplied(ImportSummary summary, string inspection);

    /// <summary>
    /// The whole plan, one line each: heading, statuses, then renumbered, updated, new, removed-from-sheet, deadline
    /// changes, new people, inspection metadata. Unchanged rows are only counted. At most <paramref name="perSection"/>
    /// lines per section (chat keeps it short; the CLI shows all).
    /// </summary>
    public IReadOnlyList<string> DescribePlan(ImportPlan plan, int perSection = int.MaxValue)
    {
        var lines = new List<string> { ImportPlanHeading(plan), ImportPlanStatuses(plan.StatusCounts) };
        void Section(string heading, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                return;
            }
            lines.Add(heading);
            lines.AddRange(items.Take(perSection).Select(i => "  " + i));
            if (items.Count > perSection)
            {
                lines.Add("  " + ImportPlanMore(items.Count - perSection));
            }
        }
        Section(ImportPlanSection(PlannedTaskKind.Renumbered, plan.Renumbered.Count), plan.Renumbered.Select(ImportPlanTaskLine).ToList());
        Section(ImportPlanSection(PlannedTaskKind.Updated, plan.Updated.Count), plan.Updated.Select(ImportPlanTaskLine).ToList());
        Section(ImportPlanSection(PlannedTaskKind.New, plan.New.Count), plan.New.Select(ImportPlanTaskLine).ToList());
        Section(ImportPlanRemovedSection(plan.Removed.Count), plan.Removed.Select(ImportPlanRemovedLine).ToList());
        Section(ImportPlanDeadlineSection(plan.DeadlineChanges.Count), plan.DeadlineChanges.Select(ImportPlanDeadlineLine).ToList());
        if (plan.NewPeople.Count > 0)
        {
            lines.Add(ImportPlanNewPeople(plan.NewPeople));
        }
        lines.AddRange(plan.InspectionChanges.Select(ImportPlanInspectionChange));
        if (!plan.HasChanges)
        {
            lines.Add(ImportPlanNothingToDo);
        }
        return lines;
    }

    /// <summary>"1-2-3 ← 1-2-2 整改措施…：状态 正在整改 → 已完成" in this language's words.</summary>
    public string ImportPlanTaskLine(PlannedTask task)
    {
        var code = task.PreviousCode is { } previous ? $"{previous} → {task.Code}" : task.Code;
        var measure = Shorten(task.Draft.Measure, 30);
        var changes = task.Changes.Where(c => c.Field != ImportFields.Code)
            .Select(c => c.Field is ImportFields.Measure or ImportFields.Problem or ImportFields.Progress or ImportFields.Aspect
                ? ImportFieldName(c.Field)
                : $"{ImportFieldName(c.Field)} {ImportFieldValue(c.Field, c.Before)} → {ImportFieldValue(c.Field, c.After)}")
            .ToList();
        return changes.Count == 0 ? $"{code} {measure}" : $"{code} {measure} | {string.Join("; ", changes)}";
    }

    /// <summary>A stored value as the user reads it: status codes and kinds of time limit in words.</summary>
    protected virtual string ImportFieldValue(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }
        if (field == ImportFields.Status)
        {
            return StatusWords.Word(Data.Ledger.RectificationStatusCodes.FromCode(value), LedgerLanguage);
        }
        if (field == ImportFields.TimeLimit)
        {
            return value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }
        if (field == ImportFields.Percent)
        {
            return value + "%";
        }
        return Shorten(value, 20);
    }

    private LedgerLanguage LedgerLanguage => Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? LedgerLanguage.English : LedgerLanguage.Chinese;

    protected static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}
