using Rectification.Data.Ledger;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Conversation;

/// <summary>
/// A leader who decides by typing (同意1-2-2销号) while the approval card is still in his chat: the card must agree
/// with the ledger afterwards, so a later press of its button is told the request is already decided and changes nothing.
/// </summary>
public sealed class TypedDecisionCardTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.OpenedByAsync("李明", "刘洋");

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("同意1-2-2销号", "reject", RequestState.Approved)]
    [InlineData("同意1-2-2销号", "approve", RequestState.Approved)]
    [InlineData("驳回1-2-2，佐证材料不足", "approve", RequestState.Rejected)]
    public async Task A_card_pressed_after_a_typed_decision_is_already_decided(string typed, string pressed, RequestState state)
    {
        var request = await _chat.SayAsync("刘洋", "申请销号 1-2-2 专项督查报告见 https://example.org/report.pdf");
        var card = request.Single(a => a.Card() is not null && a.Recipient?.Name == "李明");
        var id = card.Buttons().First(b => b.Value<string>("decision") is not null).Value<string>("id")!;

        await _chat.SayAsync("李明", typed);
        var decided = await _chat.TaskAsync("1-2-2");
        var press = await _chat.SubmitAsync("李明", new { action = "decide_writeoff", id, decision = pressed, reason = "按卡片驳回" }, replyToId: card.Id ?? "card-1");

        Assert.Contains("已经审批过了", press.Readable(), StringComparison.Ordinal);
        var after = await _chat.TaskAsync("1-2-2");
        Assert.Equal(state, after.WriteOffs.Single().State);
        Assert.Equal(decided.Task.Status, after.Task.Status);
    }
}
