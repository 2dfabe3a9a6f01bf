using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Flows;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Conversation;

/// <summary>The flows as plain functions: (state, command, context) → (replies, next state, effect). No bot, no database.</summary>
public sealed class FlowStepsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly TaskSummary Task122 = new(7, "1-2-2", "开展专项督查", "方面一", "问题二", RectificationStatus.InProgress, 60,
        TimeLimit.On(new DateOnly(2026, 12, 2)), "2026年12月2日", "民族宗教科", "李明", "刘洋", null, 3);

    private static readonly TaskSummary Ongoing = Task122 with { Id = 8, Code = "2-1-1", TimeLimit = TimeLimit.Ongoing, Status = RectificationStatus.Ongoing };

    private readonly CommandParser _parser = new();

    private FlowSteps Flows => new(_parser);

    private static FlowContext Context(TaskSummary? task, TaskAccess access = TaskAccess.Ok, UiText? text = null) =>
        new(text ?? UiText.ZhCn, Today, task, task is null ? TaskAccess.NoCode : access, [Task122]);

    private static string Say(FlowResult result) => string.Join("\n", result.Replies.Select(r => r switch
    {
        Reply.Text t => t.Value,
        Reply.Card c => c.Json,
        _ => "",
    }));

    [Fact]
    public void A_report_with_nothing_asks_which_task_first()
    {
        var state = FlowSteps.Start(new ChatCommand.ReportProgress(null, null, null, null), "f1")!;

        var result = Flows.Next(state, new ChatCommand.ReportProgress(null, null, null, null), Context(null));

        Assert.Equal((FlowStep.Code, (FlowEffect?)null), (result.Next!.Step, result.Effect));
        Assert.Contains("哪一项任务", Say(result), StringComparison.Ordinal);
        Assert.Contains("1-2-2", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_missing_piece_is_asked_for_one_at_a_time_and_confirmation_saves()
    {
        var state = FlowSteps.Start(new ChatCommand.ReportProgress("1-2-2", null, null, null), "f2")!;

        var percent = Flows.Next(state, new ChatCommand.ReportProgress("1-2-2", null, null, null), Context(Task122));
        var note = Flows.Next(percent.Next!, new ChatCommand.Unknown("80%"), Context(Task122));
        var confirm = Flows.Next(note.Next!, new ChatCommand.Unknown("已召开专题会议"), Context(Task122));
        var saved = Flows.Next(confirm.Next!, new ChatCommand.Confirm(), Context(Task122));

        Assert.Equal([FlowStep.Percent, FlowStep.Note, FlowStep.Confirm], new[] { percent.Next!.Step, note.Next!.Step, confirm.Next!.Step });
        Assert.Contains("60% → 80%", Say(confirm), StringComparison.Ordinal);
        Assert.Null(saved.Next);
        Assert.Equal(new FlowEffect.SaveProgress(Task122, 80, false, "已召开专题会议", "progress:f2"), saved.Effect);
    }

    [Fact]
    public void A_bare_number_answers_the_percent_question()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Percent, FlowId = "f13", Code = "1-2-2" };

        var result = Flows.Next(state, new ChatCommand.Unknown("80"), Context(Task122));

        Assert.Equal((80, FlowStep.Note), (result.Next!.Percent, result.Next.Step));
    }

    [Fact]
    public void The_state_passed_in_is_never_changed()
    {
        var state = FlowSteps.Start(new ChatCommand.ReportProgress("1-2-2", null, null, null), "f3")!;
        state.Step = FlowStep.Percent;

        _ = Flows.Next(state, new ChatCommand.Unknown("50%"), Context(Task122));

        Assert.Null(state.Percent);
    }

    [Fact]
    public void A_correction_at_the_confirmation_shows_the_card_again()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Confirm, FlowId = "f4", Code = "1-2-2", Percent = 80, Note = "x" };

        var result = Flows.Next(state, new ChatCommand.ReportProgress(null, 90, null, null), Context(Task122));

        Assert.Null(result.Effect);
        Assert.Contains("60% → 90%", Say(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("差不多", "没有识别出进度")]
    [InlineData("150%", "超出范围")]
    public void A_bad_percent_is_explained_and_asked_again(string answer, string expected)
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Percent, FlowId = "f5", Code = "1-2-2" };

        var result = Flows.Next(state, new ChatCommand.Unknown(answer), Context(Task122));

        Assert.Equal(FlowStep.Percent, result.Next!.Step);
        Assert.Contains(expected, Say(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskAccess.NotFound, "找不到编号")]
    [InlineData(TaskAccess.Forbidden, "不在您的职责范围内")]
    public void A_code_that_cannot_be_used_is_refused_and_asked_again(TaskAccess access, string expected)
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Code, FlowId = "f6" };

        var result = Flows.Next(state, new ChatCommand.Unknown("9-9-9"), Context(Task122 with { Code = "9-9-9" }, access));

        Assert.Equal((FlowStep.Code, (string?)null), (result.Next!.Step, result.Next.Code));
        Assert.Contains(expected, Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Declining_the_confirmation_ends_the_flow_without_an_effect()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Confirm, FlowId = "f7", Code = "1-2-2", Percent = 80, Note = "x" };

        var result = Flows.Next(state, new ChatCommand.Decline(), Context(Task122));

        Assert.Equal(((FlowState?)null, (FlowEffect?)null), (result.Next, result.Effect));
    }

    [Fact]
    public void An_extension_date_not_after_the_deadline_is_asked_again()
    {
        var state = FlowSteps.Start(new ChatCommand.RequestExtension("1-2-2", new DateOnly(2026, 12, 1), "人手不足"), "f8")!;

        var result = Flows.Next(state, new ChatCommand.RequestExtension("1-2-2", new DateOnly(2026, 12, 1), "人手不足"), Context(Task122));

        Assert.Equal((FlowStep.Date, (DateOnly?)null), (result.Next!.Step, result.Next.NewDate));
        Assert.Contains("须晚于当前期限 2026年12月2日", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_with_everything_asks_for_the_request()
    {
        var state = FlowSteps.Start(new ChatCommand.RequestExtension("1-2-2", new DateOnly(2026, 12, 31), "需联合发文"), "f9")!;

        var result = Flows.Next(state, new ChatCommand.RequestExtension("1-2-2", new DateOnly(2026, 12, 31), "需联合发文"), Context(Task122));

        Assert.Equal(new FlowEffect.RequestExtension(Task122, new DateOnly(2026, 12, 31), "需联合发文"), result.Effect);
    }

    [Fact]
    public void An_ongoing_item_has_no_deadline_to_extend()
    {
        var state = FlowSteps.Start(new ChatCommand.RequestExtension("2-1-1", null, null), "f10")!;

        var result = Flows.Next(state, new ChatCommand.RequestExtension("2-1-1", null, null), Context(Ongoing, text: UiText.EnUs));

        Assert.Null(result.Next);
        Assert.Contains("ongoing and has no deadline", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_off_asks_for_evidence_then_requests_it()
    {
        var state = FlowSteps.Start(new ChatCommand.RequestWriteOff("1-2-2", null), "f11")!;

        var ask = Flows.Next(state, new ChatCommand.RequestWriteOff("1-2-2", null), Context(Task122));
        var done = Flows.Next(ask.Next!, new ChatCommand.Unknown("纪要 https://example.org/m"), Context(Task122));

        Assert.Equal(FlowStep.Evidence, ask.Next!.Step);
        Assert.Equal(new FlowEffect.RequestWriteOff(Task122, "纪要 https://example.org/m"), done.Effect);
    }

    [Fact]
    public void A_written_off_item_ends_any_flow()
    {
        var state = FlowSteps.Start(new ChatCommand.ReportProgress("1-2-2", 90, null, "x"), "f12")!;

        var result = Flows.Next(state, new ChatCommand.ReportProgress("1-2-2", 90, null, "x"), Context(Task122 with { Status = RectificationStatus.WrittenOff }));

        Assert.Null(result.Next);
        Assert.Contains("已销号", Say(result), StringComparison.Ordinal);
    }
}
