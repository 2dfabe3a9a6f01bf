namespace Rectification.Bot.Report;

/// <summary>
/// The counts a 通报 prints, for the whole inspection or one aspect. 完成率 is written-off measures over all measures:
/// only a verified write-off counts as finished.
/// </summary>
public sealed record ReportFigures(int Problems, int Measures, int WrittenOff, int Done, int InProgress, int NotStarted, int Ongoing, int Overdue, int Reopened)
{
    public double CompletionRate => Measures == 0 ? 0 : (double)WrittenOff / Measures;

    public static ReportFigures Of(IReadOnlyCollection<ReportItem> items, DateOnly asOf) => new(
        items.Select(i => (i.Aspect, i.Problem)).Distinct().Count(),
        items.Count,
        items.Count(i => i.Status == Data.Ledger.RectificationStatus.WrittenOff),
        items.Count(i => i.Status == Data.Ledger.RectificationStatus.Done),
        items.Count(i => i.Status == Data.Ledger.RectificationStatus.InProgress),
        items.Count(i => i.Status == Data.Ledger.RectificationStatus.NotStarted),
        items.Count(i => i.Status == Data.Ledger.RectificationStatus.Ongoing),
        items.Count(i => i.IsOverdue(asOf)),
        items.Count(i => i.Relapses > 0));
}
