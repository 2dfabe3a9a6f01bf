using Rectification.Bot.Report;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

/// <summary>The wording of the drafted rectification report (通报) and its command.</summary>
public abstract partial class UiText
{
    public abstract string ReportUsage { get; }
    public abstract string ReportPickInspection(IReadOnlyList<string> titles);
    public abstract string ReportBadAsOf(string text);
    public abstract string ReportWritten(string path, int tasks, DateOnly asOf);

    /// <summary>The visible mark for what the ledger does not know yet: the admin fills it in, the sentence stays whole.</summary>
    public abstract string ReportToFill { get; }
    public abstract string ReportTitle(Inspection inspection);
    public abstract string ReportSubtitle(DateOnly asOf);
    public abstract string ReportOpening(Inspection inspection);
    public abstract string ReportOrganisedHeading { get; }
    public abstract string ReportAcceptHeading { get; }
    public abstract string ReportMeetings(Inspection inspection, IReadOnlyList<InspectionMeeting> meetings);
    public abstract string ReportLeadHeading { get; }
    public abstract string ReportLeadingGroup(IReadOnlyList<LeadingGroupMember> group, int aspects, int problems);
    public abstract string ReportLedgerHeading { get; }
    public abstract string ReportFiguresText(ReportFigures figures, DateOnly asOf);
    public abstract string ReportAspectsHeading { get; }
    public abstract string ReportAspectHeading(int index, string aspect);
    public abstract string ReportMeasure(int index, ReportItem item, DateOnly asOf);
    public abstract string ReportAspectFigures(ReportFigures figures);
    public abstract string ReportNextHeading { get; }
    public abstract string ReportNextIntro(Inspection inspection);
    public abstract string ReportNothingOpen(int point);
    public abstract string ReportOpenIntro(int point, int open);
    public abstract string ReportOpenDepartment(DepartmentItems department, DateOnly asOf);
    public abstract string ReportOngoingItems(int point, IReadOnlyList<ReportItem> ongoing);
    public abstract string ReportRechecks(int point, int consolidated, IReadOnlyList<ReportItem> relapsed, DateOnly asOf);
    public abstract string ReportMechanism(int point);
    public abstract string ReportIssuedOn(DateOnly date);
    public abstract string ReportAnnexLabel { get; }
    public abstract string ReportAnnexTitle { get; }
    public abstract string ReportChartByAspect { get; }
    public abstract string ReportChartOpenOverTime { get; }
    public abstract string ReportChartMeasuresAxis { get; }
    public abstract string ReportChartOpenAxis { get; }
    public abstract string ReportChartAspectLabel(int index);
}
