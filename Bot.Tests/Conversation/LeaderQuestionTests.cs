using Rectification.Data.Ledger;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Conversation;

/// <summary>
/// A leader who asks about a pending request ("1-2-2 可以销号了吗", "批了没有", "has 1-3-2's extension been approved?")
/// is asking, not deciding: the approve words in the question (可以销号, 批了, approved) must never decide it.
/// </summary>
public sealed class LeaderQuestionTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.OpenedByAsync("李明", "刘洋");

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("1-2-2 可以销号了吗")]
    [InlineData("1-2-2 可以销号吗？")]
    [InlineData("1-2-2销号批了没有")]
    [InlineData("批了没有")]
    [InlineData("同意了吗")]
    [InlineData("has 1-2-2 been approved?")]
    [InlineData("不懂")]
    [InlineData("1-2-2销号要不要批准")]
    [InlineData("1-2-2 销号材料已通过部门审核，请领导审批")]
    [InlineData("1-2-2 write-off: will approve after I see the photos")]
    public async Task A_question_leaves_the_write_off_pending(string question)
    {
        await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");

        var answer = await _chat.SayAsync("李明", question);

        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().State);
        Assert.DoesNotContain("已同意", answer.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-3-2 延期批了没有")]
    [InlineData("1-3-2 可以延期吗")]
    [InlineData("1-3-2 需要延期两个月")]
    [InlineData("1-3-2 延期等我看完材料再同意")]
    public async Task A_question_leaves_the_extension_pending(string question)
    {
        await _chat.SayAsync("刘洋", "申请延期 1-3-2 到 2027年1月15日 因为需与盟民委联合发文");

        await _chat.SayAsync("李明", question);

        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-3-2")).Extensions.Single().State);
    }

    [Theory]
    [InlineData("驳回1-2-2：照片是否为整改后拍摄？")]
    [InlineData("reject 1-2-2: why is the photo from 2025?")]
    public async Task A_rejection_whose_reason_asks_something_still_rejects(string text)
    {
        await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");

        await _chat.SayAsync("李明", text);

        Assert.Equal(RequestState.Rejected, (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().State);
    }

    [Fact]
    public async Task An_explicit_typed_approval_still_decides()
    {
        await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");

        await _chat.SayAsync("李明", "1-2-2 同意销号");

        Assert.Equal(RequestState.Approved, (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().State);
    }

    [Theory]
    [InlineData("1-3-2延期，同意")]
    [InlineData("1-3-2 延期申请准了")]
    [InlineData("1-3-2 延期的事同意了")]
    [InlineData("刘洋的1-3-2延期，我看可以，批了")]
    [InlineData("1-3-2 extension request: approved")]
    public async Task A_decision_word_closing_the_sentence_after_the_request_decides(string text)
    {
        await _chat.SayAsync("刘洋", "申请延期 1-3-2 到 2027年1月15日 因为需与盟民委联合发文");

        await _chat.SayAsync("李明", text);

        Assert.Equal(RequestState.Approved, (await _chat.TaskAsync("1-3-2")).Extensions.Single().State);
    }

    [Fact]
    public async Task A_rejection_closing_the_sentence_is_read_as_one_and_asks_for_its_reason()
    {
        await _chat.SayAsync("刘洋", "申请延期 1-3-2 到 2027年1月15日 因为需与盟民委联合发文");

        var answer = await _chat.SayAsync("李明", "1-3-2 延期申请，驳回");

        Assert.Equal(RequestState.Pending, (await _chat.TaskAsync("1-3-2")).Extensions.Single().State);
        Assert.Contains("驳回需要说明理由", answer.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_saying_the_leader_agreed_decides_nothing()
    {
        await _chat.SayAsync("刘洋", "申请延期 1-3-2 到 2027年1月15日 因为需与盟民委联合发文");

        await _chat.SayAsync("刘洋", "1-3-2延期，领导同意了");

        Assert.All((await _chat.TaskAsync("1-3-2")).Extensions, e => Assert.NotEqual(RequestState.Approved, e.State));
    }
}
