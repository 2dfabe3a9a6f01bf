using System.Text;
using System.Text.Json.Nodes;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.Evidence;
using Rectification.Data.Ledger;
using Rectification.Tests.Reminders;

namespace Rectification.Tests.Cards;

/// <summary>
/// Every card the chat sends stays under 24 KB (Teams refuses messages of about 28 KB), in both languages, when the
/// ledger is huge: a task with 2,000+ reports and long notes, lists of thousands of tasks, hundreds of aspects. The
/// reminder digests have their own test (ReminderCardSizeTests).
/// </summary>
public sealed class CardSizeTests
{
    private const int Limit = 24 * 1024;
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Locales => new() { "zh-CN", "en-US" };

    [Theory]
    [MemberData(nameof(Locales))]
    public void A_task_with_2041_reports_shows_the_latest_ten_and_pages_back_to_the_first(string locale)
    {
        var t = UiText.For(locale);
        var detail = HugeTask(reports: 2_041, seed: 7);
        var entries = t.History(detail).Count;
        Assert.True(entries > 2_041);

        var skip = 0;
        for (var page = 0; ; page++)
        {
            var card = TaskCards.Detail(t, detail, Today, 7, leaderView: page % 2 == 1, historySkip: skip);
            AssertUnderLimit(card, $"{locale} detail page {page}");
            var texts = Texts(card);
            var earlier = Buttons(card).SingleOrDefault(b => b["action"]!.GetValue<string>() == TaskCards.HistoryAction);
            if (earlier is null)
            {
                break;
            }
            Assert.Equal(detail.Task.Code, earlier["code"]!.GetValue<string>());
            var next = earlier["skip"]!.GetValue<int>();
            Assert.Equal(skip + TaskCards.HistoryPageSize, next);
            skip = next;
            if (page == 0)
            {
                Assert.Contains(t.HistoryRange(entries - TaskCards.HistoryPageSize + 1, entries, entries), texts);
                Assert.Equal(t.ButtonEarlierHistory(entries - TaskCards.HistoryPageSize), earlier.Parent!["title"]!.GetValue<string>());
            }
        }
        // Paging back reaches the very first entry; every page but the oldest is full.
        Assert.Equal((entries + TaskCards.HistoryPageSize - 1) / TaskCards.HistoryPageSize * TaskCards.HistoryPageSize, skip + TaskCards.HistoryPageSize);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Lists_of_thousands_are_paged_and_each_page_is_small(string locale)
    {
        var t = UiText.For(locale);
        var tasks = Enumerable.Range(1, 9_000).Select(i => Task(i, new Random(i))).ToList();
        foreach (var (list, skip) in new[] { ("mine", 0), ("overdue", 4_000), ("due", 8_992), ("overdue", 8_996) })
        {
            var page = new Page<TaskSummary>(tasks.Skip(skip).Take(TaskCards.PageSize).ToList(), tasks.Count, skip, TaskCards.PageSize);
            var card = TaskCards.TaskList(t, list, page, Today, 7, new ListPaging(list, "综合协调科"), task => task.Id % 2 == 0);
            AssertUnderLimit(card, $"{locale} {list} from {skip}");
            Assert.Equal(page.HasMore, Buttons(card).Any(b => b["action"]!.GetValue<string>() == "more"));
        }
        AssertUnderLimit(TaskCards.PickTask(t, tasks, Today), $"{locale} pick");
        AssertUnderLimit(TaskCards.ProgressForm(t, tasks.Take(50).ToList(), null, "flow"), $"{locale} progress form");
        AssertUnderLimit(TaskCards.ConfirmProgress(t, tasks[0], 10, false, Long(new Random(3), 2_000), "flow"), $"{locale} confirm");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void A_summary_of_600_aspects_is_paged_and_its_totals_count_them_all(string locale)
    {
        var t = UiText.For(locale);
        var random = new Random(11);
        var figures = Enumerable.Range(1, 600).Select(i => new AspectFigures(i, i, Long(random, 120), 200, 50, 20, 60, 40, 30, random.Next(0, 60))).ToList();
        var total = figures.Sum(f => f.Total);
        var shown = new List<string>();
        var skip = 0;
        while (true)
        {
            var card = TaskCards.Summary(t, "summary", figures, skip);
            AssertUnderLimit(card, $"{locale} summary from {skip}");
            var texts = Texts(card);
            Assert.Contains(t.SummaryTotals(total, figures.Sum(f => f.WrittenOff), figures.Sum(f => f.Overdue)), texts);
            shown.AddRange(texts.Where(x => System.Text.RegularExpressions.Regex.IsMatch(x, @"^\d+\. ")));
            if (Buttons(card).SingleOrDefault(b => b["action"]!.GetValue<string>() == "more") is not { } more)
            {
                break;
            }
            Assert.Equal(TaskCards.SummaryList, more["list"]!.GetValue<string>());
            skip = more["skip"]!.GetValue<int>();
        }
        Assert.Equal(600, shown.Count);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Approval_cards_with_long_evidence_and_many_files_stay_small(string locale)
    {
        var t = UiText.For(locale);
        var random = new Random(5);
        var task = Task(1, random);
        var files = Enumerable.Range(1, 60).Select(i => new EvidenceFile(i, 1, 1, 3, "刘洋", Start, $"佐证材料{i}-{Long(random, 40)}.pdf", 1_000_000, "hash", "application/pdf")).ToList();
        AssertUnderLimit(ApprovalCards.WriteOff(t, task, 1, "刘洋", Long(random, 2_000), files), $"{locale} write-off");
        AssertUnderLimit(ApprovalCards.Extension(t, task, 1, "刘洋", Today.AddDays(30), Long(random, 2_000)), $"{locale} extension");
    }

    /// <summary>A task as a busy ledger has it: thousands of reports with long notes, many requests, long cells.</summary>
    internal static TaskDetail HugeTask(int reports, int seed)
    {
        var random = new Random(seed);
        var task = Task(42, random);
        var progress = Enumerable.Range(1, reports).Select(i => new ProgressUpdate(i, 42, i % 7, $"责任人{i % 7}", Start.AddHours(i * 5), Math.Min(100, i / 20),
            RectificationStatus.InProgress, Long(random, random.Next(0, 1_500)), "chat")).ToList();
        var extensions = Enumerable.Range(1, 40).Select(i => new ExtensionRequest(i, 42, 3, Start.AddDays(i * 7), Today, Today.AddDays(i), Long(random, 800),
            i % 3 == 0 ? RequestState.Rejected : RequestState.Approved, 9, Start.AddDays(i * 7 + 1), i % 3 == 0 ? Long(random, 500) : null)).ToList();
        var writeOffs = Enumerable.Range(1, 25).Select(i => new WriteOffRequest(i, 42, 3, Start.AddDays(i * 11), Long(random, 1_000),
            RequestState.Rejected, 9, Start.AddDays(i * 11 + 1), Long(random, 600))).ToList();
        return new TaskDetail(task, 1, Today.AddDays(-300), extensions.Count, Long(random, 600),
            Enumerable.Range(1, 60).Select(i => new PersonRef(i, $"责任人{i}")).ToList(),
            Enumerable.Range(1, 40).Select(i => $"协办部门{i}（{Long(random, 10)}）").ToList(),
            progress, extensions, writeOffs, 1, 9);
    }

    private static TaskSummary Task(int i, Random random) => new(i, $"{i % 9 + 1}-{i % 17 + 1}-{i}", Long(random, random.Next(40, 1_200)), Long(random, 300),
        Long(random, random.Next(100, 2_000)), (RectificationStatus)(i % 5), i % 101, i % 4 == 0 ? TimeLimit.Ongoing : TimeLimit.On(Today.AddDays(i % 90 - 45)),
        "长期坚持", Long(random, 30), "王" + Long(random, 3), string.Join("、", Enumerable.Range(1, random.Next(1, 80)).Select(n => $"欧阳{n}号")), Start, 1);

    private const string Han = "整改落实问题清单责任部门牵头配合完成情况督查督办制度建设长效机制巡察反馈意见";

    private static string Long(Random random, int length) => new(Enumerable.Range(0, length).Select(_ => Han[random.Next(Han.Length)]).ToArray());

    private static void AssertUnderLimit(Reply.Card card, string what)
    {
        var bytes = Encoding.UTF8.GetByteCount(card.Json);
        Assert.True(bytes < Limit, $"{what}: {bytes:N0} bytes");
    }

    private static List<string> Texts(Reply.Card card) =>
        JsonNode.Parse(card.Json)!.AsObject().Descendants().Select(n => n["text"]?.GetValue<string>()).OfType<string>().ToList();

    private static List<JsonObject> Buttons(Reply.Card card) =>
        JsonNode.Parse(card.Json)!.AsObject().Descendants().Where(n => n["type"]?.GetValue<string>() == "Action.Submit").Select(n => n["data"]!.AsObject()).ToList();
}
