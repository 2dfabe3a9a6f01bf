using Rectification.Bot.Cards;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>催办 by leaders and admins, 撤回 by officers, and what admins ask for as files.</summary>
public sealed partial class ChatEngine
{
    /// <summary>An officer may take back a progress update for this long; later, a correction is a new report.</summary>
    public static readonly TimeSpan WithdrawWindow = TimeSpan.FromMinutes(30);

    /// <summary>Enough for any one officer's open tasks in a leader's scope.</summary>
    private const int UrgeListLimit = 200;

    /// <summary>
    /// 催办: the officers of a task (or one officer's open tasks in the leader's scope) get a nudge with the task card.
    /// Each task once a day, audited; an officer the bot cannot reach is named to the leader and nothing is recorded.
    /// </summary>
    private async Task<ChatResponse> UrgeAsync(UiText t, ChatRequest request, ChatCommand.Urge urge, DateOnly today, CancellationToken cancellationToken)
    {
        var leader = request.Person;
        if (!leader.IsLeader && !leader.IsAdmin)
        {
            return ChatResponse.Say(null, new Reply.Text(t.UrgeNotALeader));
        }
        if (urge.Code is null && urge.Person is null)
        {
            return ChatResponse.Say(null, new Reply.Text(t.UrgeWhom));
        }

        Person? target = null;
        if (urge.Person is { } name)
        {
            var matches = await FindPeopleAsync(name, cancellationToken);
            if (matches.Count > 1)
            {
                return ChatResponse.Say(null, new Reply.Text(t.PersonAmbiguous(name, [.. matches.Select(m => m.Name)])));
            }
            if (matches.Count == 0 && urge.Code is null)
            {
                return ChatResponse.Say(null, new Reply.Text(t.PersonNotFound(name)));
            }
            target = matches.Count == 1 ? matches[0] : null;
        }

        // Which tasks, and whom to nudge about each.
        var tasks = new List<(TaskDetail Task, IReadOnlyList<PersonRef> Officers)>();
        if (urge.Code is { } code)
        {
            var detail = await queries.FindByCodeAsync(code, cancellationToken);
            if (detail is null)
            {
                return ChatResponse.Say(null, new Reply.Text(t.TaskNotFound(code)));
            }
            if (!LedgerPermissions.CanDecide(leader, detail))
            {
                return ChatResponse.Say(null, new Reply.Text(t.NotInYourScope(code)));
            }
            if (detail.Task.Status is RectificationStatus.Done or RectificationStatus.WrittenOff)
            {
                return ChatResponse.Say(null, new Reply.Text(t.UrgeNotNeeded(code)));
            }
            var officers = target is not null && detail.OfficerList.Any(o => o.Id == target.Id) ? [new PersonRef(target.Id, target.Name)] : detail.OfficerList;
            tasks.Add((detail, officers));
        }
        else
        {
            var inScope = (await queries.ListAsync(RoleScope(leader), TaskFilter.Active, today, 0, UrgeListLimit, DueSoonDays, cancellationToken)).Items.Select(i => i.Id).ToHashSet();
            var theirs = (await queries.ListAsync(new TaskScope.Officer(target!.Id), TaskFilter.Active, today, 0, UrgeListLimit, DueSoonDays, cancellationToken)).Items;
            foreach (var summary in theirs.Where(s => inScope.Contains(s.Id) && s.Status is not (RectificationStatus.Done or RectificationStatus.WrittenOff)))
            {
                tasks.Add(((await queries.GetAsync(summary.Id, cancellationToken))!, [new PersonRef(target.Id, target.Name)]));
            }
            if (tasks.Count == 0)
            {
                return ChatResponse.Say(null, new Reply.Text(t.NothingToUrge(target.Name)));
            }
        }

        var reachable = new Dictionary<long, Person>();
        var unreachable = new List<string>();
        foreach (var officer in tasks.SelectMany(x => x.Officers).DistinctBy(o => o.Id))
        {
            if (await references.FindForPersonAsync(officer.Id, cancellationToken) is not null && await people.GetAsync(officer.Id, cancellationToken) is { } person)
            {
                reachable[officer.Id] = person;
            }
            else
            {
                unreachable.Add(officer.Name);
            }
        }

        var urged = new List<(TaskDetail Task, IReadOnlyList<PersonRef> Officers)>();
        var already = new List<string>();
        var replies = new List<Reply>();
        foreach (var (task, officers) in tasks.Where(x => x.Officers.Any(o => reachable.ContainsKey(o.Id))))
        {
            var result = await changes.RecordUrgeAsync(task.Task.Id, leader.Id, today, request.Now, cancellationToken);
            if (result.Succeeded)
            {
                urged.Add((task, officers));
            }
            else if (result.Outcome == ChangeOutcome.Duplicate)
            {
                already.Add(task.Task.Code);
            }
            else
            {
                replies.Add(new Reply.Text(t.ChangeRefused(result, task.Task.Code)));
            }
        }

        var notifications = new List<Notification>();
        foreach (var (officerId, officer) in reachable)
        {
            var mine = urged.Where(x => x.Officers.Any(o => o.Id == officerId)).Select(x => x.Task).ToList();
            var theirs = UiText.For(officer.Language);
            if (mine.Count == 1)
            {
                notifications.Add(new Notification(officerId, new Reply.Text(theirs.UrgeNudge(leader.Name, mine[0].Task.Code, mine[0].Task.Measure))));
                notifications.Add(new Notification(officerId, TaskCards.Detail(theirs, mine[0], today, DueSoonDays)));
            }
            else if (mine.Count > 1)
            {
                var page = new Page<TaskSummary>([.. mine.Select(m => m.Task).Take(TaskCards.PageSize)], mine.Count, 0, TaskCards.PageSize);
                notifications.Add(new Notification(officerId, new Reply.Text(theirs.UrgeNudgeMany(leader.Name, mine.Count))));
                notifications.Add(new Notification(officerId, TaskCards.TaskList(theirs, theirs.UrgeListTitle, page, today, DueSoonDays, new ListPaging("mine"))));
            }
        }

        if (urged.Count > 0)
        {
            var told = urged.SelectMany(x => x.Officers).Where(o => reachable.ContainsKey(o.Id)).Select(o => o.Name).Distinct().ToList();
            replies.Insert(0, new Reply.Text(t.Urged([.. urged.Select(x => x.Task.Task.Code)], told)));
        }
        if (already.Count > 0)
        {
            replies.Add(new Reply.Text(t.AlreadyUrgedToday(already)));
        }
        if (unreachable.Count > 0)
        {
            replies.Add(new Reply.Text(t.UrgeUnreachable(unreachable)));
        }
        return new ChatResponse(replies, null, notifications, []);
    }

    /// <summary>Ledger people named in the words: the exact name, else names the words contain, else names containing them.</summary>
    private async Task<IReadOnlyList<Person>> FindPeopleAsync(string words, CancellationToken cancellationToken)
    {
        var everyone = await people.ListAsync(cancellationToken);
        var exact = everyone.Where(p => string.Equals(p.Name, words, StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        var named = everyone.Where(p => words.Contains(p.Name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count > 0)
        {
            return named;
        }
        return words.Length >= 2 ? everyone.Where(p => p.Name.Contains(words, StringComparison.OrdinalIgnoreCase)).ToList() : [];
    }

    /// <summary>撤回: the person's own last progress update, within the window; the data layer restores the task.</summary>
    private async Task<Reply> WithdrawAsync(UiText t, ChatRequest request, CancellationToken cancellationToken)
    {
        var result = await changes.WithdrawLastProgressAsync(request.Person.Id, request.Now - WithdrawWindow, request.Now, cancellationToken);
        var task = result.TaskId is { } id ? await queries.GetAsync(id, cancellationToken) : null;
        var code = task?.Task.Code ?? "";
        if (result.Succeeded && task is not null)
        {
            return new Reply.Text(t.Withdrawn(code, task.Task.Percent, t.StatusName(task.Task.Status)));
        }
        return new Reply.Text(result.Reason switch
        {
            ChangeReasons.NothingToWithdraw => t.NothingToWithdraw,
            ChangeReasons.TooLate => t.WithdrawTooLate((int)WithdrawWindow.TotalMinutes),
            ChangeReasons.ChangedSince => t.WithdrawChangedSince(code),
            _ => t.ChangeRefused(result, code),
        });
    }
}
