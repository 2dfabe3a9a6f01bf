using System.Security.Cryptography;
using System.Text;
using Rectification.Data.Evidence;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation.Files;

/// <summary>What importing a sheet would do, by task code; Errors are the sheet's row errors, all of them.</summary>
public sealed record UploadPlan(
    bool IsLedger,
    LedgerDraft? Draft,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<string> New,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Renumbered)
{
    public static UploadPlan NotALedger { get; } = new(false, null, [], [], [], [], []);

    /// <summary>Names the plan: a confirmation is for this plan, and a ledger that changed since makes another one.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', [$"new:{string.Join(',', New)}", $"updated:{string.Join(',', Updated)}", $"unchanged:{string.Join(',', Unchanged)}",
            $"renumbered:{string.Join(',', Renumbered)}", $"errors:{Errors.Count}"]))))[..32];
}

/// <summary>
/// The seam between chat and the importer: reads the sheet exactly as <c>import</c> does, works out the plan without
/// writing, and on confirmation writes it with the CLI's importer. Until the importer's own dry-run plan (issue 9)
/// is in, the plan compares each row with the task of the same code in the same inspection, so it reports no
/// renumbering; the chat side stays the same when the importer's planner takes over here.
/// </summary>
public sealed class LedgerUploadPlanner(LedgerQueries queries, LedgerImportWriter writer)
{
    public async Task<UploadPlan> PlanAsync(byte[] content, string name, FileType type, CancellationToken cancellationToken)
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
            return new UploadPlan(true, null, read.Errors, [], [], [], []);
        }

        var draft = read.Draft!;
        var inspection = (await queries.InspectionsAsync(cancellationToken)).FirstOrDefault(i => i.Title == draft.Inspection.Title);
        List<string> created = [], updated = [], unchanged = [];
        foreach (var row in draft.Tasks)
        {
            var existing = inspection is null ? null : await queries.FindByCodeAsync(row.Code, cancellationToken);
            if (existing is null || existing.InspectionId != inspection!.Id)
            {
                created.Add(row.Code);
            }
            else
            {
                (Same(row, existing) ? unchanged : updated).Add(row.Code);
            }
        }
        return new UploadPlan(true, draft, [], created, updated, unchanged, []);
    }

    public Task<ImportWriteResult> ApplyAsync(LedgerDraft draft, Person person, DateTimeOffset now, CancellationToken cancellationToken) =>
        writer.WriteAsync(draft, Actor.Person(person.Id, person.Name), now, cancellationToken);

    private static bool Same(TaskDraft row, TaskDetail task) =>
        row.Measure == task.Task.Measure
        && row.Aspect == task.Task.Aspect
        && row.Problem == task.Task.Problem
        && (row.Leader ?? "") == (task.Task.Leader ?? "")
        && (row.LeadDepartment ?? "") == (task.Task.LeadDepartment ?? "")
        && row.Officers.Order(StringComparer.Ordinal).SequenceEqual(task.OfficerList.Select(o => o.Name).Order(StringComparer.Ordinal))
        && row.CoDepartments.Order(StringComparer.Ordinal).SequenceEqual(task.CoDepartments.Order(StringComparer.Ordinal))
        && (row.TimeLimit.Date is null || row.TimeLimit.Date == task.OriginalDueDate || row.TimeLimit.Date == task.Task.DueDate)
        && (row.Status is null || row.Status == task.Task.Status)
        && (row.Percent is null || row.Percent == task.Task.Percent);
}
