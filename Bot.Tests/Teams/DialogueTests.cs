namespace Rectification.Tests.Teams;

/// <summary>
/// Flows that never lose words: a second report before the first is saved, a question in the middle of a flow,
/// 继续, a percent right after a task's detail, a lowered percent, done words. Through the TestAdapter and the real bot.
/// </summary>
public sealed class DialogueTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task A_second_report_before_the_first_is_saved_asks_and_keeping_saves_both()
    {
        await _chat.SayAsync("刘洋", "1-3-2 进度50% 已与盟民委召开联席会议");

        var asked = await _chat.SayAsync("刘洋", "1-5-4 进度20% 自查复核已启动");
        Assert.Equal(40, (await _chat.TaskAsync("1-3-2")).Task.Percent);
        var kept = await _chat.SayAsync("刘洋", "保存");
        var saved = await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("1-3-2 的进展还没保存：保存 / 放弃", asked.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录：任务 1-3-2 进度 50%", kept.Readable(), StringComparison.Ordinal);
        Assert.Contains("10% → 20%", kept.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录：任务 1-5-4 进度 20%", saved.Readable(), StringComparison.Ordinal);
        var first = await _chat.TaskAsync("1-3-2");
        var second = await _chat.TaskAsync("1-5-4");
        Assert.Equal((50, "已与盟民委召开联席会议"), (first.Task.Percent, first.ProgressNote));
        Assert.Equal((20, "自查复核已启动"), (second.Task.Percent, second.ProgressNote));
    }

    [Fact]
    public async Task Dropping_the_first_draft_is_said_and_the_second_goes_on()
    {
        await _chat.SayAsync("刘洋", "1-3-2 进度50% 已与盟民委召开联席会议");
        var asked = await _chat.SayAsync("刘洋", "1-5-4 进度20% 自查复核已启动");

        var dropped = await _chat.SubmitAsync("刘洋", asked.Single(a => a.Card() is not null).Buttons().Single(b => b.Value<string>("action") == "cancel"));
        await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("已放弃任务 1-3-2 未保存的进展", dropped.Readable(), StringComparison.Ordinal);
        Assert.Contains("10% → 20%", dropped.Readable(), StringComparison.Ordinal);
        Assert.Equal(40, (await _chat.TaskAsync("1-3-2")).Task.Percent);
        Assert.Equal(20, (await _chat.TaskAsync("1-5-4")).Task.Percent);
    }

    [Fact]
    public async Task While_asked_to_keep_or_drop_nothing_new_is_taken_on_and_the_question_stays()
    {
        await _chat.SayAsync("刘洋", "report progress 1-3-2 50% met the committee", "en-US");
        await _chat.SayAsync("刘洋", "1-5-4 20% review started", "en-US");

        var third = await _chat.SayAsync("刘洋", "2-1-1 90% report filed", "en-US");
        var kept = await _chat.SayAsync("刘洋", "save", "en-US");

        Assert.Contains("The progress on task 1-3-2 is not saved yet", third.Readable(), StringComparison.Ordinal);
        Assert.Contains("1-3-2", kept.Readable(), StringComparison.Ordinal);
        Assert.Equal(50, (await _chat.TaskAsync("1-3-2")).Task.Percent);
        Assert.Equal(80, (await _chat.TaskAsync("2-1-1")).Task.Percent);
    }

    [Theory]
    [InlineData("逾期", "逾期任务")]
    [InlineData("帮助", "我可以帮您")]
    [InlineData("任务 2-1-1", "开展民族工作专题调研")]
    public async Task A_question_at_the_confirmation_is_answered_and_the_confirmation_asked_again(string question, string answer)
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度80% 调研报告已定稿");

        var replies = await _chat.SayAsync("刘洋", question);
        var saved = await _chat.SayAsync("刘洋", "确认");

        var readable = replies.Readable();
        Assert.Contains(answer, readable, StringComparison.Ordinal);
        Assert.True(readable.IndexOf(answer, StringComparison.Ordinal) < readable.IndexOf("60% → 80%", StringComparison.Ordinal));
        Assert.Contains("接着刚才的操作", readable, StringComparison.Ordinal);
        Assert.Contains("已记录：任务 1-2-2 进度 80%", saved.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_resumes_the_open_question_and_is_never_saved_as_the_note()
    {
        await _chat.SayAsync("刘洋", "报告进展 1-2-2");
        await _chat.SayAsync("刘洋", "80%");
        var help = await _chat.SayAsync("刘洋", "帮助");

        var resumed = await _chat.SayAsync("刘洋", "继续");
        var confirm = await _chat.SayAsync("刘洋", "调研报告已定稿");
        await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("做了哪些工作", help.Readable(), StringComparison.Ordinal);
        Assert.Contains("任务 1-2-2 做了哪些工作", resumed.Readable(), StringComparison.Ordinal);
        Assert.Contains("调研报告已定稿", confirm.Readable(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-2");
        Assert.Equal((80, "调研报告已定稿"), (task.Task.Percent, task.ProgressNote));
        Assert.DoesNotContain(task.Progress, p => p.Note == "继续");
    }

    [Theory]
    [InlineData("继续", "zh-CN", "没有需要继续的操作")]
    [InlineData("continue", "en-US", "nothing to continue")]
    public async Task Continue_without_a_flow_says_there_is_nothing_to_continue(string text, string locale, string expected)
    {
        var replies = await _chat.SayAsync("刘洋", text, locale);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_percent_right_after_viewing_a_task_reports_on_that_task()
    {
        await _chat.SayAsync("刘洋", "任务 1-5-2");

        var replies = await _chat.SayAsync("刘洋", "70%");
        var confirm = await _chat.SayAsync("刘洋", "测评标准已报审");

        Assert.Contains("任务 1-5-2 做了哪些工作", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains("50% → 70%", confirm.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_percent_long_after_viewing_a_task_asks_which_task()
    {
        await _chat.SayAsync("刘洋", "任务 1-5-2");
        _chat.Time.Advance(TimeSpan.FromHours(2));

        var replies = await _chat.SayAsync("刘洋", "70%");

        Assert.Contains("哪一项任务", replies.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1-2-2 进度50% 发现问题需返工", "zh-CN", "进度将从60%降到50%")]
    [InlineData("1-2-2 50% rework needed", "en-US", "goes down from 60% to 50%")]
    public async Task A_lower_percent_is_said_on_the_confirmation(string text, string locale, string expected)
    {
        var replies = await _chat.SayAsync("刘洋", text, locale);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_higher_percent_says_nothing_about_lowering()
    {
        var replies = await _chat.SayAsync("刘洋", "1-2-2 进度70% 报告初稿");

        Assert.DoesNotContain("降到", replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_words_are_the_status_and_the_rest_is_the_note()
    {
        var confirm = await _chat.SayAsync("刘洋", "1-2-2 已经完成了，督查报告已印发");
        await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("60% → 100%", confirm.Readable(), StringComparison.Ordinal);
        var task = await _chat.TaskAsync("1-2-2");
        Assert.Equal((100, Rectification.Data.Ledger.RectificationStatus.Done, "督查报告已印发"), (task.Task.Percent, task.Task.Status, task.ProgressNote));
    }

    [Fact]
    public async Task Half_done_is_a_percent_and_the_note_is_still_asked()
    {
        var asked = await _chat.SayAsync("刘洋", "1-5-4 完成了一半");
        var confirm = await _chat.SayAsync("刘洋", "已复核12家示范单位");

        Assert.Contains("任务 1-5-4 做了哪些工作", asked.Readable(), StringComparison.Ordinal);
        Assert.Contains("10% → 50%", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("已复核12家示范单位", confirm.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Done_words_as_the_whole_answer_to_what_was_done_are_the_note()
    {
        await _chat.SayAsync("刘洋", "1-5-4 进度90%");

        var confirm = await _chat.SayAsync("刘洋", "已经完成了");

        Assert.Contains("10% → 100%", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("已经完成了", confirm.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my tasks", "zh-CN", "My rectification tasks")]
    [InlineData("我的任务", "en-US", "我的整改任务")]
    public async Task Replies_follow_the_language_of_the_words_not_the_locale(string text, string locale, string expected)
    {
        var replies = await _chat.SayAsync("刘洋", text, locale);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
    }
}
