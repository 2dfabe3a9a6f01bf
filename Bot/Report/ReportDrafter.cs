using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Report;

/// <summary>
/// Gathers what one inspection's report is written from, as the ledger stood at the end of <c>asOf</c> (today: as it
/// stands now), and writes the .docx.
/// </summary>
public sealed class ReportDrafter(ReportHistory history, ReportSetup setup, LedgerCalendar calendar)
{
    private const int ChartSamples = 12;

    public async Task<ReportInput> GatherAsync(UiText t, Inspection inspection, DateOnly asOf, DateTimeOffset now, bool charts, CancellationToken cancellationToken)
    {
        var today = calendar.Today(now);
        var tasks = await history.TasksAsync(inspection.Id, cancellationToken);
        // The end of the as-of day in the ledger's zone; today's report is simply the present.
        var cutoff = asOf >= today ? now : calendar.DeadlineEnds(asOf).AddTicks(-1);
        var items = asOf >= today
            ? tasks.Select(h => LedgerReplay.Now(h, calendar)).ToList()
            : tasks.Select(h => LedgerReplay.At(h, cutoff, calendar)).OfType<ReportItem>().ToList();
        var group = await setup.LeadingGroupAsync(inspection.Id, cancellationToken);
        var meetings = (await setup.MeetingsAsync(inspection.Id, cancellationToken)).Where(m => m.HeldOn <= asOf).ToList();
        var drawn = charts && items.Count > 0
            ? new[] { ReportCharts.ByAspect(t, items), ReportCharts.OpenOverTime(t, OpenSeries(tasks, cutoff)) }
            : [];
        return new ReportInput(inspection, group, meetings, items, asOf, drawn);
    }

    /// <summary>Open measures at evenly spaced days from the first task to the cutoff.</summary>
    private List<(DateOnly Day, int Open)> OpenSeries(IReadOnlyList<TaskHistory> tasks, DateTimeOffset cutoff)
    {
        var first = calendar.Today(tasks.Min(h => h.CreatedAt));
        var last = calendar.Today(cutoff);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var days = Enumerable.Range(0, ChartSamples + 1)
            .Select(i => first.AddDays((int)Math.Round((double)span * i / ChartSamples)))
            .Distinct()
            .ToList();
        return days.Select(day =>
        {
            var at = day >= last ? cutoff : calendar.DeadlineEnds(day).AddTicks(-1);
            return (day, tasks.Select(h => LedgerReplay.At(h, at, calendar)).Count(i => i is { IsOpen: true }));
        }).ToList();
    }
}
