using Rectification.Bot.Report;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    private const string ToFill = "[to be filled in]";

    public override string ReportUsage => "Usage: dotnet run --project Bot -- report --out <draft.docx> [--inspection \"<title>\"] [--as-of <YYYY-MM-DD>]";

    public override string ReportPickInspection(IReadOnlyList<string> titles) => titles.Count == 0
        ? "The ledger has no inspection yet, so there is nothing to report."
        : F("Name the inspection with --inspection: {0}", string.Join("; ", titles));

    public override string ReportBadAsOf(string text) => F("The --as-of date \"{0}\" is not a date or lies in the future; write a date such as 2021-12-31. No report was written.", text);

    public override string ReportWritten(string path, int tasks, DateOnly asOf) => F("Drafted the report (as of {0}, {1} measures): {2}. Review and edit it before publishing.", Date(asOf), tasks, path);

    public override string ReportToFill => ToFill;

    public override string ReportTitle(Inspection inspection) => F("{0}: report on the rectification after the inspection \"{1}\"", inspection.InspectedUnit ?? ToFill, inspection.Title);

    public override string ReportSubtitle(DateOnly asOf) => F("(draft, as of {0})", Date(asOf));

    public override string ReportOpening(Inspection inspection)
    {
        var start = inspection.PeriodStart is { } s ? Date(s) : ToFill;
        var end = inspection.PeriodEnd is { } e ? Date(e) : ToFill;
        var feedback = inspection.FeedbackDate is { } f ? Date(f) : ToFill;
        return F("From {0} to {1}, {2} inspected {3} and gave its feedback on {4}. This report sets out how the findings have been rectified.",
            start, end, inspection.InspectionGroup ?? ToFill, inspection.InspectedUnit ?? ToFill, feedback);
    }

    public override string ReportOrganisedHeading => "1. How the rectification was organised";

    public override string ReportAcceptHeading => "1.1 Accepting the findings";

    public override string ReportMeetings(Inspection inspection, IReadOnlyList<InspectionMeeting> meetings)
    {
        var held = meetings.Count == 0
            ? F("After the feedback meeting, meetings were held: {0} (dates, kinds and topics).", ToFill)
            : F("After the feedback meeting, {0} meetings were held: {1}.", meetings.Count, string.Join("; ", meetings.Select(m => F("{0}, {1}: {2}", Date(m.HeldOn), m.Kind, m.Topic.TrimEnd('.')))));
        return F("{0} accepted every finding and recommendation of the inspection group. {1}", inspection.InspectedUnit ?? ToFill, held);
    }

    public override string ReportLeadHeading => "1.2 Leadership and division of the work";

    public override string ReportLeadingGroup(IReadOnlyList<LeadingGroupMember> group, int aspects, int problems)
    {
        static string Name(LeadingGroupMember m) => m.Title is { Length: > 0 } title ? F2("{0} ({1})", m.Name, title) : m.Name;
        var leaders = group.Where(m => m.Role == LeadingRole.Leader).Select(Name).ToList();
        var deputies = group.Where(m => m.Role == LeadingRole.Deputy).Select(Name).ToList();
        var members = group.Where(m => m.Role == LeadingRole.Member).Select(Name).ToList();
        var composition = group.Count == 0
            ? F("led by {0}, with deputies {0} and members {0}", ToFill)
            : F("led by {0}{1}{2}", leaders.Count == 0 ? ToFill : string.Join(", ", leaders),
                deputies.Count == 0 ? "" : F(", with deputies {0}", string.Join(", ", deputies)),
                members.Count == 0 ? "" : F("; members: {0}", string.Join(", ", members)));
        return F("A rectification leading group was formed, {0}. For the {1} aspects and {2} problems of the feedback, problem, task and responsibility lists were drawn up as the rectification plan.",
            composition, aspects, problems);
    }

    private static string F2(string format, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);

    public override string ReportLedgerHeading => "1.3 The ledger and the figures";

    public override string ReportFiguresText(ReportFigures f, DateOnly asOf) =>
        F("Every item is tracked in a ledger and written off once done and verified. As of {0}, {1} measures were set for {2} problems: {3} done and written off, {4} done and awaiting write-off, {5} in progress, {6} not started and {7} ongoing{8}{9}. Completion rate: {10:0%} (measures written off divided by all measures).",
            Date(asOf), f.Measures, f.Problems, f.WrittenOff, f.Done, f.InProgress, f.NotStarted, f.Ongoing,
            f.Overdue > 0 ? F("; {0} overdue", f.Overdue) : "",
            f.Reopened > 0 ? F("; {0} reopened after a re-check", f.Reopened) : "",
            f.CompletionRate);

    public override string ReportAspectsHeading => "2. Rectification by aspect";

    public override string ReportAspectHeading(int index, string aspect) => F("2.{0} {1}", index + 1, aspect);

    public override string ReportMeasure(int index, ReportItem item, DateOnly asOf)
    {
        var note = string.IsNullOrWhiteSpace(item.Note) ? "" : " " + item.Note.Trim().TrimEnd('.') + ".";
        var reopened = item.Relapses > 0 ? "reopened after a re-check, " : "";
        var state = item.Status switch
        {
            RectificationStatus.WrittenOff => "was completed and written off." + note,
            RectificationStatus.Done => "was completed and awaits write-off." + note,
            RectificationStatus.Ongoing => "continues as an ongoing measure." + note,
            RectificationStatus.NotStarted when item.IsOverdue(asOf) => F("is {0}not started yet, {1} days overdue; it has been chased.", reopened, item.DaysOverdue(asOf)),
            RectificationStatus.NotStarted => F("is {0}not started yet; {1}.", reopened, Deadline(item)),
            _ when item.IsOverdue(asOf) => F("is {0}in progress ({1}% done), {2} days overdue; it has been chased.{3}", reopened, item.Percent, item.DaysOverdue(asOf), note),
            _ => F("is {0}in progress ({1}% done); {2}.{3}", reopened, item.Percent, Deadline(item), note),
        };
        return F("({0}) {1}: this measure {2}", index + 1, item.Measure.TrimEnd('.'), state);
    }

    private string Deadline(ReportItem item) => item.DueDate is { } due ? F("due by {0}", Date(due)) : F("deadline {0}", ToFill);

    public override string ReportAspectFigures(ReportFigures f) =>
        F("This aspect has {0} measures, {1} written off, completion rate {2:0%}{3}.", f.Measures, f.WrittenOff, f.CompletionRate, f.Overdue > 0 ? F(", {0} overdue", f.Overdue) : "");

    public override string ReportNextHeading => "3. What remains, and the long-term mechanism";

    public override string ReportNextIntro(Inspection inspection) => F("{0} will keep up the effort until every item is done.", inspection.InspectedUnit ?? ToFill);

    public override string ReportNothingOpen(int point) => F("({0}) Every measure with a deadline is done; the results will be consolidated so that problems do not return.", point + 1);

    public override string ReportOpenIntro(int point, int open) => F("({0}) {1} measures are still in progress and will be followed up until done on time:", point + 1, open);

    public override string ReportOpenDepartment(DepartmentItems department, DateOnly asOf) =>
        F("{0} ({1}): {2}.", department.Department ?? "no department named", department.Items.Count, string.Join("; ", department.Items.Select(i =>
            F("{0} ({1})", i.Measure.TrimEnd('.'), i.IsOverdue(asOf)
                ? F("due {0}, {1} days overdue, chased", Date(i.DueDate!.Value), i.DaysOverdue(asOf))
                : i.DueDate is { } due ? F("due {0}", Date(due)) : "deadline " + ToFill))));

    public override string ReportOngoingItems(int point, IReadOnlyList<ReportItem> ongoing) =>
        F("({0}) The {1} ongoing measures continue with undiminished effort and regular review: {2}.", point + 1, ongoing.Count,
            string.Join("; ", ongoing.Select(i => F("{0} ({1})", i.Measure.TrimEnd('.'), i.LeadDepartment ?? "no department named"))));

    public override string ReportRechecks(int point, int consolidated, IReadOnlyList<ReportItem> relapsed, DateOnly asOf)
    {
        if (consolidated == 0 && relapsed.Count == 0)
        {
            return F("({0}) Written-off items will be re-checked in due course so that problems do not return.", point + 1);
        }
        var relapsedText = relapsed.Count == 0
            ? "no problem had returned"
            : F("{0} had returned and were reopened with a new deadline: {1}", relapsed.Count, string.Join("; ", relapsed.Select(i =>
                F("{0} ({1}{2})", i.Measure.TrimEnd('.'), string.IsNullOrWhiteSpace(i.RelapseReason) ? "" : i.RelapseReason.Trim() + ", ",
                    i.Status == RectificationStatus.WrittenOff ? "written off again" : i.DueDate is { } due ? "due " + Date(due) : ToFill))));
        return F("({0}) Re-checks: as of {1}, {2} re-checks were made; {3} found the results holding and {4}.",
            point + 1, Date(asOf), consolidated + relapsed.Sum(i => i.Relapses), consolidated, relapsedText);
    }

    public override string ReportMechanism(int point) => F("({0}) Rules and systems will be built so that the causes, not only the symptoms, are addressed.", point + 1);

    public override string ReportIssuedOn(DateOnly date) => Date(date);

    public override string ReportAnnexLabel => "Annex";

    public override string ReportAnnexTitle => "Charts of the rectification";

    public override string ReportChartByAspect => "Figure 1. Measures by status, per aspect";

    public override string ReportChartOpenOverTime => "Figure 2. Open measures over time";

    public override string ReportChartMeasuresAxis => "Measures";

    public override string ReportChartOpenAxis => "Open measures";

    public override string ReportChartAspectLabel(int index) => F("Aspect {0}", index + 1);
}
