using Dapper;
using Rectification.Data.Db;

namespace Rectification.Tests.Teams;

/// <summary>Every message captures where its sender can be reached; an unchanged reference costs no write.</summary>
public sealed class ReferenceCaptureTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Messages_after_the_first_do_not_rewrite_the_reference_and_open_fewer_connections()
    {
        var connections = _chat.Get<ConnectionFactory>();
        await _chat.SayAsync("刘洋", "我的任务");
        var firstAt = await UpdatedAtAsync("刘洋");
        Assert.NotNull(firstAt);

        _chat.Time.Advance(TimeSpan.FromMinutes(2));
        var before = connections.Opened;
        var replies = await _chat.SayAsync("刘洋", "我的任务");
        var opened = connections.Opened - before;

        Assert.NotEmpty(replies);
        Assert.Equal(firstAt, await UpdatedAtAsync("刘洋"));
        // The turn's own work (identity, state, the list, redelivery guard) still opens connections; the capture does not.
        Assert.True(opened <= 7, $"{opened} connections for one turn");
    }

    private async Task<string?> UpdatedAtAsync(string user)
    {
        await using var connection = await _chat.Get<ConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>("SELECT CAST(updated_at AS TEXT) FROM conversation_references WHERE user_id = @UserId",
            new { UserId = ChatHarness.UserId(user) });
    }
}
