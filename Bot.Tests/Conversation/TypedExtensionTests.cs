using Rectification.Tests.Teams;

namespace Rectification.Tests.Conversation;

/// <summary>
/// An extension asked for in a sentence whose date the command parser does not know ("to the end of March",
/// 明年三月底): the recognizers' date is the deadline asked for, not a "bad date" reply.
/// </summary>
public sealed class TypedExtensionTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.OpenedByAsync("李明", "刘洋");

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("extend 1-3-2 to the end of March because the joint notice is not out yet", 2027, 3, 31)]
    [InlineData("1-3-2 延期到明年三月底，因为需与盟民委联合发文", 2027, 3, 31)]
    [InlineData("push 1-3-2 to end of next month because the joint notice is not out yet", 2026, 12, 31)]
    public async Task The_recognized_date_is_the_one_requested(string typed, int year, int month, int day)
    {
        await _chat.SayAsync("刘洋", typed);

        var request = (await _chat.TaskAsync("1-3-2")).Extensions.Single();
        Assert.Equal(new DateOnly(year, month, day), request.ToDate);
    }
}
