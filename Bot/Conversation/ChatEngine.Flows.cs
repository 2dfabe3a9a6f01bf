using Rectification.Bot.Cards;
using Rectification.Bot.Conversation.Flows;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>The flows in a turn: continue, interrupt and resume, replace with keep-or-drop, and what they change.</summary>
public sealed partial class ChatEngine
{
    private async Task<ChatResponse> InFlowAsync(UiText t, ChatRequest request, FlowState state, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        if (state.Step == FlowStep.KeepOrDrop)
        {
            return await KeepOrDropAsync(t, request, state, command, today, cancellationToken);
        }
        switch (command)
        {
            case ChatCommand.Cancel:
                return ChatResponse.Say(null, new Reply.Text(t.Cancelled));
            case ChatCommand.Decide { Code: null, Reason: null } bare:
                // A bare 同意 inside a flow answers its question, it decides nothing else.
                command = bare.Approve ? new ChatCommand.Confirm() : new ChatCommand.Decline();
                break;
            case ChatCommand.Unclear unclear:
                // Unsure what it means on its own, but a flow asked a question: it is the answer.
                command = new ChatCommand.Unknown(unclear.Text);
                break;
        }
        if (ContinuesFlow(state, command, request))
        {
            if (command is ChatCommand.TaskDetail && state.Step != FlowStep.Code && request.Text is { Length: > 0 } answer)
            {
                command = new ChatCommand.Unknown(answer.Trim());
            }
            return await StepAsync(t, request, state, command, today, cancellationToken);
        }
        if (FlowSteps.Start(command, NewFlowId()) is { } started)
        {
            return await ReplaceFlowAsync(t, request, state, command, started, today, cancellationToken);
        }

        // A question or an action of its own in the middle of a flow: answer it, then ask the flow's question again.
        var answered = await AnswerAsync(t, request, command, today, cancellationToken);
        var again = await StepAsync(t, request, state, new ChatCommand.Continue(), today, cancellationToken);
        return new ChatResponse([.. answered.Replies, new Reply.Text(t.ResumeFlow), .. again.Replies], again.NextState,
            [.. answered.Notifications, .. again.Notifications], [.. answered.CardUpdates, .. again.CardUpdates]);
    }

    private bool ContinuesFlow(FlowState state, ChatCommand command, ChatRequest request) => command switch
    {
        ChatCommand.Unknown or ChatCommand.Confirm or ChatCommand.Decline or ChatCommand.InvalidInput or ChatCommand.Continue => true,
        // A picked or typed code answers "which task?"; a bare number answers "how far?" ("80"). Otherwise a task
        // code asks to see that task, and the flow's question comes back after it.
        ChatCommand.TaskDetail => state.Step == FlowStep.Code
            || (request.Submit is null && state.Step == FlowStep.Percent && parser.TryParsePercent(request.Text, out _)),
        // The same task, or the task a report without one was waiting for ("进度80%" asked "which task?").
        ChatCommand.ReportProgress r => state.Kind == FlowKind.Progress && (r.Code is null || state.Code is null || r.Code == state.Code),
        _ => false,
    };

    /// <summary>
    /// A new report or request while a flow is open. An unsaved progress draft is never dropped unasked: the person
    /// chooses to keep (save) or drop it, and the new one waits. Other half-made requests are dropped, and said so.
    /// </summary>
    private async Task<ChatResponse> ReplaceFlowAsync(UiText t, ChatRequest request, FlowState state, ChatCommand command, FlowState started, DateOnly today, CancellationToken cancellationToken)
    {
        started.Locale = t.Locale;
        if (await ApprovalInsteadAsync(t, request.Person, command, cancellationToken) is { } approval)
        {
            return new ChatResponse([approval, new Reply.Text(t.ResumeFlow), .. (await StepAsync(t, request, state, new ChatCommand.Continue(), today, cancellationToken)).Replies], state, [], []);
        }
        if (state.Kind == FlowKind.Progress && state.HasUnsavedWords() && state.Code is { } code)
        {
            var asking = state.Copy();
            asking.Step = FlowStep.KeepOrDrop;
            asking.Queued = started;
            return ChatResponse.Say(asking, FlowCards.KeepOrDrop(t, code, state.FlowId));
        }
        var response = await StartFlowAsync(t, request, started, command, today, cancellationToken);
        return state.HasUnsavedWords()
            ? response with { Replies = [new Reply.Text(t.RequestDropped(state.Code, state.Kind)), .. response.Replies] }
            : response;
    }

    private async Task<ChatResponse> KeepOrDropAsync(UiText t, ChatRequest request, FlowState state, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        var code = state.Code ?? "";
        if (state.Queued is not { } queued)
        {
            return ChatResponse.Say(null, new Reply.Text(t.Cancelled));
        }
        queued.Locale ??= t.Locale;
        switch (command)
        {
            case ChatCommand.Confirm or ChatCommand.Decide { Approve: true, Code: null }:
            {
                var saved = await SaveDraftAsync(t, request, state, today, cancellationToken);
                var next = await StepAsync(t, request, queued, new ChatCommand.Continue(), today, cancellationToken);
                return next with { Replies = [.. saved.Replies, .. next.Replies], Notifications = [.. saved.Notifications, .. next.Notifications] };
            }
            case ChatCommand.Cancel or ChatCommand.Decline or ChatCommand.Decide { Approve: false, Code: null }:
            {
                var next = await StepAsync(t, request, queued, new ChatCommand.Continue(), today, cancellationToken);
                return next with { Replies = [new Reply.Text(t.DraftDropped(code)), .. next.Replies] };
            }
            case ChatCommand.Unknown or ChatCommand.Unclear or ChatCommand.Continue or ChatCommand.InvalidInput
                or ChatCommand.ReportProgress or ChatCommand.RequestWriteOff or ChatCommand.RequestExtension:
                // Nothing more is taken on until the draft is kept or dropped: that is how nothing gets lost.
                return ChatResponse.Say(state, new Reply.Text(t.KeepOrDropHint(code)), FlowCards.KeepOrDrop(t, code, state.FlowId));
            default:
            {
                var answer = await AnswerAsync(t, request, command, today, cancellationToken);
                return answer with { Replies = [.. answer.Replies, FlowCards.KeepOrDrop(t, code, state.FlowId)], NextState = state };
            }
        }
    }

    /// <summary>Saves a progress draft as it stands (the keep of keep-or-drop), with the draft's own idempotency key.</summary>
    private async Task<ChatResponse> SaveDraftAsync(UiText t, ChatRequest request, FlowState draft, DateOnly today, CancellationToken cancellationToken)
    {
        var (task, access) = await CheckAsync(request.Person, draft.Code, cancellationToken);
        if (access != TaskAccess.Ok || task is null)
        {
            return ChatResponse.Say(null, new Reply.Text(access == TaskAccess.NotFound ? t.TaskNotFound(draft.Code ?? "") : t.NotYourTask(draft.Code ?? "")));
        }
        var effect = new FlowEffect.SaveProgress(task, draft.Percent, draft.Done, string.IsNullOrEmpty(draft.Note) ? null : draft.Note, $"progress:{draft.FlowId}");
        return await ApplyAsync(t, request, draft, effect, today, cancellationToken);
    }

    private async Task<ChatResponse> StartFlowAsync(UiText t, ChatRequest request, FlowState started, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        started.Locale = t.Locale;
        var lead = command is ChatCommand.ReportProgress { Code: null, Percent: null, Status: null, Note: null }
            ? TaskCards.ProgressForm(t, await ReportableAsync(request.Person, today, cancellationToken), null, started.FlowId)
            : null;
        var response = await StepAsync(t, request, started, command, today, cancellationToken);
        return lead is null || response.NextState?.Step != FlowStep.Code ? response : response with { Replies = [new Reply.Text(t.AskWhichTaskOrForm), lead] };
    }

    private async Task<ChatResponse> StepAsync(UiText t, ChatRequest request, FlowState state, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        var code = _flows.CodeAfter(state, command);
        var (task, access) = await CheckAsync(request.Person, code, cancellationToken);
        var mine = state.Code is null && code is null || access != TaskAccess.Ok
            ? await ReportableAsync(request.Person, today, cancellationToken)
            : [];
        var result = _flows.Next(state, command, new FlowContext(t, today, task, access, mine, request.Text));
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
                var route = await RouteRequestAsync(task, person.Id, cancellationToken);
                var requested = t.WriteOffRequested(task.Task.Code, route.Approvers.Select(a => a.Name).ToList());
                return Requested(t, route, evidence.Count == 0 ? requested : $"{requested}\n{t.EvidenceAttached([.. evidence.Select(f => f.Name)])}",
                    to => ApprovalCards.WriteOff(UiText.For(to.Language), task.Task, result.Id!.Value, person.Name, writeOff.Evidence, evidence));
            }
            case FlowEffect.RequestExtension extension:
            {
                var result = await changes.RequestExtensionAsync(extension.Task.Id, person.Id, extension.NewDate, extension.Reason, today, request.Now, cancellationToken);
                if (!result.Succeeded)
                {
                    return ChatResponse.Say(null, new Reply.Text(t.ChangeRefused(result, extension.Task.Code)));
                }
                var task = (await queries.GetAsync(extension.Task.Id, cancellationToken))!;
                var route = await RouteRequestAsync(task, person.Id, cancellationToken);
                return Requested(t, route, t.ExtensionRequested(task.Task.Code, extension.NewDate, route.Approvers.Select(a => a.Name).ToList()),
                    to => ApprovalCards.Extension(UiText.For(to.Language), task.Task, result.Id!.Value, person.Name, extension.NewDate, extension.Reason));
            }
            default:
                throw new InvalidOperationException($"Unknown flow effect {effect.GetType().Name}.");
        }
    }

    private static ChatResponse Requested(UiText t, RequestRoute route, string filed, Func<Person, Reply> card)
    {
        var replies = new List<Reply> { new Reply.Text(filed) };
        if (route.Unreachable.Count > 0)
        {
            replies.Add(new Reply.Text(t.ApproversUnreachable([.. route.Unreachable.Select(p => p.Name)], [.. route.AlsoSentTo.Select(p => p.Name)])));
        }
        var notified = route.Approvers.Where(a => route.Unreachable.All(u => u.Id != a.Id)).Concat(route.AlsoSentTo);
        return new ChatResponse(replies, null, [.. notified.Select(to => new Notification(to.Id, card(to)))], []);
    }
}
