using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

/// <summary>The wording of the drafted rectification report (通报) and its command.</summary>
public abstract partial class UiText
{
    public abstract string ReportUsage { get; }
    public abstract string ReportPickInspection(IReadOnlyList<string> titles);
    public abstract string ReportWritten(string path, int tasks);
    public abstract string ReportTitle(Inspection inspection);
    public abstract string ReportSubtitle(Inspection inspection, DateOnly today);
    public abstract string ReportOpening(Inspection inspection);
    public abstract string ReportOverallHeading { get; }
    public abstract string ReportOverall(int problems, int measures, int writtenOff, int done, int open, int ongoing, int overdue);
    public abstract string ReportAspectsHeading { get; }
    public abstract string ReportAspectHeading(int index, string aspect);
    public abstract string ReportMeasure(int index, TaskDetail task, DateOnly today);
    public abstract string ReportAspectFigures(AspectFigures figures);
    public abstract string ReportNextHeading { get; }
    public abstract string ReportNothingOpen { get; }
    public abstract string ReportOpenItems(IReadOnlyList<TaskDetail> open, DateOnly today);
    public abstract string ReportOngoingItems(IReadOnlyList<TaskDetail> ongoing);
    public abstract string ReportClosing { get; }
}
