using Rectification.Bot.Texts;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>inspection show [--inspection "&lt;title&gt;"]</c> and <c>inspection set [--inspection "&lt;title&gt;"] [--feedback-date d]
/// [--period a~b] [--group g] [--unit u]</c>: an inspection's particulars. --inspection is needed only when the ledger holds
/// several. A new feedback date moves the 立行立改 tasks due from the old one. Exit 0, 1 when there is no such inspection,
/// 2 for a usage error.
/// </summary>
public static class InspectionCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        var mode = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        if (InspectionSetupCommand.Handles(mode))
        {
            return await InspectionSetupAsync(services, args, text, output, cancellationToken);
        }
        // The same options as import, with a placeholder where import has its file.
        var options = mode is "show" or "set" ? ImportArguments.Parse(["-", .. args[1..]]) : null;
        if (options is null || options.DryRun || (mode == "show" && (options.FeedbackDate, options.PeriodStart, options.Group, options.Unit) != (null, null, null, null))
            || (mode == "set" && (options.FeedbackDate, options.PeriodStart, options.Group, options.Unit) == (null, null, null, null)))
        {
            await output.WriteLineAsync(text.InspectionUsage);
            return 2;
        }

        var inspections = await services.GetRequiredService<LedgerQueries>().InspectionsAsync(cancellationToken);
        Inspection? inspection = options.Inspection is { } title
            ? inspections.FirstOrDefault(i => i.Title == title)
            : inspections.Count == 1 ? inspections[0] : null;
        if (inspection is null)
        {
            await output.WriteLineAsync(options.Inspection is { } missing ? text.ExportUnknownInspection(missing)
                : inspections.Count == 0 ? text.ExportNothing : text.ExportChooseInspection(inspections.Select(i => i.Title).ToList()));
            return 1;
        }

        if (mode == "set")
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var update = (await services.GetRequiredService<InspectionParticulars>().SetAsync(inspection.Id,
                new InspectionDraft(inspection.Title, options.Unit, options.Group, options.PeriodStart, options.PeriodEnd, options.FeedbackDate),
                Actor.System("inspection set"), now, cancellationToken))!;
            foreach (var change in update.Changes)
            {
                await output.WriteLineAsync(text.ImportPlanInspectionChange(change));
            }
            await output.WriteLineAsync(text.InspectionSet(update.Changes.Count, update.ImmediateTasksRedated));
            inspection = (await services.GetRequiredService<LedgerQueries>().InspectionsAsync(cancellationToken)).First(i => i.Id == inspection.Id);
        }
        foreach (var line in text.InspectionDetails(inspection))
        {
            await output.WriteLineAsync(line);
        }
        return 0;
    }

    /// <summary>group, meeting and recheck: the inspection named by --inspection (or the only one), then the setup verb.</summary>
    private static async Task<int> InspectionSetupAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        var inspections = await services.GetRequiredService<LedgerQueries>().InspectionsAsync(cancellationToken);
        var title = CliOptions.Value(args, "--inspection")?.Trim();
        var inspection = title is not null ? inspections.FirstOrDefault(i => i.Title == title) : inspections.Count == 1 ? inspections[0] : null;
        if (inspection is null)
        {
            await output.WriteLineAsync(title is not null ? text.ExportUnknownInspection(title)
                : inspections.Count == 0 ? text.ExportNothing : text.ExportChooseInspection(inspections.Select(i => i.Title).ToList()));
            return 1;
        }
        return await InspectionSetupCommand.RunAsync(services, inspection, args, text, output, cancellationToken);
    }
}
