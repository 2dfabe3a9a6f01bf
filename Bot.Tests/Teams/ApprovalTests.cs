using Rectification.Data.Ledger;

namespace Rectification.Tests.Teams;

/// <summary>Write-off (销号) and extension requests: the officer asks, the supervising leader decides on a card.</summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync();
        // The leader has talked to the bot once, so the bot knows where to reach them.
        await _chat.SayAsync("李明", "帮助");
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private async Task<(Microsoft.Bot.Schema.IActivity Card, long RequestId)> RequestWriteOffAsync()
    {
        var replies = await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");
        var card = replies.Single(a => a.Card() is not null && a.Recipient?.Name == "李明");
        var approve = card.Buttons().Single(b => b.Value<string>("decision") == "approve");
        return (card, long.Parse(approve.Value<string>("id")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_write_off_request_reaches_the_supervising_leader_as_an_approval_card()
    {
        var replies = await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");

        Assert.Contains("已提交任务 1-2-2 的销号申请，等待李明审批", replies.Readable(), StringComparison.Ordinal);
        var card = Assert.Single(replies, a => a.Card() is not null);
        Assert.Equal("李明", card.Recipient.Name);
        Assert.Contains("https://example.org/report.pdf", card.Card()!.ToString(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-2");
        Assert.Equal((RectificationStatus.Done, RequestState.Pending), (task.Task.Status, task.WriteOffs.Single().State));
    }

    [Fact]
    public async Task Approving_writes_the_item_off_updates_the_card_and_tells_the_officer()
    {
        await _chat.SayAsync("刘洋", "帮助");
        var (card, id) = await RequestWriteOffAsync();

        var replies = await _chat.SubmitAsync("李明", new { action = "decide_writeoff", id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), decision = "approve" }, replyToId: card.Id ?? "card-1");

        Assert.Contains("任务 1-2-2 已销号", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains(replies, a => a.Recipient?.Name == "刘洋" && a.Text().Contains("李明审批了您的申请", StringComparison.Ordinal));
        var updated = Assert.Single(_chat.Updates);
        Assert.Empty(updated.Buttons());
        Assert.Contains("李明 已同意", updated.Card()!.ToString(), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.WrittenOff, (await _chat.TaskAsync("1-2-2")).Task.Status);
    }

    [Fact]
    public async Task The_officer_hears_the_decision_in_their_own_language()
    {
        await _chat.SayAsync("刘洋", "帮助");
        await _chat.SayAsync("李明", "help", "en-US");
        var request = await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告");
        var card = request.Single(a => a.Recipient?.Name == "李明");
        var id = card.Buttons()[0].Value<string>("id")!;

        var replies = await _chat.SubmitAsync("李明", new { action = "decide_writeoff", id, decision = "approve" });

        Assert.Contains("Write-off request: task 1-2-2", card.Card()!.ToString(), StringComparison.Ordinal);

        Assert.Contains(replies, a => a.Recipient?.Name == "李明" && a.Text().Contains("Task 1-2-2 is written off", StringComparison.Ordinal));
        Assert.Contains(replies, a => a.Recipient?.Name == "刘洋" && a.Text().Contains("任务 1-2-2 已销号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_decided_card_cannot_be_decided_twice()
    {
        var (card, id) = await RequestWriteOffAsync();
        var value = new { action = "decide_writeoff", id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), decision = "approve" };
        await _chat.SubmitAsync("李明", value, replyToId: "card-1");

        var again = await _chat.SubmitAsync("李明", value with { decision = "approve" }, replyToId: "card-1");

        Assert.Contains("已经审批过了", again.Readable(), StringComparison.Ordinal);
        Assert.Equal(2, _chat.Updates.Count);
        Assert.Single((await _chat.TaskAsync("1-2-2")).WriteOffs);
        _ = card;
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_sends_the_item_back_to_work()
    {
        var (_, id) = await RequestWriteOffAsync();
        var requestId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noReason = await _chat.SubmitAsync("李明", new { action = "decide_writeoff", id = requestId, decision = "reject", reason = "" });
        var rejected = await _chat.SubmitAsync("李明", new { action = "decide_writeoff", id = requestId, decision = "reject", reason = "缺少督查通报原件" });

        Assert.Contains("驳回需要填写理由", noReason.Readable(), StringComparison.Ordinal);
        Assert.Contains("销号申请被驳回：缺少督查通报原件", rejected.Readable(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-2");
        Assert.Equal((RectificationStatus.InProgress, "缺少督查通报原件"), (task.Task.Status, task.WriteOffs.Single().DecisionNote));
    }

    [Fact]
    public async Task Only_the_supervising_leader_may_decide()
    {
        await _chat.SayAsync("赵志刚", "帮助");
        var (_, id) = await RequestWriteOffAsync();

        var replies = await _chat.SubmitAsync("赵志刚", new { action = "decide_writeoff", id = id.ToString(System.Globalization.CultureInfo.InvariantCulture), decision = "approve" });

        Assert.Contains("只有分管该部门的领导或整改办可以审批", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().State);
    }

    [Fact]
    public async Task A_write_off_request_without_evidence_asks_for_it()
    {
        var ask = await _chat.SayAsync("刘洋", "申请销号 1-2-2");
        var done = await _chat.SayAsync("刘洋", "督查报告已印发，文号统战发〔2026〕12号");

        Assert.Contains("请上传佐证材料，或直接回复文字说明", ask.Readable(), StringComparison.Ordinal);
        Assert.Contains("已提交任务 1-2-2 的销号申请", done.Readable(), StringComparison.Ordinal);
        Assert.Equal("督查报告已印发，文号统战发〔2026〕12号", (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().Evidence);
    }

    [Fact]
    public async Task An_extension_is_requested_in_one_line_and_approved_keeping_the_original_deadline()
    {
        var before = await _chat.TaskAsync("1-3-2");

        var requested = await _chat.SayAsync("刘洋", "申请延期 1-3-2 到 2027年1月15日 因为需与盟民委联合发文");
        var card = requested.Single(a => a.Card() is not null);
        var id = card.Buttons()[0].Value<string>("id")!;
        var approved = await _chat.SubmitAsync("李明", new { action = "decide_extension", id, decision = "approve" });

        Assert.Contains("延期至 2027年1月15日 的申请", requested.Readable(), StringComparison.Ordinal);
        Assert.Contains("新期限为 2027年1月15日", approved.Readable(), StringComparison.Ordinal);
        var after = await _chat.TaskAsync("1-3-2");
        Assert.Equal((new DateOnly(2027, 1, 15), before.Task.DueDate, 1), (after.Task.DueDate, after.OriginalDueDate, after.ExtensionCount));
    }

    [Fact]
    public async Task An_extension_into_the_past_is_refused_and_the_date_asked_again()
    {
        var past = await _chat.SayAsync("刘洋", "申请延期 1-2-2 到 2026年11月1日 因为人手不足");
        var fixedDate = await _chat.SayAsync("刘洋", "12月31日");

        Assert.Contains("须晚于当前期限", past.Readable(), StringComparison.Ordinal);
        Assert.Contains("希望延期到哪一天", past.Readable(), StringComparison.Ordinal);
        Assert.Contains("延期至 2026年12月31日 的申请", fixedDate.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_extension_request_is_asked_for_its_reason()
    {
        var ask = await _chat.SayAsync("刘洋", "extend 1-5-2 to Dec 31", "en-US");
        var done = await _chat.SayAsync("刘洋", "waiting for the league committee's comments", "en-US");

        Assert.Contains("Why does task 1-5-2 need more time", ask.Readable(), StringComparison.Ordinal);
        Assert.Contains("Extension of task 1-5-2 to 31 Dec 2026 requested", done.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_lists_the_leaders_open_requests_as_cards()
    {
        await RequestWriteOffAsync();

        var replies = await _chat.SayAsync("李明", "待审批");
        var none = await _chat.SayAsync("王建国", "待审批");

        // The demo ledger already holds one request of 李明's departments (1-2-3).
        Assert.Contains("2份申请待您审批", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains(replies, a => a.Buttons().Any(b => b.Value<string>("action") == "decide_writeoff"));
        Assert.Contains("目前没有待您审批的申请", none.Readable(), StringComparison.Ordinal);
    }
}
