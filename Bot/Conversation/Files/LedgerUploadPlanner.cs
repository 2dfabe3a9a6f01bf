using Rectification.Data.Evidence;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation.Files;

/// <summary>
/// What importing a sheet sent in chat would do: the importer's own plan (<see cref="Plan"/>), or the sheet's row errors,
/// or not a ledger at all (a spreadsheet of evidence, say).
/// </summary>
public sealed record UploadPlan(bool IsLedger, ImportPlan? Plan, IReadOnlyList<ImportError> Errors)
{
    public static UploadPlan NotALedger { get; } = new(false, null, []);

    /// <summary>Names what the plan writes: a confirmation is for this plan, and a ledger that changed since makes another one.</summary>
    public string Hash => Plan is null ? "" : ImportPlanner.Fingerprint(Plan);
}

/// <summary>
/// The seam between chat and the importer: reads the sheet exactly as <c>import</c> does and asks the same
/// <see cref="ImportPlanner"/> for its dry-run plan (content matching, renumbering, removed-from-sheet, deadline changes,
/// row errors); on confirmation the planner writes that plan, or refuses when the ledger changed since.
/// </summary>
public sealed class LedgerUploadPlanner(ImportPlanner importer)
{
    public async Task<UploadPlan> PlanAsync(byte[] content, string name, FileType type, string sha256, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rectification-upload-");
        ImportReadResult read;
        try
        {
            // The reader goes by the extension; the content decided the type, whatever the file was called.
            var path = Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(name) + (type == FileTypes.Csv ? ".csv" : ".xlsx"));
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            read = LedgerSheetReader.Read(path, new LedgerReadOptions());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        if (read.Errors.Any(e => e.Code is ImportErrorCodes.HeaderNotFound or ImportErrorCodes.FileUnreadable))
        {
            return UploadPlan.NotALedger;
        }
        if (!read.Succeeded)
        {
            return new UploadPlan(true, null, read.Errors);
        }
        var plan = await importer.PlanAsync(read.Draft!, new ImportPlanOptions(name, sha256), cancellationToken);
        return plan.Succeeded ? new UploadPlan(true, plan, []) : new UploadPlan(true, null, plan.Errors);
    }

    public Task<ImportWriteResult> ApplyAsync(ImportPlan plan, Person person, DateTimeOffset now, CancellationToken cancellationToken) =>
        importer.ApplyAsync(plan, Actor.Person(person.Id, person.Name), now, cancellationToken);
}
