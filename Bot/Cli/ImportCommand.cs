using Rectification.Bot.Texts;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>import &lt;file.xlsx|file.csv&gt; [--inspection "&lt;title&gt;"]</c>: all or nothing. Exit 0 when written, 1 when the sheet
/// has errors (every one is printed with its row and column), 2 for a usage error.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        if (CliArguments.Parse(args) is not { } arguments || !HasExtension(arguments.Path, ".xlsx", ".csv"))
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
        var read = LedgerSheetReader.Read(arguments.Path, new LedgerReadOptions(arguments.Inspection, known?.FeedbackDate?.Year));
        if (!read.Succeeded)
        {
            return await FailAsync(read.Errors, text, output);
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var draft = read.Draft!;
        var written = await services.GetRequiredService<LedgerImportWriter>().WriteAsync(draft, Actor.System("import"), now, cancellationToken);
        if (!written.Succeeded)
        {
            return await FailAsync(written.Errors, text, output);
        }
        await output.WriteLineAsync(text.ImportDone(written.Summary!, draft.Inspection.Title));
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

/// <summary>The arguments of import and export: one file and an optional --inspection title; anything else is a usage error.</summary>
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
