using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string ImportFieldName(string field) => field switch
    {
        ImportFields.Code => "No.",
        ImportFields.Aspect => "aspect",
        ImportFields.Problem => "problem",
        ImportFields.Measure => "measure",
        ImportFields.Leader => "leader",
        ImportFields.Department => "department",
        ImportFields.CoDepartments => "co-operating departments",
        ImportFields.Officers => "officers",
        ImportFields.TimeLimit => "time limit",
        ImportFields.DueDate => "due date",
        ImportFields.Status => "status",
        ImportFields.Percent => "percent",
        ImportFields.Progress => "progress note",
        ImportFields.InspectedUnit => "inspected unit",
        ImportFields.InspectionGroup => "inspection group",
        ImportFields.PeriodStart => "inspection start",
        ImportFields.PeriodEnd => "inspection end",
        ImportFields.FeedbackDate => "feedback date",
        _ => field,
    };

    public override string ImportPlanHeading(ImportPlan plan) =>
        F("Import '{0}': {1} new, {2} updated, {3} renumbered, {4} unchanged, {5} removed from the sheet.", plan.Inspection.Title,
            plan.New.Count, plan.Updated.Count, plan.Renumbered.Count, plan.Unchanged.Count, plan.Removed.Count);

    public override string ImportPlanStatuses(StatusCounts counts) =>
        F("Status as read: {0} done, {1} in progress, {2} not started, {3} ongoing, {4} written off.", counts.Done, counts.InProgress, counts.NotStarted, counts.Ongoing, counts.WrittenOff);

    public override string ImportPlanSection(PlannedTaskKind kind, int count) => kind switch
    {
        PlannedTaskKind.Renumbered => F("Renumbered ({0}; matched by content, progress and history stay with the measure):", count),
        PlannedTaskKind.Updated => F("Updated ({0}):", count),
        PlannedTaskKind.New => F("New ({0}):", count),
        _ => F("Unchanged ({0}):", count),
    };

    public override string ImportPlanRemovedSection(int count) => F("No longer in the sheet ({0}; kept in the ledger with their history, not deleted):", count);

    public override string ImportPlanDeadlineSection(int count) => F("Deadlines changed ({0}; recorded like extensions, the original kept, marked \"changed by import\"):", count);

    public override string ImportPlanRemovedLine(RemovedTask task) => task.NewCode is { } moved
        ? F("{0} {1} (its number is taken by another row; now {2})", task.Code, Shorten(task.Measure, 40), moved)
        : F("{0} {1}", task.Code, Shorten(task.Measure, 40));

    public override string ImportPlanDeadlineLine(PlannedTask task) =>
        F("{0} {1}: {2} → {3}", task.Code, Shorten(task.Draft.Measure, 40), task.Deadline?.From?.ToString("yyyy-MM-dd", Culture) ?? "—", task.Deadline?.To.ToString("yyyy-MM-dd", Culture));

    public override string ImportPlanNewPeople(IReadOnlyList<string> names) => F("{0} new people: {1}", names.Count, string.Join(", ", names));

    public override string ImportPlanInspectionChange(FieldChange change) =>
        F("Inspection {0}: {1} → {2}", ImportFieldName(change.Field), change.Before ?? "—", change.After ?? "—");

    public override string ImportPlanMore(int count) => F("… and {0} more", count);

    public override string ImportDryRunDone => "This is a preview; nothing was written. Run again without --dry-run to import exactly this.";

    public override string ImportPlanNothingToDo => "The sheet matches the ledger; nothing to change.";

    public override string ImportApplied(ImportSummary summary, string inspection) =>
        F("Imported '{0}': {1} new, {2} updated, {3} renumbered, {4} unchanged, {5} removed from the sheet, {6} deadlines changed, {7} new people.", inspection,
            summary.Created, summary.Updated, summary.Renumbered, summary.Unchanged, summary.Removed, summary.DeadlinesChanged, summary.PeopleCreated);
}
