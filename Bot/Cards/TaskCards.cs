using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>Cards about tasks: lists, detail, the progress form and its confirmation, the summary.</summary>
public static class TaskCards
{
    /// <summary>Items per list message: small enough to read on a phone, far below Teams' ~28 KB message limit.</summary>
    public const int PageSize = 8;

    /// <summary>History entries per detail card: the latest ten, older ones a button away.</summary>
    public const int HistoryPageSize = 10;

    /// <summary>Aspects per summary card; the totals line always counts them all.</summary>
    public const int SummaryPageSize = 12;

    private const int ShortMeasure = 48;

    // Caps that keep one card far below Teams' ~28 KB however long a ledger's cells or a person's notes are
    // (a CJK character is three bytes): ten history lines of 240 characters and a few long facts fit in 12 KB.
    private const int MaxLine = 240;
    private const int MaxFact = 800;

    public static string Shorten(string text) => Shorten(text, ShortMeasure);

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string Colour(TaskMark mark) => mark switch
    {
        TaskMark.Overdue => "attention",
        TaskMark.DueSoon => "warning",
        _ => "good",
    };

    /// <summary>
    /// A page of tasks. leaderView says which tasks the reader supervises rather than works on: those get the
    /// leader's buttons (details, 催办) instead of the officer's report buttons.
    /// </summary>
    public static Reply.Card TaskList(UiText t, string title, Page<TaskSummary> page, DateOnly today, int dueSoonDays, ListPaging paging,
        Func<TaskSummary, bool>? leaderView = null)
    {
        var body = new List<JsonNode>
        {
            Text(title, size: "Medium", weight: "Bolder"),
            Text(t.ListRange(page.Skip + 1, page.Skip + page.Items.Count, page.Total), subtle: true, spacing: "None"),
        };
        foreach (var task in page.Items)
        {
            var mark = TaskMarks.Of(task, today, dueSoonDays);
            var lines = new List<JsonNode>
            {
                Text($"{t.MarkSymbol(mark)} **{task.Code}** {Shorten(task.Measure)}", weight: "Bolder"),
                Text(t.TaskLine(task, today, mark), color: Colour(mark), subtle: mark == TaskMark.OnTrack, spacing: "None"),
            };
            lines.Add(Text(Shorten(t.OwnersLine(task), MaxLine), subtle: true, spacing: "None"));
            if (leaderView?.Invoke(task) == true)
            {
                lines.Add(ActionSet(LeaderActions(t, task)));
            }
            else if (task.Status != RectificationStatus.WrittenOff)
            {
                lines.Add(ActionSet(
                [
                    Submit(t.ButtonDetail, "pick", new { code = task.Code }),
                    Submit(t.ButtonReport, "progress_start", new { code = task.Code }),
                    Submit(t.ButtonWriteOff, "writeoff_start", new { code = task.Code }),
                    Submit(t.ButtonExtend, "extension_start", new { code = task.Code }),
                ]));
            }
            body.Add(Container(lines, separator: true));
        }
        var actions = page.HasMore
            ? new JsonNode?[] { Submit(t.ButtonMore(page.Total - page.Skip - page.Items.Count), "more", new { list = paging.List, skip = page.Skip + page.Items.Count, filter = paging.Filter }) }
            : null;
        return new Reply.Card(Build(body, actions), title);
    }

    private static JsonNode[] LeaderActions(UiText t, TaskSummary task) => task.Status is RectificationStatus.Done or RectificationStatus.WrittenOff
        ? [Submit(t.ButtonDetail, "pick", new { code = task.Code })]
        : [Submit(t.ButtonDetail, "pick", new { code = task.Code }), Submit(t.ButtonUrge, "urge", new { code = task.Code })];

    public static Reply.Card PickTask(UiText t, IReadOnlyList<TaskSummary> tasks, DateOnly today)
    {
        var body = new List<JsonNode> { Text(t.AskWhichTask, weight: "Bolder") };
        body.AddRange(tasks.Take(PageSize).Select(task => (JsonNode)Container(
        [
            Text($"{t.MarkSymbol(TaskMarks.Of(task, today, 7))} **{task.Code}** {Shorten(task.Measure)}"),
            ActionSet([Submit(t.ButtonPick(task.Code), "pick", new { code = task.Code })]),
        ], separator: true)));
        if (tasks.Count > PageSize)
        {
            body.Add(Text(t.TypeCodeForOthers(tasks.Count - PageSize), subtle: true));
        }
        return new Reply.Card(Build(body), t.AskWhichTask);
    }

    /// <summary>The progress form: one of the user's own tasks, a percent, a note. Its submit is parsed like typed text.</summary>
    public static Reply.Card ProgressForm(UiText t, IReadOnlyList<TaskSummary> tasks, string? code, string flowId)
    {
        var body = new JsonNode[]
        {
            Text(t.ProgressFormTitle, size: "Medium", weight: "Bolder"),
            InputChoice("code", tasks.Select(task => ($"{task.Code} {Shorten(task.Measure)}", task.Code)), code ?? (tasks.Count > 0 ? tasks[0].Code : null), t.FieldTask),
            InputNumber("percent", "0-100", 0, 100, t.FieldPercent),
            InputText("note", t.NotePlaceholder, multiline: true, label: t.FieldNote),
        };
        return new Reply.Card(Build(body, [Submit(t.ButtonSubmit, "progress", style: "positive"), Submit(t.ButtonCancel, "cancel", new { flow = flowId })]), t.ProgressFormTitle);
    }

    /// <summary>The buttons carry the flow's id, so a press on an older confirmation cannot save a newer report.</summary>
    public static Reply.Card ConfirmProgress(UiText t, TaskSummary task, int percent, bool done, string? note, string flowId)
    {
        var body = new JsonNode?[]
        {
            Text(t.ConfirmProgressTitle, size: "Medium", weight: "Bolder"),
            Facts(
            [
                (t.FieldTask, $"{task.Code} {task.Measure}"),
                (t.FieldPercent, $"{task.Percent}% → {percent}%"),
                (t.FieldStatus, t.StatusName(done ? RectificationStatus.Done : task.TimeLimit.Kind == TimeLimitKind.Ongoing ? RectificationStatus.Ongoing : RectificationStatus.InProgress)),
                (t.FieldNote, string.IsNullOrEmpty(note) ? "—" : note),
            ]),
            // A lower percent is allowed (work found wanting) but must never pass unnoticed.
            percent < task.Percent ? Text(t.PercentLowered(task.Percent, percent), color: "warning", weight: "Bolder") : null,
            Text(t.ConfirmHint, subtle: true),
        };
        return new Reply.Card(Build(body, [Submit(t.ButtonConfirm, "confirm", new { flow = flowId }, style: "positive"), Submit(t.ButtonCancel, "cancel", new { flow = flowId })]),
            t.ConfirmProgressTitle);
    }

    /// <summary>
    /// The task and its latest history; <paramref name="historySkip"/> entries from the newest end are left out (the
    /// "earlier entries" button pages back through a history of thousands of reports).
    /// </summary>
    public static Reply.Card Detail(UiText t, TaskDetail detail, DateOnly today, int dueSoonDays, bool leaderView = false, int historySkip = 0)
    {
        var task = detail.Task;
        var mark = TaskMarks.Of(task, today, dueSoonDays);
        var facts = new List<(string, string)>
        {
            (t.FieldAspect, Shorten(task.Aspect, MaxFact)),
            (t.FieldProblem, Shorten(task.Problem, MaxFact)),
            (t.FieldLeader, task.Leader ?? "—"),
            (t.FieldDepartment, Shorten(detail.CoDepartments.Count == 0 ? task.LeadDepartment ?? "—" : $"{task.LeadDepartment}（{t.CoOperating}：{string.Join("、", detail.CoDepartments)}）", MaxLine)),
            (t.FieldOfficers, Shorten(task.Officers, MaxLine)),
            (t.FieldDeadline, t.Deadline(task, detail.OriginalDueDate, detail.ExtensionCount)),
            (t.FieldStatus, $"{t.StatusName(task.Status)} · {task.Percent}%"),
        };
        var body = new List<JsonNode>
        {
            Text($"{t.MarkSymbol(mark)} {task.Code} {Shorten(task.Measure, MaxFact)}", size: "Medium", weight: "Bolder"),
            Text(t.TaskLine(task, today, mark), color: Colour(mark), spacing: "None"),
            Facts(facts),
            Text(t.HistoryTitle, weight: "Bolder"),
        };
        var history = t.History(detail);
        var end = history.Count - Math.Clamp(historySkip, 0, history.Count);
        var start = Math.Max(0, end - HistoryPageSize);
        if (history.Count == 0)
        {
            body.Add(Text(t.NoHistory, subtle: true));
        }
        else
        {
            if (history.Count > HistoryPageSize)
            {
                body.Add(Text(t.HistoryRange(start + 1, end, history.Count), subtle: true, spacing: "None"));
            }
            body.AddRange(history.Skip(start).Take(end - start).Select(line => (JsonNode)Text(Shorten(line, MaxLine), spacing: "Small")));
        }
        JsonNode?[] actions = leaderView ? [.. LeaderActions(t, task).Skip(1)] : task.Status == RectificationStatus.WrittenOff ? [] :
        [
            Submit(t.ButtonReport, "progress_start", new { code = task.Code }),
            Submit(t.ButtonWriteOff, "writeoff_start", new { code = task.Code }),
            Submit(t.ButtonExtend, "extension_start", new { code = task.Code }),
        ];
        if (start > 0)
        {
            actions = [.. actions, Submit(t.ButtonEarlierHistory(start), HistoryAction, new { code = task.Code, skip = history.Count - start })];
        }
        return new Reply.Card(Build(body, actions), $"{task.Code} {Shorten(task.Measure)}");
    }

    /// <summary>The button that pages back through a task's history.</summary>
    public const string HistoryAction = "history";

    /// <summary>The summary's list name for the "more" button.</summary>
    public const string SummaryList = "summary";

    /// <summary>Per-aspect figures, a page of them from <paramref name="skip"/>; the totals line counts every aspect.</summary>
    public static Reply.Card Summary(UiText t, string title, IReadOnlyList<AspectFigures> figures, int skip = 0)
    {
        skip = Math.Clamp(skip, 0, Math.Max(0, figures.Count - 1));
        var page = figures.Skip(skip).Take(SummaryPageSize).ToList();
        var body = new List<JsonNode> { Text(title, size: "Medium", weight: "Bolder") };
        if (figures.Count > SummaryPageSize)
        {
            body.Add(Text(t.SummaryRange(skip + 1, skip + page.Count, figures.Count), subtle: true, spacing: "None"));
        }
        foreach (var aspect in page)
        {
            body.Add(Container(
            [
                Text($"{aspect.Ordinal}. {Shorten(aspect.Aspect, MaxLine)}", weight: "Bolder"),
                Facts(
                [
                    (t.FigureTotal, aspect.Total.ToString(t.Culture)),
                    (t.FigureWrittenOff, aspect.WrittenOff.ToString(t.Culture)),
                    (t.FigureInProgress, (aspect.InProgress + aspect.NotStarted + aspect.Done).ToString(t.Culture)),
                    (t.FigureOngoing, aspect.Ongoing.ToString(t.Culture)),
                    (t.FigureOverdue, aspect.Overdue.ToString(t.Culture)),
                    (t.FigureRate, aspect.CompletionRate.ToString("P0", t.Culture)),
                ]),
            ], separator: true));
        }
        var total = figures.Sum(f => f.Total);
        var writtenOff = figures.Sum(f => f.WrittenOff);
        body.Add(Text(t.SummaryTotals(total, writtenOff, figures.Sum(f => f.Overdue)), weight: "Bolder"));
        var remaining = figures.Count - skip - page.Count;
        var actions = remaining > 0 ? new JsonNode?[] { Submit(t.ButtonMore(remaining), "more", new { list = SummaryList, skip = skip + page.Count }) } : null;
        return new Reply.Card(Build(body, actions), title);
    }
}

/// <summary>Which list a "more" button continues, and with what filter.</summary>
public sealed record ListPaging(string List, string? Filter = null);

public enum TaskMark
{
    OnTrack,
    DueSoon,
    Overdue,
}

public static class TaskMarks
{
    /// <summary>Red: overdue; yellow: due within the warning window; green: on track (or closed, or ongoing).</summary>
    public static TaskMark Of(TaskSummary task, DateOnly today, int dueSoonDays) =>
        task.IsOverdue(today) ? TaskMark.Overdue
        : task.Status.IsOpen() && task.DueDate is { } due && due <= today.AddDays(dueSoonDays) ? TaskMark.DueSoon
        : TaskMark.OnTrack;
}
