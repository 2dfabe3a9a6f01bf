using Dapper;
using Rectification.Data.Reminders;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.4: a card payload of the wrong shape gets a clear refusal, not the "something went wrong" reply; and
/// a digest's buttons act only on a digest that was sent to the person pressing them, never on a future slot.
/// </summary>
public sealed class CardPayloadTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    public static TheoryData<string, object> WrongShapes() => new()
    {
        { "an object as the action", new { action = new { name = "confirm" } } },
        { "a number as the action", new { action = 7 } },
        { "an object where the code belongs", new { action = "pick", code = new { value = "1-2-2" } } },
        { "an array where the note belongs", new { action = "progress", code = "1-2-2", percent = "50", note = new[] { "a", "b" } } },
        { "a field no card has", new { action = "pick", code = "1-2-2", admin = "true" } },
        { "an object as the decision", new { action = "decide_writeoff", id = "1", decision = new { approve = true } } },
        { "an oversized field", new { action = "progress", code = "1-2-2", note = new string('长', 5000) } },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_payload_of_the_wrong_shape_is_refused_plainly_and_changes_nothing(string why, object value)
    {
        var before = await _chat.TaskAsync("1-2-2");

        var replies = await _chat.SubmitAsync("刘洋", value);

        var text = replies.Readable();
        Assert.True(text.Contains("卡片提交的内容格式不正确", StringComparison.Ordinal), $"{why}: {text}");
        Assert.DoesNotContain("出了点问题", text, StringComparison.Ordinal);
        Assert.Equal(before.Progress.Count, (await _chat.TaskAsync("1-2-2")).Progress.Count);
    }

    [Fact]
    public async Task A_well_formed_payload_still_works()
    {
        var replies = await _chat.SubmitAsync("刘洋", new { action = "pick", code = "1-2-2" });

        Assert.DoesNotContain("卡片提交的内容格式不正确", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains("1-2-2", replies.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reminder_ack")]
    [InlineData("reminder_snooze")]
    public async Task A_future_digest_cannot_be_acknowledged_or_snoozed(string action)
    {
        var liu = await _chat.PersonAsync("刘洋");
        var slot = $"{liu.Id}/overdue/2026-12-01";
        await _chat.Get<ReminderOutbox>().PlanAsync(
            [new OutboxEntry(slot, liu.Id, "overdue", new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), false, "{}")],
            ChatHarness.Now);

        var replies = await _chat.SubmitAsync("刘洋", new { action, slot, days = "3" });

        Assert.Contains("这条提醒尚未发送给您", replies.Readable(), StringComparison.Ordinal);
        var row = (await _chat.Get<ReminderOutbox>().ListAsync()).Single(r => r.SlotKey == slot);
        Assert.Equal(OutboxState.Pending, row.State);
        await using var connection = await _chat.Get<Rectification.Data.Db.ConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reminder_snoozes") + await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM reminder_acknowledgements"));
    }
}
