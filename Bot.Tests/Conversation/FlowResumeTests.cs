using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Flows;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Conversation;

/// <summary>Resuming and done words as pure flow steps: no bot, no database.</summary>
public sealed class FlowResumeTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static readonly TaskSummary Task122 = new(7, "1-2-2", "开展专项督查", "方面一", "问题二", RectificationStatus.InProgress, 60,
        TimeLimit.On(new DateOnly(2026, 12, 2)), "2026年12月2日", "民族宗教科", "李明", "刘洋", null, 3);

    private readonly FlowSteps _flows = new(new CommandParser());

    private static FlowContext Context(string? said = null) => new(UiText.ZhCn, Today, Task122, TaskAccess.Ok, [Task122], said);

    private static string Say(FlowResult result) => string.Join("\n", result.Replies.Select(r => r switch
    {
        Reply.Text t => t.Value,
        Reply.Card c => c.Json,
        _ => "",
    }));

    private static FlowState AtConfirm(int percent) => new()
    {
        Kind = FlowKind.Progress, Step = FlowStep.Confirm, FlowId = "f1", Code = "1-2-2", Percent = percent, Note = "已召开会议",
    };

    [Fact]
    public void Continue_at_the_confirmation_shows_the_same_card_again_and_saves_nothing()
    {
        var result = _flows.Next(AtConfirm(80), new ChatCommand.Continue(), Context());

        Assert.Null(result.Effect);
        Assert.Equal((FlowStep.Confirm, 80, "已召开会议"), (result.Next!.Step, result.Next.Percent, result.Next.Note));
        Assert.Contains("60% → 80%", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Continue_at_the_note_question_asks_it_again_and_is_not_the_note()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Note, FlowId = "f2", Code = "1-2-2", Percent = 80 };

        var result = _flows.Next(state, new ChatCommand.Continue(), Context("继续"));

        Assert.Equal((FlowStep.Note, (string?)null), (result.Next!.Step, result.Next.Note));
        Assert.Contains("做了哪些工作", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_percent_is_said_on_the_confirmation_card()
    {
        var result = _flows.Next(AtConfirm(50), new ChatCommand.Continue(), Context());

        Assert.Contains("进度将从60%降到50%", Say(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Done_words_answering_what_was_done_are_the_status_and_the_note()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Note, FlowId = "f3", Code = "1-2-2", Percent = 80 };

        var result = _flows.Next(state, new ChatCommand.ReportProgress(null, null, RectificationStatus.Done, null), Context("已经完成了"));

        Assert.Equal((FlowStep.Confirm, true, "已经完成了"), (result.Next!.Step, result.Next.Done, result.Next.Note));
    }

    [Fact]
    public void Done_words_with_a_note_keep_only_the_note()
    {
        var state = new FlowState { Kind = FlowKind.Progress, Step = FlowStep.Note, FlowId = "f4", Code = "1-2-2", Percent = 80 };

        var result = _flows.Next(state, new ChatCommand.ReportProgress(null, null, RectificationStatus.Done, "材料已报送"), Context("已经完成了，材料已报送"));

        Assert.Equal((true, "材料已报送"), (result.Next!.Done, result.Next.Note));
    }

    [Theory]
    [InlineData(FlowKind.Progress, 80, null, null, true)]
    [InlineData(FlowKind.Progress, null, null, null, false)]
    [InlineData(FlowKind.Extension, null, "2027-01-31", null, true)]
    [InlineData(FlowKind.WriteOff, null, null, "会议纪要", true)]
    [InlineData(FlowKind.WriteOff, null, null, null, false)]
    public void A_flow_knows_whether_dropping_it_would_lose_words(FlowKind kind, int? percent, string? date, string? note, bool unsaved)
    {
        var state = new FlowState { Kind = kind, Code = "1-2-2", Percent = percent, NewDate = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Note = note };

        Assert.Equal(unsaved, state.HasUnsavedWords());
    }
}
