using Rectification.Data.Reminders;

namespace Rectification.Tests.Teams;

/// <summary>The digest card's own buttons, pressed in chat: acknowledge and snooze, only by the digest's owner.</summary>
public sealed class ReminderButtonTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private string _slot = "";

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync();
        var liu = await _chat.PersonAsync("刘洋");
        _slot = $"{liu.Id}/overdue/2026-11-27";
        // The buttons act only on a digest that was sent to its owner.
        var outbox = _chat.Get<ReminderOutbox>();
        await outbox.PlanAsync([new OutboxEntry(_slot, liu.Id, "overdue", new DateOnly(2026, 11, 27), ChatHarness.Now.AddHours(-1), false, "{}")], ChatHarness.Now.AddHours(-2));
        var claimed = await outbox.ClaimAsync("test", ChatHarness.Now, ChatHarness.Now.AddMinutes(10), 10);
        await outbox.MarkSentAsync(claimed.Single().Id, "test", ChatHarness.Now);
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Acknowledging_a_digest_is_recorded_once()
    {
        var first = await _chat.SubmitAsync("刘洋", new { action = "reminder_ack", slot = _slot });
        var again = await _chat.SubmitAsync("刘洋", new { action = "reminder_ack", slot = _slot });

        Assert.Contains("您已知悉这条提醒", first.Readable(), StringComparison.Ordinal);
        Assert.Contains("已经确认过了", again.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snoozing_says_when_reminders_resume()
    {
        var replies = await _chat.SubmitAsync("刘洋", new { action = "reminder_snooze", slot = _slot, days = "3" });

        Assert.Contains("接下来 3 天不再提醒您，2026年12月1日起恢复", replies.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("three")]
    public async Task A_snooze_outside_1_to_30_days_is_refused(string days)
    {
        var replies = await _chat.SubmitAsync("刘洋", new { action = "reminder_snooze", slot = _slot, days });

        Assert.Contains("暂停天数应为 1 到 30 天", replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_digest_cannot_be_silenced()
    {
        var replies = await _chat.SubmitAsync("周涛", new { action = "reminder_ack", slot = _slot });

        Assert.Contains("这条提醒不是发给您的", replies.Readable(), StringComparison.Ordinal);
    }
}
