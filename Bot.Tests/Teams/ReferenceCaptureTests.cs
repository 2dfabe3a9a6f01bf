using Dapper;
using Microsoft.Bot.Schema;
using Rectification.Data.Db;
using Rectification.Data.Reminders;

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

    [Fact]
    public async Task A_person_refused_by_Teams_is_reachable_again_when_they_write_to_the_bot()
    {
        var liu = await _chat.PersonAsync("刘洋");
        await _chat.SayAsync("刘洋", "我的任务");
        Assert.True(await ReachableAsync(liu.Id));

        // The bot was blocked or uninstalled: the dispatcher of this host records Teams' 403.
        _chat.Time.Advance(TimeSpan.FromMinutes(1));
        await _chat.Get<ReminderRecipients>().MarkUnreachableAsync(liu.Id, 403, _chat.Time.GetUtcNow());
        Assert.False(await ReachableAsync(liu.Id));

        // They came back and wrote: Teams keeps the same personal conversation, so the reference itself is unchanged.
        _chat.Time.Advance(TimeSpan.FromMinutes(1));
        await _chat.SayAsync("刘洋", "我的任务");
        Assert.True(await ReachableAsync(liu.Id));
    }

    [Fact]
    public async Task A_person_refused_on_another_host_is_reachable_again_when_they_reinstall_the_bot()
    {
        var liu = await _chat.PersonAsync("刘洋");
        await _chat.SayAsync("刘洋", "我的任务");

        // Another host's dispatcher got the 403: this host still remembers the reference as stored.
        _chat.Time.Advance(TimeSpan.FromMinutes(1));
        await new ReminderRecipients(_chat.Get<ConnectionFactory>()).MarkUnreachableAsync(liu.Id, 404, _chat.Time.GetUtcNow());
        Assert.False(await ReachableAsync(liu.Id));

        _chat.Time.Advance(TimeSpan.FromMinutes(1));
        await _chat.SendAsync("刘洋", new Activity(ActivityTypes.InstallationUpdate) { Action = "add", Locale = "zh-CN" });
        Assert.True(await ReachableAsync(liu.Id));
    }

    private async Task<bool> ReachableAsync(long personId) =>
        (await new ReminderSnapshotQueries(_chat.Get<ConnectionFactory>()).ReadAsync(DateOnly.FromDateTime(ChatHarness.Now.UtcDateTime))).People.Single(p => p.Id == personId).HasConversationReference;

    private async Task<string?> UpdatedAtAsync(string user)
    {
        await using var connection = await _chat.Get<ConnectionFactory>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string?>("SELECT CAST(updated_at AS TEXT) FROM conversation_references WHERE user_id = @UserId",
            new { UserId = ChatHarness.UserId(user) });
    }
}
