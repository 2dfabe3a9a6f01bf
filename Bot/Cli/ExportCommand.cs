using Rectification.Bot.Texts;
using Rectification.Data.Export;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>export &lt;file.xlsx&gt; [--inspection "&lt;title&gt;"]</c>: one inspection's ledger, headers and status words in the
/// user's language. --inspection is needed only when the database holds several inspections.
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        if (CliArguments.Parse(args) is not { } arguments)
        {
            await output.WriteLineAsync(text.ExportUsage);
            return 2;
        }
        if (!ImportCommand.HasExtension(arguments.Path, ".xlsx"))
        {
            await output.WriteLineAsync(text.CliWrongExtension(arguments.Path, ".xlsx"));
            await output.WriteLineAsync(text.ExportUsage);
            return 2;
        }

        var queries = services.GetRequiredService<LedgerQueries>();
        var inspections = await queries.InspectionsAsync(cancellationToken);
        Inspection inspection;
        if (arguments.Inspection is { } title)
        {
            if (inspections.FirstOrDefault(i => i.Title == title.Trim()) is not { } found)
            {
                await output.WriteLineAsync(text.ExportUnknownInspection(title));
                return 2;
            }
            inspection = found;
        }
        else if (inspections.Count == 0)
        {
            await output.WriteLineAsync(text.ExportNothing);
            return 1;
        }
        else if (inspections.Count > 1)
        {
            await output.WriteLineAsync(text.ExportChooseInspection(inspections.Select(i => i.Title).ToList()));
            return 2;
        }
        else
        {
            inspection = inspections[0];
        }

        var exporter = new LedgerExporter(queries, services.GetRequiredService<LedgerCalendar>(), services.GetRequiredService<Data.Evidence.EvidenceRepository>());
        var language = text.Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? LedgerLanguage.English : LedgerLanguage.Chinese;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var dueSoonDays = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.LedgerOptions>>().Value.DueSoonDays;
        var count = 0;
        await AtomicFile.WriteAsync(arguments.Path, async temporary => count = await exporter.ExportAsync(temporary, inspection, language, text.WorkbookTexts, dueSoonDays, now, cancellationToken));
        await output.WriteLineAsync(text.ExportDone(count, arguments.Path));
        return 0;
    }
}
