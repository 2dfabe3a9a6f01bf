using System.Globalization;
using Rectification.Bot.Cards;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>Who decides a request, where it goes, and the decisions themselves, by card button or typed.</summary>
public sealed partial class ChatEngine
{
    /// <summary>Who a request goes to; Unreachable never opened the bot, so AlsoSentTo (admins) get it as well.</summary>
    private sealed record RequestRoute(IReadOnlyList<Person> Approvers, IReadOnlyList<Person> Unreachable, IReadOnlyList<Person> AlsoSentTo);

    /// <summary>
    /// The leaders supervising the task's lead department, else the ledger admins; never the requester (nobody is told
    /// a request waits for themselves). Approvers the bot cannot reach are named, and the admins get the card too.
    /// </summary>
    private async Task<RequestRoute> RouteRequestAsync(TaskDetail task, long requesterId, CancellationToken cancellationToken)
    {
        var leaders = task.LeadDepartmentId is { } department ? await people.ListSupervisorsAsync(department, cancellationToken) : [];
        var admins = (await people.ListAdminsAsync(cancellationToken)).Where(a => a.Id != requesterId).ToList();
        var approvers = leaders.Where(l => l.Id != requesterId).ToList();
        if (approvers.Count == 0)
        {
            approvers = admins;
        }
        var unreachable = new List<Person>();
        foreach (var approver in approvers)
        {
            if (await references.FindForPersonAsync(approver.Id, cancellationToken) is null)
            {
                unreachable.Add(approver);
            }
        }
        var also = new List<Person>();
        if (unreachable.Count > 0)
        {
            foreach (var admin in admins.Where(a => approvers.All(p => p.Id != a.Id)))
            {
                if (await references.FindForPersonAsync(admin.Id, cancellationToken) is not null)
                {
                    also.Add(admin);
                }
            }
        }
        return new RequestRoute(approvers, unreachable, also);
    }

    /// <summary>
    /// A leader typing "1-2-3 销号" on a task whose request waits for them means "let me decide it": the approval
    /// card, not the officer's request flow.
    /// </summary>
    private async Task<Reply?> ApprovalInsteadAsync(UiText t, Person person, ChatCommand command, CancellationToken cancellationToken)
    {
        var (code, writeOff) = command switch
        {
            ChatCommand.RequestWriteOff { Code: { } c } => (c, true),
            ChatCommand.RequestExtension { Code: { } c } => (c, false),
            _ => ((string?)null, false),
        };
        if (code is null || !(person.IsLeader || person.IsAdmin) || await queries.FindByCodeAsync(code, cancellationToken) is not { } detail
            || !LedgerPermissions.CanDecide(person, detail))
        {
            return null;
        }
        if (writeOff && detail.WriteOffs.FirstOrDefault(w => w.State == RequestState.Pending && w.RequestedBy != person.Id) is { } w)
        {
            return ApprovalCards.WriteOff(t, detail.Task, w.Id, await NameAsync(w.RequestedBy, cancellationToken), w.Evidence, await files.ForWriteOffAsync(w.Id, cancellationToken));
        }
        if (!writeOff && detail.Extensions.FirstOrDefault(e => e.State == RequestState.Pending && e.RequestedBy != person.Id) is { } e)
        {
            return ApprovalCards.Extension(t, detail.Task, e.Id, await NameAsync(e.RequestedBy, cancellationToken), e.ToDate, e.Reason);
        }
        return null;
    }

    private async Task<string> NameAsync(long? personId, CancellationToken cancellationToken) =>
        personId is { } id ? (await people.GetAsync(id, cancellationToken))?.Name ?? "" : "";

    private async Task<ChatResponse> DecideCardAsync(UiText t, ChatRequest request, CardSubmit submit, FlowState? state, CancellationToken cancellationToken)
    {
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
        return await DecideAsync(t, request, submit.Action == "decide_writeoff", id, approve, note, request.ReplyToId, state, cancellationToken);
    }

    /// <summary>同意1-2-3销号 / 驳回1-2-3，佐证材料不足: the request waiting on that task, decided exactly as its card would.</summary>
    private async Task<ChatResponse> DecideTypedAsync(UiText t, ChatRequest request, ChatCommand.Decide decide, CancellationToken cancellationToken)
    {
        var person = request.Person;
        if (!person.IsLeader && !person.IsAdmin)
        {
            return ChatResponse.Say(null, new Reply.Text(t.NotALeader));
        }
        if (decide.Code is not { } code)
        {
            var pending = await PendingAsync(t, person, cancellationToken);
            return ChatResponse.Say(null, pending.Count > 1 ? [new Reply.Text(t.DecideWhichTask), .. pending.Skip(1)] : [.. pending]);
        }
        if (await queries.FindByCodeAsync(code, cancellationToken) is not { } detail)
        {
            return ChatResponse.Say(null, new Reply.Text(t.TaskNotFound(code)));
        }
        if (!LedgerPermissions.CanDecide(person, detail))
        {
            return ChatResponse.Say(null, new Reply.Text(t.ChangeRefused(LedgerChangeResult.Refused(ChangeReasons.NotSupervisor), code)));
        }
        var writeOffs = decide.Target is null or DecisionTarget.WriteOff ? detail.WriteOffs.Where(w => w.State == RequestState.Pending).ToList() : [];
        var extensions = decide.Target is null or DecisionTarget.Extension ? detail.Extensions.Where(e => e.State == RequestState.Pending).ToList() : [];
        if (writeOffs.Count == 0 && extensions.Count == 0)
        {
            return ChatResponse.Say(null, new Reply.Text(t.NoPendingOnTask(code)));
        }
        if (writeOffs.Count > 0 && extensions.Count > 0)
        {
            return ChatResponse.Say(null, new Reply.Text(t.WhichRequest(code)));
        }
        if (!decide.Approve && decide.Reason is null)
        {
            return ChatResponse.Say(null, new Reply.Text(t.RejectNeedsReasonTyped(code)));
        }
        var writeOff = writeOffs.Count > 0;
        var id = writeOff ? writeOffs[0].Id : extensions[0].Id;
        return await DecideAsync(t, request, writeOff, id, decide.Approve, decide.Reason, null, null, cancellationToken);
    }

    /// <summary>The one decision path for buttons and words: the data layer checks who may decide, and decides once.</summary>
    private async Task<ChatResponse> DecideAsync(UiText t, ChatRequest request, bool writeOff, long id, bool approve, string? note, string? cardId,
        FlowState? state, CancellationToken cancellationToken)
    {
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
        var deciderName = await NameAsync(decider, cancellationToken);
        var title = writeOff ? t.WriteOffApprovalTitle(task.Task.Code) : t.ExtensionApprovalTitle(task.Task.Code);
        var decided = ApprovalCards.Decided(t, title, task.Task, decidedApprove, deciderName, decidedNote);
        var updates = cardId is not null ? new[] { new CardUpdate(cardId, decided) } : [];
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
        // A request the person made themselves is not theirs to decide.
        var pending = (await queries.PendingRequestsAsync(scope, cancellationToken)).Where(p => p.Requester != person.Name).ToList();
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
}
