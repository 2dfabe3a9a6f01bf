using Rectification.Data.Ledger;

namespace Rectification.Tests.Teams;

/// <summary>
/// Role-aware meaning: typed decisions, a leader's "1-2-3 销号", requests nobody can receive; 催办 and 撤回.
/// In the demo ledger 黄磊's 1-2-3 (宣传教育科, supervised by 李明) waits for its write-off.
/// </summary>
public sealed class LeaderActionTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task A_leaders_typed_approval_writes_the_item_off_and_tells_the_officer()
    {
        await _chat.SayAsync("黄磊", "帮助");

        var replies = await _chat.SayAsync("李明", "同意1-2-3销号");

        Assert.Contains("任务 1-2-3 已销号", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains(replies, a => a.Recipient?.Name == "黄磊" && a.Text().Contains("李明审批了您的申请", StringComparison.Ordinal));
        var task = await _chat.TaskAsync("1-2-3");
        Assert.Equal((RectificationStatus.WrittenOff, RequestState.Approved), (task.Task.Status, task.WriteOffs.Single().State));
    }

    [Theory]
    [InlineData("驳回1-2-3，佐证材料不足", "zh-CN", "佐证材料不足")]
    [InlineData("reject the write-off of 1-2-3: the minutes are missing", "en-US", "the minutes are missing")]
    public async Task A_typed_rejection_keeps_its_reason_and_sends_the_work_back(string text, string locale, string reason)
    {
        var replies = await _chat.SayAsync("李明", text, locale);

        Assert.Contains(reason, replies.Readable(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-3");
        Assert.Equal((RectificationStatus.InProgress, RequestState.Rejected, reason), (task.Task.Status, task.WriteOffs.Single().State, task.WriteOffs.Single().DecisionNote));
    }

    [Fact]
    public async Task A_typed_rejection_without_a_reason_asks_for_one_and_changes_nothing()
    {
        var replies = await _chat.SayAsync("李明", "驳回1-2-3");

        Assert.Contains("驳回需要说明理由", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-2-3")).WriteOffs.Single().State);
    }

    [Fact]
    public async Task A_typed_extension_approval_moves_the_deadline()
    {
        await _chat.SayAsync("刘洋", "申请延期 2-1-1 到 2027年3月31日 因为需要补充调研");

        var replies = await _chat.SayAsync("李明", "批准2-1-1延期");

        Assert.Contains("延期申请已批准", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 3, 31), (await _chat.TaskAsync("2-1-1")).Task.DueDate);
    }

    [Theory]
    [InlineData("赵志刚", "同意1-2-3销号", "只有分管该部门的领导或整改办可以审批")]
    [InlineData("刘洋", "同意1-2-3销号", "只有分管领导和整改办可以审批")]
    [InlineData("李明", "同意1-5-2销号", "没有待您审批的申请")]
    [InlineData("李明", "同意9-9-9销号", "找不到编号为“9-9-9”的任务")]
    public async Task A_typed_decision_gets_the_same_checks_as_the_card(string who, string text, string expected)
    {
        var replies = await _chat.SayAsync(who, text);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-2-3")).WriteOffs.Single().State);
    }

    [Fact]
    public async Task A_leader_typing_write_off_on_a_task_waiting_for_him_gets_its_approval_card()
    {
        var replies = await _chat.SayAsync("李明", "1-2-3 销号");

        var card = Assert.Single(replies);
        Assert.Contains("销号申请：任务 1-2-3", new[] { card }.Readable(), StringComparison.Ordinal);
        Assert.Contains(card.Buttons(), b => b.Value<string>("action") == "decide_writeoff" && b.Value<string>("decision") == "approve");
        Assert.Single((await _chat.TaskAsync("1-2-3")).WriteOffs);
    }

    [Fact]
    public async Task A_request_never_says_it_waits_for_the_requester()
    {
        await _chat.SayAsync("陈静", "帮助");

        var replies = await _chat.SayAsync("李明", "申请销号 1-5-2 测评标准已印发");

        var readable = replies.Readable();
        Assert.Contains("已提交任务 1-5-2 的销号申请，等待陈静审批", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("等待李明", readable, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, a => a.Recipient?.Name == "李明" && a.Card() is not null);
        Assert.Contains(replies, a => a.Recipient?.Name == "陈静" && a.Card() is not null);
    }

    [Fact]
    public async Task A_request_whose_approver_never_opened_the_bot_says_so_and_goes_to_the_admins_too()
    {
        await _chat.SayAsync("陈静", "帮助");

        var replies = await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告已印发");

        var readable = replies.Readable();
        Assert.Contains("李明尚未打开过整改台账助手", readable, StringComparison.Ordinal);
        Assert.Contains("已同时发给整改办（陈静）", readable, StringComparison.Ordinal);
        var card = Assert.Single(replies, a => a.Card() is not null);
        Assert.Equal("陈静", card.Recipient.Name);
        var decided = await _chat.SubmitAsync("陈静", card.Buttons().Single(b => b.Value<string>("decision") == "approve"));
        Assert.Contains("任务 1-2-2 已销号", decided.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urging_a_task_nudges_its_officer_with_the_task_card_once_a_day()
    {
        await _chat.SayAsync("刘洋", "帮助");

        var first = await _chat.SayAsync("李明", "催办1-5-4");
        var again = await _chat.SayAsync("李明", "催一下1-5-4");

        Assert.Contains("已催办任务 1-5-4，已提醒刘洋", first.Readable(), StringComparison.Ordinal);
        var nudge = first.Where(a => a.Recipient?.Name == "刘洋").ToList();
        Assert.Contains("李明提醒您抓紧办理任务 1-5-4", nudge.Readable(), StringComparison.Ordinal);
        Assert.Contains(nudge, a => a.Card() is { } card && card.ToString().Contains("1-5-4", StringComparison.Ordinal)
            && a.Buttons().Any(b => b.Value<string>("action") == "progress_start"));
        Assert.Contains("今天已经催办过", again.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain(again, a => a.Recipient?.Name == "刘洋");

        _chat.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await _chat.SayAsync("李明", "催办1-5-4");
        Assert.Contains("已催办任务 1-5-4", tomorrow.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urging_a_person_lists_their_open_tasks_in_the_leaders_scope()
    {
        await _chat.SayAsync("刘洋", "帮助");

        var replies = await _chat.SayAsync("王建国", "催一下周涛");
        await _chat.SayAsync("周涛", "帮助");
        var liMing = await _chat.SayAsync("李明", "催一下刘洋");

        Assert.Contains("周涛尚未打开过整改台账助手", replies.Readable(), StringComparison.Ordinal);
        var nudge = liMing.Where(a => a.Recipient?.Name == "刘洋").ToList();
        Assert.Contains("李明提醒您抓紧办理以下6项整改任务", nudge.Readable(), StringComparison.Ordinal);
        foreach (var code in new[] { "1-2-2", "1-3-2", "1-4-2", "1-5-2", "1-5-4", "2-1-1" })
        {
            Assert.Contains($"**{code}**", nudge.Readable(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Remind_to_hurry_on_one_task_urges_only_that_task()
    {
        await _chat.SayAsync("刘洋", "帮助");

        var replies = await _chat.SayAsync("李明", "提醒刘洋抓紧1-3-2");

        Assert.Contains("已催办任务 1-3-2，已提醒刘洋", replies.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("1-5-4", replies.Where(a => a.Recipient?.Name == "刘洋").Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("刘洋", "催办1-5-4", "只有分管领导和整改办可以催办")]
    [InlineData("王建国", "催办1-5-4", "不在您的分管范围内")]
    [InlineData("李明", "催办1-2-3", "已完成或已销号")]
    [InlineData("李明", "催一下张三丰", "没有找到名为“张三丰”的人员")]
    [InlineData("李明", "催办", "请说明催办哪项任务")]
    public async Task Urging_is_refused_outside_the_role_and_scope(string who, string text, string expected)
    {
        var replies = await _chat.SayAsync(who, text);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_the_bot_cannot_reach_is_named_and_the_urge_is_not_used_up()
    {
        var unreachable = await _chat.SayAsync("李明", "催办1-5-4");
        await _chat.SayAsync("刘洋", "帮助");
        var reached = await _chat.SayAsync("李明", "催办1-5-4");

        Assert.Contains("刘洋尚未打开过整改台账助手", unreachable.Readable(), StringComparison.Ordinal);
        Assert.Contains("已催办任务 1-5-4", reached.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaders_overdue_list_carries_urge_buttons_and_pressing_one_urges()
    {
        await _chat.SayAsync("刘洋", "帮助");

        var list = Assert.Single(await _chat.SayAsync("李明", "逾期"));
        var buttons = list.Buttons();
        Assert.DoesNotContain(buttons, b => b.Value<string>("action") == "progress_start");
        var urge = buttons.First(b => b.Value<string>("action") == "urge" && b.Value<string>("code") == "1-5-4");
        var replies = await _chat.SubmitAsync("李明", urge);

        Assert.Contains("已催办任务 1-5-4", replies.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("撤回", "zh-CN", "已撤回您对任务 1-2-2 的上一条进展")]
    [InlineData("undo my last update", "en-US", "Your last progress update on task 1-2-2 is withdrawn")]
    public async Task An_officer_takes_back_the_last_update_and_the_task_returns_to_before(string text, string locale, string expected)
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度90% 写错了");
        await _chat.SayAsync("刘洋", "确认");
        Assert.Equal(90, (await _chat.TaskAsync("1-2-2")).Task.Percent);

        var replies = await _chat.SayAsync("刘洋", text, locale);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-2");
        Assert.Equal((60, "督查已完成4个旗县，调研报告起草中"), (task.Task.Percent, task.ProgressNote));
        Assert.DoesNotContain(task.Progress, p => p.Note == "写错了");
    }

    [Fact]
    public async Task An_update_older_than_thirty_minutes_cannot_be_taken_back()
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度90% 报告已报送");
        await _chat.SayAsync("刘洋", "确认");
        _chat.Time.Advance(TimeSpan.FromMinutes(31));

        var replies = await _chat.SayAsync("刘洋", "撤回");

        Assert.Contains("只能撤回30分钟内", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(90, (await _chat.TaskAsync("1-2-2")).Task.Percent);
    }
}
