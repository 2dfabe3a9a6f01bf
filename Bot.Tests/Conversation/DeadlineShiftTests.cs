using Rectification.Bot.Conversation;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Conversation;

/// <summary>
/// An extension asked as a length (延期一个月, "extend it by two weeks") moves the deadline: it counts from the task's
/// deadline, or from today when that has passed. A date counted from now (两周后, 10天内) is not a shift.
/// </summary>
public sealed class DeadlineShiftTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.OpenedByAsync("刘洋");

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("延期两周", 14, 0)]
    [InlineData("1-2-2推迟一个月，因为资金没到位", 0, 1)]
    [InlineData("申请延期10天", 10, 0)]
    [InlineData("再宽限15天吧", 15, 0)]
    [InlineData("需要再延长两个月", 0, 2)]
    [InlineData("顺延半个月", 15, 0)]
    [InlineData("三天内完成不了，申请延期一周", 7, 0)]
    [InlineData("extend \uE000\uE000\uE000\uE000\uE000 by two weeks", 14, 0)]
    [InlineData("need two more weeks for 1-2-2, the supplier is late", 14, 0)]
    [InlineData("push \uE000\uE000\uE000 back a month", 0, 1)]
    [InlineData("please give me another 10 days", 10, 0)]
    [InlineData("延期一个半月", 15, 1)]
    [InlineData("需要再延长两个半月", 15, 2)]
    [InlineData("延期一年", 0, 12)]
    [InlineData("申请延期半年", 0, 6)]
    [InlineData("need 3 more days", 3, 0)]
    public void A_length_that_moves_the_deadline_is_a_shift(string key, int days, int months) =>
        Assert.Equal(new DeadlineShift(days, months), DeadlineShift.Find(key));

    [Theory]
    [InlineData("延期到12月31日")]
    [InlineData("延期12月31日")]
    [InlineData("延期至两周后")]
    [InlineData("两周后完成")]
    [InlineData("10天内完成")]
    [InlineData("extend it to march 3")]
    [InlineData("extend it until 2027")]
    [InlineData("推迟到明年3月底")]
    [InlineData("已经完成了80%")]
    [InlineData("延期10月底")]
    [InlineData("延期十月底")]
    [InlineData("延期3月份")]
    [InlineData("延期1.5个月")]
    [InlineData("extend by 1.5 months")]
    [InlineData("延期原因：三天前暴雨冲毁道路")]
    [InlineData("延期3-5天")]
    [InlineData("延期2027年")]
    public void A_date_or_a_length_from_now_is_not_a_shift(string key) => Assert.Null(DeadlineShift.Find(key));

    [Theory]
    [InlineData("两周", 14, 0)]
    [InlineData("再给一个月", 0, 1)]
    [InlineData("2 weeks", 14, 0)]
    [InlineData("大概10天左右", 10, 0)]
    public void A_length_as_the_whole_answer_is_a_shift(string key, int days, int months) =>
        Assert.Equal(new DeadlineShift(days, months), DeadlineShift.FindWhole(key));

    [Theory]
    [InlineData("15日")]
    [InlineData("10月底")]
    [InlineData("两周后")]
    [InlineData("两周，因为设备未到")]
    public void A_date_or_more_than_a_length_as_the_answer_is_not_one(string key) => Assert.Null(DeadlineShift.FindWhole(key));

    [Fact]
    public void A_shift_counts_from_a_deadline_still_ahead_and_otherwise_from_today()
    {
        var today = new DateOnly(2026, 11, 27);
        var month = new DeadlineShift(0, 1);
        Assert.Equal(new DateOnly(2027, 1, 31), month.Apply(new DateOnly(2026, 12, 31), today));
        Assert.Equal(new DateOnly(2026, 12, 27), month.Apply(new DateOnly(2026, 11, 20), today));
        Assert.Equal(new DateOnly(2026, 12, 11), new DeadlineShift(14, 0).Apply(null, today));
    }

    [Theory]
    [InlineData("1-2-2 延期一个月，因为需等待盟民委联合发文", 0, 1)]
    [InlineData("extend 1-2-2 by two weeks because the joint notice is not out yet", 14, 0)]
    [InlineData("1-3-2 申请延期两周，原因：需与盟民委联合发文", 14, 0)]
    public async Task A_typed_shift_asks_for_the_deadline_moved_by_it(string typed, int days, int months)
    {
        var code = typed.Contains("1-3-2", StringComparison.Ordinal) ? "1-3-2" : "1-2-2";
        var due = (await _chat.TaskAsync(code)).Task.DueDate!.Value;

        await _chat.SayAsync("刘洋", typed);

        var request = (await _chat.TaskAsync(code)).Extensions.Single();
        var today = DateOnly.FromDateTime(ChatHarness.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var anchor = due > today ? due : today;
        Assert.Equal(anchor.AddMonths(months).AddDays(days), request.ToDate);
    }

    [Fact]
    public async Task A_length_given_as_the_new_deadline_moves_the_deadline_too()
    {
        var due = (await _chat.TaskAsync("1-2-2")).Task.DueDate!.Value;
        var today = DateOnly.FromDateTime(ChatHarness.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.True(due > today, "the test needs a deadline still ahead, where counting from today would differ");

        await _chat.SayAsync("刘洋", "1-2-2 申请延期");
        await _chat.SayAsync("刘洋", "两周");
        await _chat.SayAsync("刘洋", "需等待盟民委联合发文");

        Assert.Equal(due.AddDays(14), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
    }

    [Fact]
    public async Task A_holiday_named_as_the_deadline_is_the_day_before_it()
    {
        var today = DateOnly.FromDateTime(ChatHarness.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var calendar = new System.Globalization.ChineseLunisolarCalendar();
        // The next 春节 from the harness's today, from the lunisolar calendar itself (not the code under test).
        var springFestival = Enumerable.Range(today.Year, 2).Select(y => DateOnly.FromDateTime(calendar.ToDateTime(y, 1, 1, 0, 0, 0, 0))).First(d => d >= today);
        var newYear = new DateOnly(today.Year + 1, 1, 1);

        await _chat.SayAsync("刘洋", "1-2-2 申请延期");
        await _chat.SayAsync("刘洋", "春节前");
        await _chat.SayAsync("刘洋", "需等待盟民委联合发文");
        await _chat.SayAsync("刘洋", "1-3-2 能否延期至元旦前");
        await _chat.SayAsync("刘洋", "需与盟民委联合发文");

        Assert.Equal(springFestival.AddDays(-1), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
        Assert.Equal(newYear.AddDays(-1), (await _chat.TaskAsync("1-3-2")).Extensions.Single().ToDate);
    }

    [Fact]
    public async Task A_date_counted_from_now_stays_counted_from_now()
    {
        var today = DateOnly.FromDateTime(ChatHarness.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);

        await _chat.SayAsync("刘洋", "1-2-2 延期至两周后，因为需等待盟民委联合发文");

        Assert.Equal(today.AddDays(14), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
    }

    [Theory]
    [InlineData("1-2-2延期两周")]
    [InlineData("extend 1-2-2 by two weeks")]
    public async Task The_length_is_not_taken_for_the_reason(string typed)
    {
        await _chat.SayAsync("刘洋", typed);
        Assert.Empty((await _chat.TaskAsync("1-2-2")).Extensions);

        await _chat.SayAsync("刘洋", "需等待盟民委联合发文");

        var request = (await _chat.TaskAsync("1-2-2")).Extensions.Single();
        Assert.Equal("需等待盟民委联合发文", request.Reason);
    }

    [Fact]
    public async Task A_date_named_besides_a_length_is_the_date_asked_for()
    {
        await _chat.SayAsync("刘洋", "1-2-2申请延期到12月31日，还需要两周采购设备");

        Assert.Equal(new DateOnly(2026, 12, 31), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
    }

    [Fact]
    public async Task A_length_the_rules_do_not_know_still_moves_the_deadline()
    {
        var due = (await _chat.TaskAsync("1-2-2")).Task.DueDate!.Value;

        await _chat.SayAsync("刘洋", "1-2-2 再宽限15天吧，因为设备还没到货");

        Assert.Equal(due.AddDays(15), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
    }

    [Fact]
    public async Task A_month_end_answered_to_the_new_date_question_is_that_month_end()
    {
        await _chat.SayAsync("刘洋", "1-2-2 申请延期");
        await _chat.SayAsync("刘洋", "10月底");
        await _chat.SayAsync("刘洋", "需等待盟民委联合发文");

        Assert.Equal(new DateOnly(2027, 10, 31), (await _chat.TaskAsync("1-2-2")).Extensions.Single().ToDate);
    }
}
