using System.Globalization;
using Rectification.Bot.Cards;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>The lists, a task's detail and the summary, each within the person's role scope.</summary>
public sealed partial class ChatEngine
{
    private async Task<Reply> MoreAsync(UiText t, ChatRequest request, CardSubmit submit, DateOnly today, CancellationToken cancellationToken)
    {
        var skip = int.TryParse(submit["skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        if (submit["list"] == TaskCards.SummaryList)
        {
            return await SummaryAsync(t, request.Person, today, cancellationToken, skip);
        }
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
        // On a leader's or admin's list, the tasks they do not work on themselves carry the leader's buttons.
        Func<TaskSummary, bool>? leaderView = list != "mine" && (person.IsLeader || person.IsAdmin) ? task => !IsOfficer(person, task) : null;
        return TaskCards.TaskList(t, title, page, today, DueSoonDays, new ListPaging(list, filter), leaderView);
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

    /// <summary>The "earlier entries" button of a task's card: the same card, further back in its history (same permission check).</summary>
    private async Task<Reply> EarlierHistoryAsync(UiText t, ChatRequest request, CardSubmit submit, DateOnly today, CancellationToken cancellationToken)
    {
        if (submit["code"] is not { Length: > 0 } code)
        {
            return new Reply.Text(t.CardOutOfDate);
        }
        var skip = int.TryParse(submit["skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return (await DetailAsync(t, request.Person, code, today, cancellationToken, skip)).Reply;
    }

    /// <summary>The task's card, and whether the person may see it (then "80%" next applies to it).</summary>
    private async Task<(Reply Reply, bool Visible)> DetailAsync(UiText t, Person person, string code, DateOnly today, CancellationToken cancellationToken, int historySkip = 0)
    {
        var detail = await queries.FindByCodeAsync(code, cancellationToken);
        if (detail is null)
        {
            return (new Reply.Text(t.TaskNotFound(code)), false);
        }
        if (!LedgerPermissions.CanSee(person, detail))
        {
            return (new Reply.Text(t.NotYourTask(code)), false);
        }
        var leaderView = detail.OfficerList.All(o => o.Id != person.Id) && LedgerPermissions.CanDecide(person, detail);
        return (TaskCards.Detail(t, detail, today, DueSoonDays, leaderView, historySkip), true);
    }

    private static bool IsOfficer(Person person, TaskSummary task) => task.Officers.Split('、').Contains(person.Name);

    private async Task<Reply> PickAsync(UiText t, Person person, DateOnly today, CancellationToken cancellationToken)
    {
        var mine = await ReportableAsync(person, today, cancellationToken);
        return mine.Count == 0 ? new Reply.Text(t.AskCodeNoTasks) : TaskCards.PickTask(t, mine, today);
    }

    private async Task<Reply> SummaryAsync(UiText t, Person person, DateOnly today, CancellationToken cancellationToken, int skip = 0)
    {
        var figures = await queries.FiguresAsync(RoleScope(person), today, cancellationToken);
        return figures.Count == 0
            ? new Reply.Text(t.NoTasks)
            : TaskCards.Summary(t, t.SummaryTitle(ScopeLabel(t, person, null), today), figures, skip);
    }
}
