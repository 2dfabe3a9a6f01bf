using Rectification.Bot.Texts;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>import &lt;file.xlsx|file.csv&gt; [--inspection "&lt;title&gt;"] [--feedback-date &lt;date&gt;] [--period &lt;start&gt;~&lt;end&gt;]
/// [--group "&lt;巡察组&gt;"] [--unit "&lt;被巡察单位&gt;"] [--dry-run]</c>: all or nothing. The plan (new, updated, renumbered,
/// unchanged, removed from the sheet, deadline changes) is printed first; --dry-run stops there, a real run writes exactly
/// that plan. Exit 0 when written or previewed, 1 when the sheet has errors (every one is printed with its row and
/// column), 2 for a usage error.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        if (ImportArguments.Parse(args) is not { } arguments)
        {
            await output.WriteLineAsync(text.ImportUsage);
            return 2;
        }
        if (HasExtension(arguments.Path, ".xls"))
        {
            return await FailAsync([new ImportError(0, null, ImportErrorCodes.FileXls)], text, output);
        }
        if (!HasExtension(arguments.Path, ".xlsx", ".csv"))
        {
            await output.WriteLineAsync(text.ImportUsage);
            return 2;
        }
        if (!File.Exists(arguments.Path))
        {
            await output.WriteLineAsync(text.CliFileNotFound(arguments.Path));
            return 2;
        }

        var queries = services.GetRequiredService<LedgerQueries>();
        var known = (await queries.InspectionsAsync(cancellationToken)).FirstOrDefault(i => i.Title == arguments.Inspection?.Trim());
        var read = LedgerSheetReader.Read(arguments.Path, new LedgerReadOptions(arguments.Inspection, known?.FeedbackDate?.Year,
            arguments.FeedbackDate, arguments.PeriodStart, arguments.PeriodEnd, arguments.Group, arguments.Unit));
        if (!read.Succeeded)
        {
            return await FailAsync(read.Errors, text, output);
        }

        var planner = services.GetRequiredService<ImportPlanner>();
        var plan = await planner.PlanAsync(read.Draft!, new ImportPlanOptions(Path.GetFileName(arguments.Path)), cancellationToken);
        if (!plan.Succeeded)
        {
            return await FailAsync(plan.Errors, text, output);
        }
        foreach (var line in text.DescribePlan(plan))
        {
            await output.WriteLineAsync(line);
        }
        if (arguments.DryRun)
        {
            await output.WriteLineAsync(text.ImportDryRunDone);
            return 0;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var written = await planner.ApplyAsync(plan, Actor.System("import"), now, cancellationToken);
        if (!written.Succeeded)
        {
            return await FailAsync(written.Errors, text, output);
        }
        await output.WriteLineAsync(text.ImportApplied(written.Summary!, plan.Inspection.Title));
        return 0;
    }

    private static async Task<int> FailAsync(IReadOnlyList<ImportError> errors, UiText text, TextWriter output)
    {
        await output.WriteLineAsync(text.ImportFailed(errors.Count));
        foreach (var error in errors)
        {
            await output.WriteLineAsync(text.Describe(error));
        }
        return 1;
    }

    internal static bool HasExtension(string path, params string[] extensions) =>
        extensions.Any(e => Path.GetExtension(path).Equals(e, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The arguments of import: one file and options; an unknown option, a missing value or a bad date is a usage error.</summary>
internal sealed record ImportArguments(string Path, string? Inspection, DateOnly? FeedbackDate, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    string? Group, string? Unit, bool DryRun)
{
    public static ImportArguments? Parse(string[] args)
    {
        string? path = null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var dryRun = false;
        string[] named = ["--inspection", "--feedback-date", "--period", "--group", "--unit"];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Equals("--dry-run", StringComparison.OrdinalIgnoreCase))
            {
                dryRun = true;
            }
            else if (named.Contains(args[i], StringComparer.OrdinalIgnoreCase))
            {
                if (i + 1 >= args.Length || !values.TryAdd(args[i], args[i + 1]))
                {
                    return null;
                }
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) || path is not null)
            {
                return null;
            }
            else
            {
                path = args[i];
            }
        }
        if (path is null)
        {
            return null;
        }
        DateOnly? feedback = null;
        if (values.TryGetValue("--feedback-date", out var feedbackText))
        {
            if (TimeLimitParser.ParseExactDate(feedbackText) is not ({ } date, true))
            {
                return null;
            }
            feedback = date;
        }
        (DateOnly Start, DateOnly End)? period = null;
        if (values.TryGetValue("--period", out var periodText) && (period = SheetMetadata.Period(periodText)) is null)
        {
            return null;
        }
        return new ImportArguments(path, Value(values, "--inspection"), feedback, period?.Start, period?.End, Value(values, "--group"), Value(values, "--unit"), dryRun);
    }

    private static string? Value(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>The arguments of export: one file and an optional --inspection title; anything else is a usage error.</summary>
internal sealed record CliArguments(string Path, string? Inspection)
{
    public static CliArguments? Parse(string[] args)
    {
        string? path = null;
        string? inspection = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Equals("--inspection", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= args.Length || inspection is not null)
                {
                    return null;
                }
                inspection = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) || path is not null)
            {
                return null;
            }
            else
            {
                path = args[i];
            }
        }
        return path is null ? null : new CliArguments(path, string.IsNullOrWhiteSpace(inspection) ? null : inspection);
    }
}
