using System.Globalization;
using Microsoft.Extensions.Options;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation.Files;
using Rectification.Bot.Conversation.Flows;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>
/// One chat turn, from a message of a known person to what the bot answers: picks the command (typed or a card
/// submit), answers queries within the person's role scope, runs the flows and carries out what they ask for.
/// Knows nothing of Teams: the handler at the edge turns the response into activities.
/// </summary>
public sealed class ChatEngine(
    LedgerQueries queries,
    LedgerChanges changes,
    PeopleRepository people,
    LedgerCalendar calendar,
    CommandParser parser,
    ReminderActions reminderActions,
    ChatFiles files,
    IOptions<LedgerOptions> options)
{
    private static readonly string[] PendingWords = ["待审批", "待办", "审批", "待我审批", "pending", "approvals", "to approve"];

    // What Teams' command menu sends for "task" before the user adds a code.
    private static readonly string[] TaskWords = ["任务", "查看", "详情", "查看任务", "task", "show", "details"];

    private readonly FlowSteps _flows = new(parser);

    private int DueSoonDays => options.Value.DueSoonDays;

    /// <summary>
    /// The language of the reply: the message's own (Chinese or English words), else the flow's, else the one the
    /// person last wrote in, else the Teams client's locale.
    /// </summary>
    private UiText LanguageOf(ChatRequest request, FlowState? state) =>
        UiText.For(parser.DetectLanguage(request.Text) ?? state?.Locale ?? request.Person.Language ?? request.Locale);

    public async Task<ChatResponse> HandleAsync(ChatRequest request, FlowState? state, CancellationToken cancellationToken)
    {
        var t = LanguageOf(request, state);
        var today = calendar.Today(request.Now);
        if (parser.DetectLanguage(request.Text) is { } written && written != request.Person.Language)
        {
            await people.SetLanguageAsync(request.Person.Id, written, cancellationToken);
        }

        if (request.Submit is { } submit)
        {
            switch (submit.Action)
            {
                case "more":
                    return ChatResponse.Say(state, await MoreAsync(t, request, submit, today, cancellationToken));
                case "decide_writeoff":
                case "decide_extension":
                    return await DecideAsync(t, request, submit, state, cancellationToken);
                case ChatFiles.GetEvidenceAction:
                    return ChatResponse.Say(state, await files.GetEvidenceAsync(t, request.Person, submit["id"], cancellationToken));
                case ChatFiles.ConfirmImportAction:
                    return ChatResponse.Say(state, await files.ConfirmImportAsync(t, request.Person, submit, request.Now, cancellationToken));
                case ReminderActions.SnoozeAction:
                case ReminderActions.AcknowledgeAction:
                    return ChatResponse.Say(state, [.. await reminderActions.HandleAsync(request.Person, submit, request.Now, t, cancellationToken)]);
            }
        }

        var command = request.Submit is { } card ? FromCard(card) : parser.Parse(request.Text, today);
        (command, var filesDone) = await files.InterpretAsync(t, request, state, command, cancellationToken);
        if (filesDone is not null)
        {
            return filesDone;
        }
        if (command is ChatCommand.Unknown unknown && PendingWords.Contains(unknown.Text.Trim().ToLowerInvariant()))
        {
            return new ChatResponse(await PendingAsync(t, request.Person, cancellationToken), state, [], []);
        }
        if (state is null && command is ChatCommand.Unknown bare && TaskWords.Contains(bare.Text.Trim().ToLowerInvariant()))
        {
            var mine = await ReportableAsync(request.Person, today, cancellationToken);
            return ChatResponse.Say(null, mine.Count == 0 ? new Reply.Text(t.AskCodeNoTasks) : TaskCards.PickTask(t, mine, today));
        }
        if (command is ChatCommand.Cancel)
        {
            return ChatResponse.Say(null, new Reply.Text(state is null ? t.NothingToCancel : t.Cancelled));
        }
        if (request.Submit is { Action: "confirm" or "cancel" } pressed && pressed["flow"] is { } flowId && flowId != state?.FlowId)
        {
            // A button on an older card: its flow is over or was replaced, and must not confirm the current one.
            return ChatResponse.Say(state, new Reply.Text(t.CardOutOfDate));
        }
        if (state is not null && request.Submit is not null && command is ChatCommand.TaskDetail picked && state.Step != FlowStep.Code)
        {
            // "Details" pressed on an older list while a question is open: show it, and keep the question open.
            return ChatResponse.Say(state, await DetailAsync(t, request.Person, picked.Code, today, cancellationToken));
        }
        if (state is not null && ContinuesFlow(state, command))
        {
            if (command is ChatCommand.TaskDetail && state.Step != FlowStep.Code && request.Text is { Length: > 0 } answer)
            {
                command = new ChatCommand.Unknown(answer.Trim());
            }
            return await StepAsync(t, request, state, command, today, cancellationToken);
        }
        if (FlowSteps.Start(command, NewFlowId()) is { } started)
        {
            started.Locale = t.Locale;
            var lead = command is ChatCommand.ReportProgress { Code: null, Percent: null, Status: null, Note: null }
                ? TaskCards.ProgressForm(t, await ReportableAsync(request.Person, today, cancellationToken), null, started.FlowId)
                : null;
            var response = await StepAsync(t, request, started, command, today, cancellationToken);
            return lead is null || response.NextState?.Step != FlowStep.Code ? response : response with { Replies = [new Reply.Text(t.AskWhichTaskOrForm), lead] };
        }

        // Any other command leaves a flow in progress behind: the user has moved on.
        var replies = command switch
        {
            ChatCommand.Help => [new Reply.Text(t.Help(request.Person.IsLeader, request.Person.IsAdmin))],
            ChatCommand.MyTasks => [await ListAsync(t, request.Person, "mine", null, 0, today, cancellationToken)],
            ChatCommand.DueSoon => [await ListAsync(t, request.Person, "due", null, 0, today, cancellationToken)],
            ChatCommand.Overdue o => [await ListAsync(t, request.Person, "overdue", o.Filter, 0, today, cancellationToken)],
            ChatCommand.TaskDetail d => [await DetailAsync(t, request.Person, d.Code, today, cancellationToken), .. await files.EvidenceListAsync(t, request.Person, d.Code, cancellationToken)],
            ChatCommand.ExportLedger or ChatCommand.DraftReport or ChatCommand.ExportRoster => [await files.ProduceAsync(t, request.Person, command, request.Now, cancellationToken)],
            ChatCommand.Summary => [await SummaryAsync(t, request.Person, today, cancellationToken)],
            ChatCommand.Confirm or ChatCommand.Decline => [new Reply.Text(t.NothingToConfirm)],
            ChatCommand.InvalidInput invalid => [new Reply.Text(t.Invalid(invalid.Reason, invalid.Detail))],
            _ => new Reply[] { new Reply.Text(t.DidNotUnderstand) },
        };
        return ChatResponse.Say(null, replies);
    }

    private static bool ContinuesFlow(FlowState state, ChatCommand command) => command switch
    {
        ChatCommand.Unknown or ChatCommand.Confirm or ChatCommand.Decline or ChatCommand.InvalidInput => true,
        // A bare number while a question is open is its answer ("80" for the percent), not a request for task 80.
        ChatCommand.TaskDetail => true,
        ChatCommand.ReportProgress r => state.Kind == FlowKind.Progress && (r.Code is null || r.Code == state.Code),
        _ => false,
    };

    private static string NewFlowId() => Guid.NewGuid().ToString("N");

    /// <summary>A card submit becomes the same command typed text would: one flow code for both.</summary>
    private ChatCommand FromCard(CardSubmit submit) => submit.Action switch
    {
        "confirm" => new ChatCommand.Confirm(),
        "cancel" => new ChatCommand.Cancel(),
        "pick" when submit["code"] is { } code => new ChatCommand.TaskDetail(code),
        "progress_start" => new ChatCommand.ReportProgress(submit["code"], null, null, null),
        "writeoff_start" => new ChatCommand.RequestWriteOff(submit["code"], null),
        "extension_start" => new ChatCommand.RequestExtension(submit["code"], null, null),
        "progress" => FromProgressForm(submit),
        _ => new ChatCommand.Unknown(submit.Action),
    };

    private ChatCommand FromProgressForm(CardSubmit submit)
    {
        int? percent = null;
        if (submit["percent"] is { } text)
        {
            if (!parser.TryParsePercent(text, out var value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
            {
                return new ChatCommand.InvalidInput(InvalidInputReason.PercentNotWhole, text);
            }
            if (!CommandParser.IsPercentInRange(value))
            {
                return new ChatCommand.InvalidInput(InvalidInputReason.PercentOutOfRange, text);
            }
            percent = value;
        }
        var note = submit["note"];
        if (note is { Length: > 2000 })
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.TooLong);
        }
        return new ChatCommand.ReportProgress(submit["code"], percent, percent == 100 ? RectificationStatus.Done : null, note);
    }

    private async Task<ChatResponse> StepAsync(UiText t, ChatRequest request, FlowState state, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        var code = _flows.CodeAfter(state, command);
        var (task, access) = await CheckAsync(request.Person, code, cancellationToken);
        var mine = state.Code is null && code is null || access != TaskAccess.Ok
            ? await ReportableAsync(request.Person, today, cancellationToken)
            : [];
        var result = _flows.Next(state, command, new FlowContext(t, today, task, access, mine));
        if (result.Effect is null)
        {
            return ChatResponse.Say(result.Next, [.. result.Replies]);
        }
        return await ApplyAsync(t, request, state, result.Effect, today, cancellationToken);
    }

    private async Task<(TaskSummary? Task, TaskAccess Access)> CheckAsync(Person person, string? code, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return (null, TaskAccess.NoCode);
        }
        var detail = await queries.FindByCodeAsync(code, cancellationToken);
        if (detail is null)
        {
            return (null, TaskAccess.NotFound);
        }
        return LedgerPermissions.CanReport(person, detail) ? (detail.Task, TaskAccess.Ok) : (detail.Task, TaskAccess.Forbidden);
    }

    private async Task<IReadOnlyList<TaskSummary>> ReportableAsync(Person person, DateOnly today, CancellationToken cancellationToken) =>
        (await queries.ListAsync(new TaskScope.Officer(person.Id), TaskFilter.Active, today, 0, 50, cancellationToken: cancellationToken)).Items;

    private async Task<ChatResponse> ApplyAsync(UiText t, ChatRequest request, FlowState state, FlowEffect effect, DateOnly today, CancellationToken cancellationToken)
    {
        var person = request.Person;
        var source = request.Submit is null ? "chat" : "card";
        switch (effect)
        {
            case FlowEffect.SaveProgress save:
            {
                var result = await changes.RecordProgressAsync(new ProgressReport(save.Task.Id, person.Id, save.Done ? 100 : save.Percent,
                    save.Done || save.Percent == 100 ? RectificationStatus.Done : null, save.Note, source, save.IdempotencyKey, request.Now), cancellationToken);
                var reply = result.Outcome switch
                {
                    ChangeOutcome.Done => t.ProgressSaved(save.Task.Code, save.Done ? 100 : save.Percent ?? save.Task.Percent, save.Done || save.Percent == 100),
                    ChangeOutcome.Duplicate => t.ProgressAlreadySaved(save.Task.Code),
                    _ => t.ChangeRefused(result, save.Task.Code),
                };
                var attached = result.Outcome == ChangeOutcome.Done ? await files.ClaimAsync(person.Id, save.Task.Id, null, request.Now, cancellationToken) : [];
                return ChatResponse.Say(null, new Reply.Text(attached.Count == 0 ? reply : $"{reply}\n{t.EvidenceAttached([.. attached.Select(f => f.Name)])}"));
            }
            case FlowEffect.RequestWriteOff writeOff:
            {
                if (writeOff.Task.Status != RectificationStatus.Done)
                {
                    // Asking to write an item off says it is done: record that first, with the evidence as the note.
                    var done = await changes.RecordProgressAsync(new ProgressReport(writeOff.Task.Id, person.Id, 100, RectificationStatus.Done,
                        writeOff.Evidence, source, $"writeoff:{state.FlowId}", request.Now), cancellationToken);
                    if (done.Outcome is not (ChangeOutcome.Done or ChangeOutcome.Duplicate))
                    {
                        return ChatResponse.Say(null, new Reply.Text(t.ChangeRefused(done, writeOff.Task.Code)));
                    }
                }
                var result = await changes.RequestWriteOffAsync(writeOff.Task.Id, person.Id, writeOff.Evidence, request.Now, cancellationToken);
                if (!result.Succeeded)
                {
                    return ChatResponse.Say(null, new Reply.Text(t.ChangeRefused(result, writeOff.Task.Code)));
                }
                var evidence = await files.ClaimAsync(person.Id, writeOff.Task.Id, result.Id, request.Now, cancellationToken);
                var task = (await queries.GetAsync(writeOff.Task.Id, cancellationToken))!;
                var approvers = await ApproversAsync(task, cancellationToken);
                var requested = t.WriteOffRequested(task.Task.Code, approvers.Select(a => a.Name).ToList());
                return new ChatResponse([new Reply.Text(evidence.Count == 0 ? requested : $"{requested}\n{t.EvidenceAttached([.. evidence.Select(f => f.Name)])}")], null,
                    approvers.Select(a => new Notification(a.Id, ApprovalCards.WriteOff(UiText.For(a.Language), task.Task, result.Id!.Value, person.Name, writeOff.Evidence, evidence))).ToList(), []);
            }
            case FlowEffect.RequestExtension extension:
            {
                var result = await changes.RequestExtensionAsync(extension.Task.Id, person.Id, extension.NewDate, extension.Reason, today, request.Now, cancellationToken);
                if (!result.Succeeded)
                {
                    return ChatResponse.Say(null, new Reply.Text(t.ChangeRefused(result, extension.Task.Code)));
                }
                var task = (await queries.GetAsync(extension.Task.Id, cancellationToken))!;
                var approvers = await ApproversAsync(task, cancellationToken);
                return new ChatResponse([new Reply.Text(t.ExtensionRequested(task.Task.Code, extension.NewDate, approvers.Select(a => a.Name).ToList()))], null,
                    approvers.Select(a => new Notification(a.Id, ApprovalCards.Extension(UiText.For(a.Language), task.Task, result.Id!.Value, person.Name, extension.NewDate, extension.Reason))).ToList(), []);
            }
            default:
                throw new InvalidOperationException($"Unknown flow effect {effect.GetType().Name}.");
        }
    }

    /// <summary>Who decides on a task: the leaders supervising its lead department, else the ledger admins.</summary>
    private async Task<IReadOnlyList<Person>> ApproversAsync(TaskDetail task, CancellationToken cancellationToken)
    {
        var leaders = task.LeadDepartmentId is { } department ? await people.ListSupervisorsAsync(department, cancellationToken) : [];
        return leaders.Count > 0 ? leaders : await people.ListAdminsAsync(cancellationToken);
    }

    private async Task<ChatResponse> DecideAsync(UiText t, ChatRequest request, CardSubmit submit, FlowState? state, CancellationToken cancellationToken)
    {
        var writeOff = submit.Action == "decide_writeoff";
        if (!long.TryParse(submit["id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return ChatResponse.Say(state, new Reply.Text(t.DidNotUnderstand));
        }
        var approve = submit["decision"] == "approve";
        var note = submit["reason"];
        if (!approve && note is null)
        {
            return ChatResponse.Say(state, new Reply.Text(t.RejectNeedsReason));
        }
        var result = writeOff
            ? await changes.DecideWriteOffAsync(id, request.Person.Id, approve, note, request.Now, cancellationToken)
            : await changes.DecideExtensionAsync(id, request.Person.Id, approve, note, request.Now, cancellationToken);
        if (result.Outcome is ChangeOutcome.NotFound or ChangeOutcome.Forbidden)
        {
            return ChatResponse.Say(state, new Reply.Text(t.ChangeRefused(result, null)));
        }

        var task = (await queries.GetAsync(result.TaskId!.Value, cancellationToken))!;
        var (requester, decidedApprove, decider, decidedNote) = writeOff
            ? task.WriteOffs.Where(w => w.Id == id).Select(w => (w.RequestedBy, w.State == RequestState.Approved, w.DecidedBy, w.DecisionNote)).Single()
            : task.Extensions.Where(e => e.Id == id).Select(e => (e.RequestedBy, e.State == RequestState.Approved, e.DecidedBy, e.DecisionNote)).Single();
        var deciderName = decider is { } deciderId ? (await people.GetAsync(deciderId, cancellationToken))?.Name ?? "" : "";
        var title = writeOff ? t.WriteOffApprovalTitle(task.Task.Code) : t.ExtensionApprovalTitle(task.Task.Code);
        var decided = ApprovalCards.Decided(t, title, task.Task, decidedApprove, deciderName, decidedNote);
        var updates = request.ReplyToId is { } cardId ? new[] { new CardUpdate(cardId, decided) } : [];
        if (!result.Succeeded)
        {
            return new ChatResponse([new Reply.Text(t.ChangeRefused(result, task.Task.Code))], state, [], updates);
        }

        string Outcome(UiText text) => writeOff
            ? approve ? text.WriteOffApproved(task.Task.Code) : text.WriteOffRejected(task.Task.Code, note!)
            : approve ? text.ExtensionApproved(task.Task.Code, task.Task.DueDate!.Value) : text.ExtensionRejected(task.Task.Code, note!);
        var notifications = new List<Notification>();
        if (requester is { } requesterId && requesterId != request.Person.Id && await people.GetAsync(requesterId, cancellationToken) is { } officer)
        {
            var theirs = UiText.For(officer.Language);
            notifications.Add(new Notification(requesterId, new Reply.Text(theirs.DecisionForRequester(request.Person.Name, Outcome(theirs)))));
        }
        return new ChatResponse([new Reply.Text(Outcome(t))], state, notifications, updates);
    }

    private async Task<IReadOnlyList<Reply>> PendingAsync(UiText t, Person person, CancellationToken cancellationToken)
    {
        if (!person.IsLeader && !person.IsAdmin)
        {
            return [new Reply.Text(t.NotALeader)];
        }
        var scope = person.IsAdmin ? TaskScope.Everything : new TaskScope.Leader(person.Id);
        var pending = await queries.PendingRequestsAsync(scope, cancellationToken);
        if (pending.Count == 0)
        {
            return [new Reply.Text(t.NothingPending)];
        }
        var replies = new List<Reply> { new Reply.Text(t.PendingCount(pending.Count)) };
        foreach (var request in pending.Take(TaskCards.PageSize))
        {
            var task = (await queries.GetAsync(request.TaskId, cancellationToken))!.Task;
            replies.Add(request.Kind == PendingKind.WriteOff
                ? ApprovalCards.WriteOff(t, task, request.Id, request.Requester, request.Detail, await files.ForWriteOffAsync(request.Id, cancellationToken))
                : ApprovalCards.Extension(t, task, request.Id, request.Requester, request.ToDate!.Value, request.Detail));
        }
        return replies;
    }

    private static TaskScope RoleScope(Person person) =>
        person.IsAdmin ? TaskScope.Everything : person.IsLeader ? new TaskScope.Leader(person.Id) : new TaskScope.Officer(person.Id);

    private async Task<Reply> MoreAsync(UiText t, ChatRequest request, CardSubmit submit, DateOnly today, CancellationToken cancellationToken)
    {
        var skip = int.TryParse(submit["skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return await ListAsync(t, request.Person, submit["list"] ?? "mine", submit["filter"], skip, today, cancellationToken);
    }

    private async Task<Reply> ListAsync(UiText t, Person person, string list, string? filter, int skip, DateOnly today, CancellationToken cancellationToken)
    {
        var (scope, refusal) = list == "mine" ? (new TaskScope.Officer(person.Id), null) : await FilteredScopeAsync(t, person, filter, cancellationToken);
        if (refusal is not null)
        {
            return new Reply.Text(refusal);
        }
        var taskFilter = list switch
        {
            "overdue" => TaskFilter.Overdue,
            "due" => TaskFilter.DueSoon,
            _ => TaskFilter.Active,
        };
        var page = await queries.ListAsync(scope, taskFilter, today, skip, TaskCards.PageSize, DueSoonDays, cancellationToken);
        if (page.Total == 0)
        {
            return new Reply.Text(list switch
            {
                "overdue" => t.NothingOverdue,
                "due" => t.NothingDueSoon(DueSoonDays),
                _ => person.IsLeader || person.IsAdmin ? t.NoOwnTasksLeader : t.NoOwnTasks,
            });
        }
        var title = list switch
        {
            "overdue" => t.OverdueTitle(ScopeLabel(t, person, filter)),
            "due" => t.DueSoonTitle(DueSoonDays, ScopeLabel(t, person, filter)),
            _ => t.MyTasksTitle,
        };
        return TaskCards.TaskList(t, title, page, today, DueSoonDays, new ListPaging(list, filter));
    }

    private static string ScopeLabel(UiText t, Person person, string? filter) =>
        filter is not null && (person.IsLeader || person.IsAdmin) ? filter : person.IsAdmin ? t.ScopeAll : person.IsLeader ? t.ScopeDepartments : t.ScopeMine;

    /// <summary>The role's scope, narrowed to a department or aspect named in the message when the role allows it.</summary>
    private async Task<(TaskScope Scope, string? Refusal)> FilteredScopeAsync(UiText t, Person person, string? filter, CancellationToken cancellationToken)
    {
        var scope = RoleScope(person);
        if (string.IsNullOrWhiteSpace(filter) || scope is TaskScope.Officer)
        {
            return (scope, null);
        }
        var departments = await queries.FindDepartmentsAsync(filter, cancellationToken);
        if (departments.Count == 1)
        {
            var department = departments[0];
            return person.IsAdmin || person.SupervisedDepartmentIds.Contains(department.Id)
                ? (new TaskScope.Department(department.Id), null)
                : (scope, t.NotYourDepartment(department.Name));
        }
        if (person.IsAdmin && departments.Count == 0 && await queries.FindAspectsAsync(filter, cancellationToken) is [var aspect])
        {
            return (new TaskScope.Aspect(aspect.Id), null);
        }
        return (scope, departments.Count > 1 ? t.AmbiguousFilter(filter, departments.Select(d => d.Name).ToList()) : t.UnknownFilter(filter));
    }

    private async Task<Reply> DetailAsync(UiText t, Person person, string code, DateOnly today, CancellationToken cancellationToken)
    {
        var detail = await queries.FindByCodeAsync(code, cancellationToken);
        if (detail is null)
        {
            return new Reply.Text(t.TaskNotFound(code));
        }
        return LedgerPermissions.CanSee(person, detail) ? TaskCards.Detail(t, detail, today, DueSoonDays) : new Reply.Text(t.NotYourTask(code));
    }

    private async Task<Reply> SummaryAsync(UiText t, Person person, DateOnly today, CancellationToken cancellationToken)
    {
        var figures = await queries.FiguresAsync(RoleScope(person), today, cancellationToken);
        return figures.Count == 0
            ? new Reply.Text(t.NoTasks)
            : TaskCards.Summary(t, t.SummaryTitle(ScopeLabel(t, person, null), today), figures);
    }
}
