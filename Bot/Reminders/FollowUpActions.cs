using System.Globalization;
using Microsoft.Extensions.Options;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Reminders;

/// <summary>
/// 回头看 in chat: the list (<c>回头看</c> / <c>follow-up</c>) and the buttons of the re-check cards, from the digest or
/// the list alike: 巩固良好 records the check; 出现反弹 asks for the reason and the new deadline, then reopens the item
/// and tells its officers through the proactive channel. Rights are checked here for the answer and again in the data
/// layer for the change.
/// </summary>
public sealed class FollowUpActions(
    Rechecks rechecks,
    FollowUpPolicy policy,
    LedgerQueries queries,
    ConversationReferences references,
    PeopleRepository people,
    LedgerCalendar calendar,
    IOptions<FollowUpOptions> options,
    IOptions<Hosting.LedgerOptions> ledgerOptions)
{
    public static bool Handles(string action) => action is FollowUpCards.ConsolidatedAction or FollowUpCards.RelapsedAction or FollowUpCards.ReopenAction;

    /// <summary>Leaders see the due re-checks of the departments they supervise, admins all of them, officers the state of their own items.</summary>
    public async Task<Reply> ListAsync(UiText t, Person person, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(person);
        var candidates = await rechecks.CandidatesAsync(cancellationToken);
        if (!person.IsAdmin && !person.IsLeader)
        {
            var own = await rechecks.OfficerTaskIdsAsync(person.Id, cancellationToken);
            var mine = candidates.Where(c => own.Contains(c.TaskId)).Select(policy.Schedule).OrderBy(d => d.DueOn).ThenBy(d => d.Item.Code, StringComparer.Ordinal).ToList();
            return mine.Count == 0 ? new Reply.Text(t.FollowUpOwnNone) : FollowUpCards.List(t, t.FollowUpOwnTitle(mine.Count), mine, today, withButtons: false);
        }
        var scope = candidates.Where(c => person.IsAdmin || (c.LeadDepartmentId is { } department && person.SupervisedDepartmentIds.Contains(department))).ToList();
        var due = policy.Due(scope, today);
        if (due.Count == 0)
        {
            var next = scope.Count == 0 || !options.Value.Enabled ? (DateOnly?)null : scope.Min(policy.DueOn);
            return new Reply.Text(t.FollowUpNoneDue(next));
        }
        return FollowUpCards.List(t, t.FollowUpTitle(due.Count), due, today, withButtons: true);
    }

    /// <summary>The 回头看 line under 统计, in the person's scope; nothing when no item of theirs was ever re-checked.</summary>
    public async Task<IReadOnlyList<Reply>> SummaryAsync(UiText t, Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(person);
        var totals = await rechecks.TotalsAsync(cancellationToken);
        IReadOnlySet<long>? own = person.IsAdmin || person.IsLeader ? null : await rechecks.OfficerTaskIdsAsync(person.Id, cancellationToken);
        var mine = totals.Where(r => person.IsAdmin
            || (r.LeadDepartmentId is { } department && person.SupervisedDepartmentIds.Contains(department))
            || (own?.Contains(r.TaskId) ?? false)).ToList();
        if (mine.Count == 0)
        {
            return [];
        }
        var relapsed = mine.Where(r => r.Relapsed > 0).ToList();
        return [new Reply.Text(t.FollowUpSummary(mine.Sum(r => r.Consolidated + r.Relapsed), mine.Sum(r => r.Consolidated), relapsed.Count,
            relapsed.Count(r => r.Status is not (RectificationStatus.WrittenOff or RectificationStatus.Ongoing))))];
    }

    public async Task<ChatResponse> HandleAsync(UiText t, Person person, CardSubmit submit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(submit);
        var code = submit["code"];
        var detail = code is null ? null : await queries.FindByCodeAsync(code, cancellationToken);
        if (detail is null)
        {
            return Say(t.TaskNotFound(code ?? ""));
        }
        code = detail.Task.Code;
        if (!LedgerPermissions.CanDecide(person, detail))
        {
            return Say(t.FollowUpNotYours(code));
        }
        // Old-card protection: the button answers the re-check due on the day it names; once that one is answered (or
        // the item reopened, or not yet due) the current state differs and the press changes nothing.
        var today = calendar.Today(now);
        var candidate = (await rechecks.CandidatesAsync(cancellationToken)).FirstOrDefault(c => c.TaskId == detail.Task.Id);
        if (candidate is null || policy.DueOn(candidate) is var dueOn && (FollowUpCards.Key(dueOn) != submit["recheck"] || dueOn > today || !options.Value.Enabled))
        {
            return Say(t.FollowUpOutOfDate(code));
        }
        return submit.Action switch
        {
            FollowUpCards.ConsolidatedAction => await ConsolidateAsync(t, person, detail, dueOn, now, today, cancellationToken),
            FollowUpCards.RelapsedAction => ChatResponse.Say(null,
                FollowUpCards.Relapse(t, code, detail.Task.Measure, dueOn, today.AddDays(options.Value.ReopenDays), options.Value.ReopenDays)),
            _ => await ReopenAsync(t, person, detail, submit, dueOn, now, today, cancellationToken),
        };
    }

    private async Task<ChatResponse> ConsolidateAsync(UiText t, Person person, TaskDetail detail, DateOnly dueOn, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        // The data layer checks again, inside its transaction, that the 回头看 due on dueOn has no answer yet.
        var result = await rechecks.RecordAsync(detail.Task.Id, person.Id, dueOn, relapsed: false, null, null, now, cancellationToken);
        if (!result.Succeeded)
        {
            return Say(Refused(t, result, detail.Task.Code));
        }
        var next = (await rechecks.CandidatesAsync(cancellationToken)).FirstOrDefault(c => c.TaskId == detail.Task.Id) is { } again ? policy.DueOn(again) : today;
        return Say(t.FollowUpConsolidated(detail.Task.Code, next));
    }

    private async Task<ChatResponse> ReopenAsync(UiText t, Person person, TaskDetail detail, CardSubmit submit, DateOnly dueOn, DateTimeOffset now, DateOnly today,
        CancellationToken cancellationToken)
    {
        var code = detail.Task.Code;
        var reason = submit["reason"];
        if (reason is null)
        {
            return Say(t.FollowUpReasonMissing);
        }
        if (reason.Length > 2000)
        {
            return Say(t.Invalid(InvalidInputReason.TooLong, null));
        }
        var deadline = today.AddDays(options.Value.ReopenDays);
        if (submit["deadline"] is { } typed)
        {
            if (!DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out deadline))
            {
                return Say(t.FollowUpDeadlineInvalid(typed));
            }
            if (deadline <= today)
            {
                return Say(t.FollowUpDeadlineNotLater(today));
            }
        }
        var result = await rechecks.RecordAsync(detail.Task.Id, person.Id, dueOn, relapsed: true, reason, deadline, now, cancellationToken);
        if (!result.Succeeded)
        {
            return Say(Refused(t, result, code));
        }

        // The officers hear of it proactively; those the bot cannot reach are named to the leader, never dropped unseen.
        var notifications = new List<Notification>();
        var told = new List<string>();
        var unreachable = new List<string>();
        var reopened = await queries.GetAsync(detail.Task.Id, cancellationToken) ?? detail;
        foreach (var officer in detail.OfficerList.DistinctBy(o => o.Id))
        {
            if (await references.FindForPersonAsync(officer.Id, cancellationToken) is not null && await people.GetAsync(officer.Id, cancellationToken) is { } reached)
            {
                var theirs = UiText.For(reached.Language);
                notifications.Add(new Notification(officer.Id, new Reply.Text(theirs.FollowUpReopenedNotice(person.Name, code, detail.Task.Measure, reason, deadline))));
                notifications.Add(new Notification(officer.Id, TaskCards.Detail(theirs, reopened, today, ledgerOptions.Value.DueSoonDays)));
                told.Add(officer.Name);
            }
            else
            {
                unreachable.Add(officer.Name);
            }
        }
        var replies = new List<Reply> { new Reply.Text(t.FollowUpReopened(code, deadline, told)) };
        if (unreachable.Count > 0)
        {
            replies.Add(new Reply.Text(t.FollowUpOfficersUnreachable(unreachable)));
        }
        return new ChatResponse(replies, null, notifications, []);
    }

    private static string Refused(UiText t, LedgerChangeResult result, string code) => result.Reason switch
    {
        RecheckReasons.NotClosed or RecheckReasons.AlreadyHandled => t.FollowUpOutOfDate(code),
        RecheckReasons.ReasonAndDeadline => t.FollowUpReasonMissing,
        ChangeReasons.NotSupervisor => t.FollowUpNotYours(code),
        _ => t.ChangeRefused(result, code),
    };

    private static ChatResponse Say(string text) => ChatResponse.Say(null, new Reply.Text(text));
}
