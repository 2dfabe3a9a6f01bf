using System.Globalization;
using Rectification.Bot.Report;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>report --out draft.docx [--inspection "title"] [--as-of 2021-12-31] [--no-charts]</c>: drafts the 整改情况的通报 of
/// one inspection, as the ledger stands now or as it stood at the end of an earlier day.
/// </summary>
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
        var title = CliOptions.Value(args, "--inspection")?.Trim();
        var inspection = title is null && inspections.Count == 1 ? inspections[0] : inspections.FirstOrDefault(i => i.Title == title);
        if (inspection is null)
        {
            await output.WriteLineAsync(text.ReportPickInspection(inspections.Select(i => i.Title).ToList()));
            return 2;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = services.GetRequiredService<LedgerCalendar>().Today(now);
        var asOf = today;
        if (CliOptions.Value(args, "--as-of") is { } asOfText)
        {
            if (!DateOnly.TryParseExact(asOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf) || asOf > today)
            {
                await output.WriteLineAsync(text.ReportBadAsOf(asOfText));
                return 2;
            }
        }

        var drafter = ActivatorUtilities.GetServiceOrCreateInstance<ReportDrafter>(services);
        var input = await drafter.GatherAsync(text, inspection, asOf, now, charts: !args.Contains("--no-charts", StringComparer.OrdinalIgnoreCase), cancellationToken);
        var report = RectificationReport.Build(text, input);
        var full = Path.GetFullPath(path);
        await AtomicFile.WriteAsync(full, temporary => DocxReportWriter.Write(report, temporary));
        await output.WriteLineAsync(text.ReportWritten(full, input.Items.Count, asOf));
        return 0;
    }
}
