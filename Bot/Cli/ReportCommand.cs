using Rectification.Bot.Report;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary><c>report --out draft.docx [--inspection "title"]</c>: drafts the 整改情况的通报 from the ledger.</summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        var path = CliOptions.Value(args, "--out");
        if (path is null)
        {
            await output.WriteLineAsync(text.ReportUsage);
            return 2;
        }
        if (!ImportCommand.HasExtension(path, ".docx"))
        {
            await output.WriteLineAsync(text.CliWrongExtension(path, ".docx"));
            await output.WriteLineAsync(text.ReportUsage);
            return 2;
        }
        var queries = services.GetRequiredService<LedgerQueries>();
        var inspections = await queries.InspectionsAsync(cancellationToken);
        var title = CliOptions.Value(args, "--inspection");
        var inspection = title is null && inspections.Count == 1 ? inspections[0] : inspections.FirstOrDefault(i => i.Title == title);
        if (inspection is null)
        {
            await output.WriteLineAsync(text.ReportPickInspection(inspections.Select(i => i.Title).ToList()));
            return 2;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = services.GetRequiredService<LedgerCalendar>().Today(now);
        var tasks = new List<TaskDetail>();
        for (var skip = 0; ; skip += 500)
        {
            var page = await queries.ListAsync(TaskScope.Everything, TaskFilter.All, today, skip, 500, cancellationToken: cancellationToken);
            foreach (var summary in page.Items)
            {
                var detail = (await queries.GetAsync(summary.Id, cancellationToken))!;
                if (detail.InspectionId == inspection.Id)
                {
                    tasks.Add(detail);
                }
            }
            if (!page.HasMore)
            {
                break;
            }
        }
        var figures = (await queries.FiguresAsync(TaskScope.Everything, today, cancellationToken))
            .Where(f => tasks.Any(d => d.Task.Aspect == f.Aspect)).ToList();

        var report = RectificationReport.Build(text, inspection, figures, tasks, today);
        var full = Path.GetFullPath(path);
        await AtomicFile.WriteAsync(full, temporary => DocxReportWriter.Write(report, temporary));
        await output.WriteLineAsync(text.ReportWritten(full, tasks.Count));
        return 0;
    }

}
