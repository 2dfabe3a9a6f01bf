using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Understanding;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Conversation.Understanding;

/// <summary>Readings the rules alone get wrong, checked on the shipped model and the demo ledger's names.</summary>
public sealed class UnderstanderTests
{
    private static readonly Understander Reader = new(new CommandParser(), new EntityExtractor(Recognizers.Shared), IntentModel.Shared);

    private static Bot.Conversation.Understanding.Understanding Read(string text, string? @as = null) =>
        Reader.Understand(text, new UnderstandingContext(IntentCorpus.Today, IntentModel.RoleOf(@as), IntentCorpus.Names));

    [Theory]
    [InlineData("1-2-3 可以销号了吗", "task_detail")]
    [InlineData("1-2-3 可以销号吗", "task_detail")]
    [InlineData("4-1-1 延期批了没有", "task_detail")]
    [InlineData("has 1-2-2 been approved?", "task_detail")]
    [InlineData("1-4-1 需要延期两个月", null)]
    [InlineData("批了没有", "pending")]
    [InlineData("不懂", "unknown")]
    public void A_leaders_question_or_a_sentence_without_a_decision_word_is_no_decision(string text, string? intent)
    {
        var reading = Read(text, "李明");

        Assert.Equal(intent ?? reading.Intent, reading.Intent);
        Assert.NotEqual("decide", reading.Intent);
        Assert.Null(reading.Entities.Decision);
        Assert.IsNotType<ChatCommand.Decide>(reading.Command);
    }

    [Theory]
    [InlineData("同意1-2-2销号", "1-2-2", true)]
    [InlineData("1-2-2 销号通过", "1-2-2", true)]
    [InlineData("驳回1-2-3，佐证材料不足", "1-2-3", false)]
    [InlineData("approve 1-2-2", "1-2-2", true)]
    public void An_explicit_decision_still_decides(string text, string code, bool approve)
    {
        var decide = Assert.IsType<ChatCommand.Decide>(Read(text, "李明").Command);

        Assert.Equal((code, approve), (decide.Code, decide.Approve));
    }

    [Theory]
    [InlineData("extend 1-4-1 to end of March", "1-4-1", "2027-03-31")]
    [InlineData("extend 1-4-1 to the end of March", "1-4-1", "2027-03-31")]
    [InlineData("push 1-4-1 to end of March", "1-4-1", "2027-03-31")]
    [InlineData("extend to end of next month", null, "2027-01-31")]
    [InlineData("延期到明年三月底", null, "2027-03-31")]
    [InlineData("3-2-1 申请延期至明年六月底", "3-2-1", "2027-06-30")]
    public void A_date_the_rules_cannot_read_is_taken_from_the_recognizers(string text, string? code, string date)
    {
        var request = Assert.IsType<ChatCommand.RequestExtension>(Read(text).Command);

        Assert.Equal((code, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), (request.Code, request.NewDate));
    }

    [Theory]
    [InlineData("延期到2月30日")]
    [InlineData("1-4-1 延期到2月30日，3月15日前补交材料")]
    [InlineData("1-3-2 延期到明年三月底可以吗")]
    [InlineData("extend 1-2-2 to someday")]
    public void A_date_nobody_can_read_keeps_the_bad_date_message(string text)
    {
        var invalid = Assert.IsType<ChatCommand.InvalidInput>(Read(text).Command);

        Assert.Equal(InvalidInputReason.BadDate, invalid.Reason);
    }

    [Theory]
    [InlineData("push the deadline of 1-4-1 back two weeks", "1-4-1")]
    [InlineData("push 1-4-1 back a month", "1-4-1")]
    [InlineData("push the 3-3-1 deadline out by two weeks", "3-3-1")]
    [InlineData("postpone 1-4-1 by two weeks", "1-4-1")]
    public void Pushing_a_deadline_back_is_an_extension_not_an_urge(string text, string code)
    {
        var request = Assert.IsType<ChatCommand.RequestExtension>(Read(text).Command);

        Assert.Equal(code, request.Code);
    }

    [Theory]
    [InlineData("push 1-4-1")]
    [InlineData("push 刘洋 on 1-3-2")]
    [InlineData("push 刘洋 to sort out 1-3-2")]
    [InlineData("push 刘洋 on 1-3-2, deadline is Friday")]
    public void Pushing_a_person_or_a_task_is_still_an_urge(string text)
    {
        Assert.IsType<ChatCommand.Urge>(Read(text, "李明").Command);
    }

    [Theory]
    [InlineData("no thanks", null)]
    [InlineData("no thank you", "李明")]
    public void No_thanks_is_no_not_thanks(string text, string? @as)
    {
        Assert.Contains(Read(text, @as).Intent, new[] { "cancel", "decline" });
    }

    [Theory]
    [InlineData("天气怎么样", "李明")]
    [InlineData("天气怎么样", null)]
    [InlineData("what's the weather like", "赵志刚")]
    public void Small_talk_off_the_ledger_is_not_a_ledger_intent(string text, string? @as)
    {
        Assert.Equal("unknown", Read(text, @as).Intent);
    }

    [Theory]
    [InlineData("1-2-2 完成了，只差签字")]
    [InlineData("1-2-2 基本完成，就差最后验收")]
    [InlineData("1-2-2 done except for the final sign-off")]
    public void Done_with_something_still_missing_is_progress_not_done(string text)
    {
        var report = Assert.IsType<ChatCommand.ReportProgress>(Read(text, "刘洋").Command);

        Assert.Equal("1-2-2", report.Code);
        Assert.Null(report.Status);
    }

    [Fact]
    public void Done_is_still_done()
    {
        var report = Assert.IsType<ChatCommand.ReportProgress>(Read("1-2-2 完成了，材料已上传", "刘洋").Command);
        Assert.Equal(RectificationStatus.Done, report.Status);
    }
}
