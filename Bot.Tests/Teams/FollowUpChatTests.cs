using Microsoft.Bot.Schema;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Teams;

/// <summary>
/// 回头看 in chat over the demo ledger, three months after its write-offs (the demo approves them three days before
/// its "now"): each role sees its own list, and a relapse pressed on the list's card reopens the item and tells the
/// officer. 1-5-1 (宣传教育科, 孙丽) is 李明's; 1-1-2, 1-3-1, 1-4-1 and 4-2-1 (办公室, 周涛) are 王建国's.
/// </summary>
public sealed class FollowUpChatTests : IAsyncLifetime
{
    /// <summary>Tuesday 2 March 2027, 10:00 in Asia/Shanghai: every demo write-off is past its 90 days.</summary>
    private static readonly DateTimeOffset Later = new(2027, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Today_only_the_long_term_items_are_due_and_fresh_write_offs_wait_their_90_days()
    {
        // 1-2-1 is 长期坚持 and entered the ledger more than a quarter ago; 1-5-1 was written off three days ago.
        var leader = (await _chat.SayAsync("李明", "回头看")).Readable();
        Assert.Contains("1-2-1", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("1-5-1", leader, StringComparison.Ordinal);

        var none = await _chat.SayAsync("赵志刚", "回头看");
        Assert.Contains("目前没有到期的回头看事项。下一项将于2027年2月22日到期。", none.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_role_sees_its_own_rechecks()
    {
        _chat.Time.SetUtcNow(Later);

        var leader = (await _chat.SayAsync("李明", "回头看")).Readable();
        Assert.Contains("1-5-1", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("1-1-2", leader, StringComparison.Ordinal);

        var other = (await _chat.SayAsync("王建国", "follow-up", "en-US")).Readable();
        Assert.Contains("Follow-up:", other, StringComparison.Ordinal);
        Assert.Contains("1-1-2", other, StringComparison.Ordinal);
        Assert.DoesNotContain("1-5-1", other, StringComparison.Ordinal);

        var admin = (await _chat.SayAsync("陈静", "回头看")).Readable();
        Assert.Contains("1-5-1", admin, StringComparison.Ordinal);
        Assert.Contains("1-1-2", admin, StringComparison.Ordinal);

        // An officer sees the state of her own closed items, without buttons.
        var officer = await _chat.SayAsync("孙丽", "回头看");
        Assert.Contains("您负责的", officer.Readable(), StringComparison.Ordinal);
        Assert.Contains("1-5-1", officer.Readable(), StringComparison.Ordinal);
        Assert.Empty(officer.SelectMany(a => a.Buttons()));
    }

    [Fact]
    public async Task A_relapse_pressed_on_the_list_reopens_the_item_and_tells_the_officer()
    {
        await _chat.SayAsync("孙丽", "帮助");
        _chat.Time.SetUtcNow(Later);
        var list = Assert.Single(await _chat.SayAsync("李明", "回头看"), a => a.Card() is not null);
        var relapse = list.Buttons().Single(b => (string?)b["action"] == "recheck_relapse" && (string?)b["code"] == "1-5-1");

        // Someone else pressing the leader's button (or a forged one) is refused and changes nothing.
        var forged = await _chat.SubmitAsync("孙丽", relapse);
        Assert.Contains("不在您的分管范围内", forged.Readable(), StringComparison.Ordinal);

        var form = Assert.Single(await _chat.SubmitAsync("李明", relapse));
        var reopen = form.Buttons().Single(b => (string?)b["action"] == "recheck_reopen");
        reopen["reason"] = "抽查发现培训成果未转化为常态化学习";
        reopen["deadline"] = "2027-04-30";
        var replies = await _chat.SubmitAsync("李明", reopen);

        Assert.Contains("任务 1-5-1 已重新打开整改，整改时限为2027年4月30日，已通知孙丽。", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains(replies, a => a.Recipient?.Name == "孙丽" && a.Text().Contains("出现反弹：抽查发现培训成果未转化为常态化学习", StringComparison.Ordinal));
        var task = await _chat.TaskAsync("1-5-1");
        Assert.Equal((RectificationStatus.InProgress, new DateOnly(2027, 4, 30)), (task.Task.Status, task.Task.DueDate));

        // The same form again: the item is open now, the card is out of date.
        Assert.Contains("已经处理过或情况已变化", (await _chat.SubmitAsync("李明", reopen)).Readable(), StringComparison.Ordinal);
        // 统计 counts it.
        Assert.Contains("1 项出现反弹已重新整改，其中 1 项仍在整改", (await _chat.SayAsync("陈静", "统计")).Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Holding_is_recorded_once_and_the_next_recheck_is_named()
    {
        _chat.Time.SetUtcNow(Later);
        var list = Assert.Single(await _chat.SayAsync("王建国", "回头看"), a => a.Card() is not null);
        var holding = list.Buttons().Single(b => (string?)b["action"] == "recheck_ok" && (string?)b["code"] == "1-1-2");

        var replies = await _chat.SubmitAsync("王建国", holding);

        Assert.Contains("已记录：任务 1-1-2 回头看巩固良好。下次回头看时间为2027年5月31日。", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains("已经处理过或情况已变化", (await _chat.SubmitAsync("王建国", holding)).Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("1-1-2", (await _chat.SayAsync("王建国", "回头看")).Readable(), StringComparison.Ordinal);
        Assert.Equal(RectificationStatus.WrittenOff, (await _chat.TaskAsync("1-1-2")).Task.Status);
    }
}
