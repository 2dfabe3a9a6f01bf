using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string ReportUsage => "Usage: dotnet run --project Bot -- report --out <draft.docx> [--inspection \"<title>\"]";

    public override string ReportPickInspection(IReadOnlyList<string> titles) => titles.Count == 0
        ? "The ledger has no inspection yet, so there is nothing to report."
        : F("Name the inspection with --inspection: {0}", string.Join("; ", titles));

    public override string ReportWritten(string path, int tasks) => F("Drafted the report ({0} measures): {1}. Review and edit it before publishing.", tasks, path);

    public override string ReportTitle(Inspection inspection) => F("Report on the rectification after the inspection \"{0}\"", inspection.Title);

    public override string ReportSubtitle(Inspection inspection, DateOnly today) => F("({0}draft of {1})", inspection.InspectedUnit is { } unit ? unit + ", " : "", Date(today));

    public override string ReportOpening(Inspection inspection)
    {
        var period = inspection.PeriodStart is { } start && inspection.PeriodEnd is { } end ? F(" from {0} to {1}", Date(start), Date(end)) : "";
        var feedback = inspection.FeedbackDate is { } date ? F(" and gave its feedback on {0}", Date(date)) : "";
        return F("{0} inspected {1}{2}{3}. This report sets out how the findings have been rectified.",
            inspection.InspectionGroup ?? "The inspection group", inspection.InspectedUnit ?? "our unit", period, feedback);
    }

    public override string ReportOverallHeading => "1. How the rectification was organised";

    public override string ReportOverall(int problems, int measures, int writtenOff, int done, int open, int ongoing, int overdue) =>
        F("Every finding was accepted and turned into problem, task and responsibility lists kept in a ledger; each item is written off once done. For {0} problems, {1} measures were set: {2} are done and written off, {3} are done and awaiting write-off, {4} are in progress and {5} are ongoing{6}. Completion rate: {7:P0}.",
            problems, measures, writtenOff, done, open, ongoing, overdue > 0 ? F(" ({0} overdue)", overdue) : "", measures == 0 ? 0 : (double)writtenOff / measures);

    public override string ReportAspectsHeading => "2. Rectification by aspect";

    public override string ReportAspectHeading(int index, string aspect) => F("2.{0} {1}", index + 1, aspect);

    public override string ReportMeasure(int index, TaskDetail task, DateOnly today)
    {
        var state = task.Task.Status switch
        {
            RectificationStatus.WrittenOff => "done and written off",
            RectificationStatus.Done => "done, awaiting write-off",
            RectificationStatus.Ongoing => "ongoing",
            _ when task.Task.IsOverdue(today) => F("in progress, {0}% done, {1} days overdue", task.Task.Percent, task.Task.DaysOverdue(today)),
            _ => F("in progress, {0}% done", task.Task.Percent),
        };
        var note = string.IsNullOrWhiteSpace(task.ProgressNote) ? "" : " " + task.ProgressNote;
        return F("({0}) {1}.{2} ({3}; {4})", index + 1, task.Task.Measure, note, state, task.Task.LeadDepartment ?? "—");
    }

    public override string ReportAspectFigures(AspectFigures figures) =>
        F("This aspect has {0} measures, {1} written off, completion rate {2:P0}{3}.", figures.Total, figures.WrittenOff, figures.CompletionRate, figures.Overdue > 0 ? F(", {0} overdue", figures.Overdue) : "");

    public override string ReportNextHeading => "3. What remains, and the long-term mechanism";

    public override string ReportNothingOpen => "Every measure with a deadline is done. The results will be consolidated and re-checked later so that problems do not return.";

    public override string ReportOpenItems(IReadOnlyList<TaskDetail> open, DateOnly today) =>
        F("The {0} measures still open will be followed up until they are done on time: {1}.", open.Count,
            string.Join("; ", open.Select(d => F("{0} ({1}, {2})", d.Task.Code, d.Task.LeadDepartment ?? "—", d.Task.IsOverdue(today) ? "overdue" : "due " + DueText(d.Task)))));

    public override string ReportOngoingItems(IReadOnlyList<TaskDetail> ongoing) =>
        F("The {0} ongoing measures ({1}) continue with undiminished effort and regular review.", ongoing.Count, string.Join(", ", ongoing.Select(d => d.Task.Code)));

    public override string ReportClosing => "Rules and systems will be built so that the causes, not only the symptoms, are addressed.";
}
