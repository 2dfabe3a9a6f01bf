using System.Globalization;
using Microsoft.Extensions.Options;
using Rectification.Bot.Cards;
using Rectification.Bot.Cli;
using Rectification.Bot.Hosting;
using Rectification.Bot.Texts;
using Rectification.Data.Evidence;
using Rectification.Data.Export;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation.Files;

/// <summary>
/// The chat engine's file side, free of Teams: files that came with a message (already checked and stored by the
/// edge) become the evidence of the report or write-off they belong to; the leader gets an evidence file back; the
/// admin gets the ledger and the report as the CLI makes them.
/// </summary>
public sealed class ChatFiles(
    EvidenceRepository evidence,
    LedgerUploads uploads,
    LedgerUploadPlanner planner,
    LedgerQueries queries,
    LedgerCalendar calendar,
    IServiceProvider services,
    IOptions<FilesOptions> options,
    IOptions<Hosting.LedgerOptions> ledgerOptions)
{
    public const string GetEvidenceAction = "evidence_get";

    public const string ConfirmImportAction = "import_confirm";

    private TimeSpan ClaimWindow => options.Value.ClaimWindow;

    /// <summary>
    /// Reads this turn's files into the command: a message of files alone answers an open evidence or note question,
    /// or is kept for the next report or request; a write-off without words gets the files (this turn's or kept ones)
    /// as its evidence. Returns a response when the turn ends here.
    /// </summary>
    public async Task<(ChatCommand Command, ChatResponse? Done)> InterpretAsync(UiText t, ChatRequest request, FlowState? state, ChatCommand command,
        CancellationToken cancellationToken)
    {
        var received = request.Files ?? [];
        if (command is ChatCommand.Unknown unknown && FileCommandWords.Recognize(unknown.Text) is { } asked)
        {
            return (asked, null);
        }
        if (received.Count > 0 && string.IsNullOrWhiteSpace(request.Text) && request.Submit is null)
        {
            var names = received.Select(f => f.Name).ToList();
            if (state is null && received.Count == 1 && await LedgerUploadAsync(t, request, received[0], cancellationToken) is { } planned)
            {
                return (command, ChatResponse.Say(null, [.. planned]));
            }
            if (state is { Step: FlowStep.Evidence or FlowStep.Note })
            {
                return (new ChatCommand.Unknown(t.EvidenceSummary(names)), null);
            }
            return (command, ChatResponse.Say(state, new Reply.Text(state is null ? t.FilesReceived(names) : t.FilesAddedToFlow(names))));
        }
        if (command is ChatCommand.RequestWriteOff { Evidence: null } writeOff)
        {
            var kept = await evidence.UnclaimedAsync(request.Person.Id, request.Now - ClaimWindow, cancellationToken);
            if (kept.Count > 0)
            {
                return (writeOff with { Evidence = t.EvidenceSummary(kept.Select(f => f.Name).ToList()) }, null);
            }
        }
        return (command, null);
    }

    /// <summary>
    /// A ledger sheet sent on its own: an admin gets the dry-run plan with 确认导入, anyone else is told only admins
    /// import. Null when the file is not a ledger (a spreadsheet of evidence, say): it stays evidence.
    /// </summary>
    private async Task<IReadOnlyList<Reply>?> LedgerUploadAsync(UiText t, ChatRequest request, ReceivedFile file, CancellationToken cancellationToken)
    {
        if (await evidence.GetAsync(file.EvidenceId, cancellationToken) is not { } stored
            || (stored.ContentType != FileTypes.Xlsx.ContentType && stored.ContentType != FileTypes.Csv.ContentType)
            || await evidence.ContentAsync(stored, cancellationToken) is not { } content)
        {
            return null;
        }
        var type = stored.ContentType == FileTypes.Csv.ContentType ? FileTypes.Csv : FileTypes.Xlsx;
        var plan = await planner.PlanAsync(content, stored.Name, type, stored.Sha256, cancellationToken);
        if (!plan.IsLedger)
        {
            return null;
        }
        await evidence.DiscardUnclaimedAsync(stored.Id, request.Person.Id, "ledger upload", request.Now, cancellationToken);
        if (!request.Person.IsAdmin)
        {
            return [new Reply.Text(t.ImportOnlyAdmins)];
        }
        if (plan.Plan is not { } importPlan)
        {
            return [Failed(t, plan.Errors)];
        }
        if (!importPlan.HasChanges)
        {
            return [new Reply.Text(t.ImportPlanNothing)];
        }
        var id = await uploads.CreateAsync(request.Person.Id, request.Person.Name, stored.Name, stored.Sha256, content, plan.Hash, request.Now, cancellationToken);
        return [FileCards.ImportPlan(t, stored.Name, importPlan, id, stored.Sha256)];
    }

    private static Reply.Text Failed(UiText t, IReadOnlyList<ImportError> errors) =>
        new(string.Join('\n', [t.ImportFailed(errors.Count), .. errors.Select(t.Describe)]));

    /// <summary>
    /// 确认导入: imports the upload the button names, if it is the same file (sha256) and the importer's plan is still the
    /// one shown; a plan that changed meanwhile is shown again for a new confirmation, and the importer itself refuses a
    /// plan the ledger moved away from between this check and its write.
    /// </summary>
    public async Task<Reply> ConfirmImportAsync(UiText t, Person person, CardSubmit submit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!person.IsAdmin)
        {
            return new Reply.Text(t.ImportOnlyAdmins);
        }
        if (!long.TryParse(submit["upload"], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await uploads.GetPlannedAsync(id, person.Id, cancellationToken) is not { } upload
            || upload.Sha256 != submit["sha256"])
        {
            return new Reply.Text(t.ImportUploadGone);
        }
        var type = FileTypes.Detect(upload.Content, upload.Name) == FileTypes.Csv ? FileTypes.Csv : FileTypes.Xlsx;
        var plan = await planner.PlanAsync(upload.Content, upload.Name, type, upload.Sha256, cancellationToken);
        if (plan.Plan is not { } importPlan)
        {
            return Failed(t, plan.Errors);
        }
        if (plan.Hash != submit["plan"] || plan.Hash != upload.PlanHash)
        {
            await uploads.ReplanAsync(upload, person.Name, plan.Hash, now, cancellationToken);
            return FileCards.ImportPlan(t, upload.Name, importPlan, upload.Id, upload.Sha256, t.ImportPlanChanged);
        }
        if (!await uploads.ClaimForImportAsync(upload, person.Name, now, cancellationToken))
        {
            return new Reply.Text(t.ImportUploadGone);
        }
        var written = await planner.ApplyAsync(importPlan, person, now, cancellationToken);
        return written.Succeeded ? new Reply.Text(t.ImportApplied(written.Summary!, importPlan.Inspection.Title)) : Failed(t, written.Errors);
    }

    /// <summary>Ties the person's recent files to what was just saved; their names, for the reply.</summary>
    public async Task<IReadOnlyList<EvidenceFile>> ClaimAsync(long personId, long taskId, long? writeOffId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await evidence.ClaimAsync(personId, taskId, writeOffId, now - ClaimWindow, now, cancellationToken);

    public Task<IReadOnlyList<EvidenceFile>> ForWriteOffAsync(long writeOffId, CancellationToken cancellationToken) =>
        evidence.ForWriteOffAsync(writeOffId, cancellationToken);

    /// <summary>The evidence list under a task's detail, with a button per file; nothing when there is none or the person may not see it.</summary>
    public async Task<IReadOnlyList<Reply>> EvidenceListAsync(UiText t, Person person, string code, CancellationToken cancellationToken)
    {
        if (await queries.FindByCodeAsync(code, cancellationToken) is not { } detail || !LedgerPermissions.CanSee(person, detail))
        {
            return [];
        }
        var files = await evidence.ForTaskAsync(detail.Task.Id, cancellationToken);
        return files.Count == 0 ? [] : [FileCards.EvidenceList(t, detail.Task.Code, files)];
    }

    /// <summary>An evidence file for whoever may see its task (the officers, the supervising leaders, the admins).</summary>
    public async Task<Reply> GetEvidenceAsync(UiText t, Person person, string? id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var evidenceId)
            || await evidence.GetAsync(evidenceId, cancellationToken) is not { TaskId: { } taskId } file
            || await queries.GetAsync(taskId, cancellationToken) is not { } task
            || !LedgerPermissions.CanSee(person, task)
            || await evidence.ContentAsync(file, cancellationToken) is not { } content)
        {
            return new Reply.Text(t.EvidenceNotFound);
        }
        return new Reply.File(file.Name, content, "evidence", "—");
    }

    /// <summary>
    /// 导出台账, 生成通报 and 导出人员名单: the same files the CLI verbs write, made by running those verbs into a temporary
    /// folder. The roster (emails, account ids, who is admin) is for the rectification office only.
    /// </summary>
    public async Task<Reply> ProduceAsync(UiText t, Person person, ChatCommand command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = calendar.Today(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var english = t.Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        if (command is ChatCommand.ExportRoster)
        {
            return person.IsAdmin
                ? await RunVerbAsync(t, t.RosterFileName(day), "roster",
                    path => ["export", path], PeopleCommand.RunAsync, "dotnet run --project Bot -- people export roster.xlsx", cancellationToken)
                : new Reply.Text(t.RosterOnlyAdmins);
        }
        if (!person.IsAdmin)
        {
            // A leader gets the ledger of the departments they supervise; the report speaks for the whole unit.
            return person.IsLeader && command is ChatCommand.ExportLedger
                ? await LeaderLedgerAsync(t, person, english ? $"rectification-ledger-{day}.xlsx" : $"整改台账-{day}.xlsx", english, now, cancellationToken)
                : new Reply.Text(t.ExportOnlyAdmins);
        }
        return command is ChatCommand.DraftReport
            ? await RunVerbAsync(t, english ? $"rectification-report-{day}.docx" : $"整改情况通报-{day}.docx", "report",
                path => ["--out", path], ReportCommand.RunAsync, "dotnet run --project Bot -- report --out report.docx", cancellationToken)
            : await RunVerbAsync(t, english ? $"rectification-ledger-{day}.xlsx" : $"整改台账-{day}.xlsx", "ledger",
                path => [path], ExportCommand.RunAsync, "dotnet run --project Bot -- export ledger.xlsx", cancellationToken);
    }

    private async Task<Reply> LeaderLedgerAsync(UiText t, Person person, string name, bool english, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inspections = await queries.InspectionsAsync(cancellationToken);
        if (inspections.Count != 1)
        {
            return new Reply.Text(t.ExportFailed(inspections.Count == 0 ? t.ExportNothing : t.ExportChooseInspection([.. inspections.Select(i => i.Title)])));
        }
        var folder = Directory.CreateTempSubdirectory("rectification-file-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            var texts = (english ? UiText.EnUs : UiText.ZhCn).WorkbookTexts;
            await new LedgerExporter(queries, calendar, evidence).ExportAsync(path, inspections[0], english ? LedgerLanguage.English : LedgerLanguage.Chinese, texts,
                ledgerOptions.Value.DueSoonDays, now, new TaskScope.Leader(person.Id), cancellationToken);
            return new Reply.File(name, await File.ReadAllBytesAsync(path, cancellationToken), "ledger", "dotnet run --project Bot -- export ledger.xlsx");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private delegate Task<int> Verb(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken);

    private async Task<Reply> RunVerbAsync(UiText t, string name, string kind, Func<string, string[]> args, Verb verb, string cli, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("rectification-file-");
        try
        {
            var path = Path.Combine(folder.FullName, name);
            using var output = new StringWriter(t.Culture);
            var code = await verb(services, args(path), t, output, cancellationToken);
            if (code != 0 || !File.Exists(path))
            {
                return new Reply.Text(t.ExportFailed(output.ToString().Trim()));
            }
            return new Reply.File(name, await File.ReadAllBytesAsync(path, cancellationToken), kind, cli);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
