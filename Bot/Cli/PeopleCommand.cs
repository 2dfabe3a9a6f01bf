using Rectification.Bot.Hosting;
using Rectification.Bot.Texts;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>people import &lt;roster.xlsx|csv&gt; [--dry-run]</c>, <c>people list</c>, <c>people export &lt;roster.xlsx&gt;</c> and
/// <c>people set &lt;name&gt; [--admin|--officer] [--leader "&lt;depts&gt;"] [--email e] [--object-id id|none] [--department d]</c>:
/// who is who, and who may do what. Import and set are all or nothing, print their plan first, and audit every person
/// they write. Exit 0 when written or shown, 1 for row errors, 2 for a usage error.
/// </summary>
public static class PeopleCommand
{
    public static readonly string[] Options = ["--leader", "--email", "--object-id", "--department"];

    public static readonly string[] Flags = ["--dry-run", "--admin", "--officer"];

    /// <summary>The sub-verbs whose positional argument is a file (resolved against the caller's directory).</summary>
    public static readonly string[] FileModes = ["import", "export"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        var mode = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        var positional = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
            && (i == 0 || !Options.Contains(args[i], StringComparer.OrdinalIgnoreCase))).ToList();
        bool Has(string flag) => args.Contains(flag, StringComparer.OrdinalIgnoreCase);
        string? Option(string name) => Array.FindIndex(args, a => a.Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var usesSetOptions = Options.Any(o => Option(o) is not null) || Has("--admin") || Has("--officer");
        var roster = services.GetRequiredService<RosterImport>();

        switch (mode)
        {
            case "list" when positional.Count == 0 && !usesSetOptions && !Has("--dry-run"):
                await services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo: true, cancellationToken);
                var entries = await roster.ListAsync(cancellationToken);
                await output.WriteLineAsync(entries.Count == 0 ? text.RosterEmpty : string.Join(Environment.NewLine, entries.Select(text.RosterListLine)));
                return 0;

            case "export" when positional is [var target] && !usesSetOptions && !Has("--dry-run"):
                if (!ImportCommand.HasExtension(target, ".xlsx"))
                {
                    await output.WriteLineAsync(text.CliWrongExtension(target, ".xlsx"));
                    return 2;
                }
                await services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo: true, cancellationToken);
                var everyone = await roster.ListAsync(cancellationToken);
                await AtomicFile.WriteAsync(target, async temporary =>
                {
                    await using var stream = File.Create(temporary);
                    await RosterWorkbook.WriteAsync(stream, everyone, text.RosterWorkbookTexts, cancellationToken);
                });
                await output.WriteLineAsync(text.RosterExported(everyone.Count, target));
                return 0;

            case "import" when positional is [var path] && !usesSetOptions:
                if (!ImportCommand.HasExtension(path, ".xlsx", ".csv", ".xls"))
                {
                    break;
                }
                if (!File.Exists(path))
                {
                    await output.WriteLineAsync(text.CliFileNotFound(path));
                    return 2;
                }
                var read = RosterSheet.Read(path);
                if (!read.Succeeded)
                {
                    return await FailAsync(read.Errors, text, output);
                }
                return await ApplyAsync(services, await roster.PlanAsync(read.Entries, cancellationToken), Has("--dry-run"), "people import", text, output, cancellationToken);

            case "set" when positional is [var name] && usesSetOptions && !(Has("--admin") && Has("--officer")):
                var edit = new PersonEdit(
                    IsAdmin: Has("--admin") ? true : Has("--officer") ? false : null,
                    Supervises: Option("--leader") is { } leads ? RosterSheet.Split(leads) : Has("--officer") ? [] : null,
                    Email: Option("--email"),
                    ObjectId: Option("--object-id") is { } objectId && !objectId.Equals(PersonEdit.NoObjectId, StringComparison.OrdinalIgnoreCase) ? objectId : null,
                    Department: Option("--department"),
                    UnlinkObjectId: Option("--object-id") is { } none && none.Equals(PersonEdit.NoObjectId, StringComparison.OrdinalIgnoreCase));
                return await ApplyAsync(services, await roster.PlanEditAsync(name, edit, cancellationToken), Has("--dry-run"), "people set", text, output, cancellationToken);
        }
        await output.WriteLineAsync(text.PeopleUsage);
        return 2;
    }

    private static async Task<int> ApplyAsync(IServiceProvider services, RosterPlan plan, bool dryRun, string actor, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        if (!plan.Succeeded)
        {
            return await FailAsync(plan.Errors, text, output);
        }
        foreach (var line in text.DescribeRosterPlan(plan))
        {
            await output.WriteLineAsync(line);
        }
        if (dryRun)
        {
            await output.WriteLineAsync(text.RosterDryRunDone);
            return 0;
        }
        var written = await services.GetRequiredService<RosterImport>().ApplyAsync(plan, Actor.System(actor), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        if (!written.Succeeded)
        {
            return await FailAsync(written.Errors, text, output);
        }
        await output.WriteLineAsync(text.RosterApplied(written.Created, written.Updated, written.Unchanged));
        return 0;
    }

    private static async Task<int> FailAsync(IReadOnlyList<ImportError> errors, UiText text, TextWriter output)
    {
        await output.WriteLineAsync(text.RosterFailed(errors.Count));
        foreach (var error in errors)
        {
            await output.WriteLineAsync(text.Describe(new RosterError(error)));
        }
        return 1;
    }
}
