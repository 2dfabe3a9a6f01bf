using Dapper;

namespace Rectification.Tests.Teams;

/// <summary>A turn that throws tells the user something neutral and clears their state, so they are never stuck.</summary>
public sealed class TurnErrorTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Unreadable_state_gets_a_neutral_answer_and_the_next_message_works()
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度90%");
        await using (var connection = await _chat.Get<Rectification.Data.Db.ConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            // State written by some other version of the bot, which this one cannot read.
            await connection.ExecuteAsync("UPDATE bot_state SET value_json = '{\"FlowState\":{\"Step\":\"no-such-step\"}}'");
        }

        var broken = await _chat.SayAsync("刘洋", "确认");
        var next = await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("出了点问题", broken.Readable(), StringComparison.Ordinal);
        Assert.Contains("没有需要确认", next.Readable(), StringComparison.Ordinal);
        Assert.Equal(60, (await _chat.TaskAsync("1-2-2")).Task.Percent);
    }

    [Fact]
    public async Task The_neutral_answer_is_in_the_users_language()
    {
        await _chat.SayAsync("刘洋", "1-2-2 80%", "en-US");
        await using (var connection = await _chat.Get<Rectification.Data.Db.ConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE bot_state SET value_json = '{\"FlowState\":{\"Kind\":[1,2]}}'");
        }

        var broken = await _chat.SayAsync("刘洋", "confirm", "en-US");

        Assert.Contains("Sorry, something went wrong", broken.Readable(), StringComparison.Ordinal);
    }
}
