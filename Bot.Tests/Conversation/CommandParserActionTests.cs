using Rectification.Bot.Conversation;
using static Rectification.Bot.Conversation.ChatCommand;
using RectificationStatus = Rectification.Data.Ledger.RectificationStatus;

namespace Rectification.Tests.Conversation;

/// <summary>The precise rule layer for the commands added with the understanding stage, in both languages.</summary>
public sealed class CommandParserActionTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private readonly CommandParser _parser = new(new CommandParserOptions { BotNames = ["整改助手"] });

    public static TheoryData<string, ChatCommand> Commands => new()
    {
        { "你好", new Greeting() },
        { "您好！", new Greeting() },
        { "Hi there", new Greeting() },
        { "早上好", new Greeting() },
        { "谢谢", new Thanks() },
        { "谢谢您！", new Thanks() },
        { "thank you", new Thanks() },
        { "辛苦了", new Thanks() },
        { "再见", new Goodbye() },
        { "bye", new Goodbye() },
        { "继续", new Continue() },
        { "continue", new Continue() },
        { "撤回", new Withdraw() },
        { "撤回刚才的进展", new Withdraw() },
        { "undo my last update", new Withdraw() },
        { "待审批", new Pending() },
        { "pending approvals", new Pending() },
        { "导出台账", new ExportLedger() },
        { "export the ledger", new ExportLedger() },
        { "生成通报", new DraftReport(null) },
        { "draft the report", new DraftReport(null) },
        { "生成通报 截至11月30日", new DraftReport(new DateOnly(2026, 11, 30)) },
        { "导出人员名单", new ExportRoster() },
        { "回头看", new FollowUp() },
        { "follow-up", new FollowUp() },
        { "details", new PickTask() },
        { "同意1-2-3销号", new Decide("1-2-3", true, DecisionTarget.WriteOff, null) },
        { "同意 1-2-3 的销号申请", new Decide("1-2-3", true, DecisionTarget.WriteOff, null) },
        { "驳回1-2-3，佐证材料不足", new Decide("1-2-3", false, null, "佐证材料不足") },
        { "不同意1-2-3销号，理由是会议纪要未附", new Decide("1-2-3", false, DecisionTarget.WriteOff, "会议纪要未附") },
        { "批准2-1-1延期", new Decide("2-1-1", true, DecisionTarget.Extension, null) },
        { "1-2-3 同意销号", new Decide("1-2-3", true, DecisionTarget.WriteOff, null) },
        { "approve the write-off of 1-2-3", new Decide("1-2-3", true, DecisionTarget.WriteOff, null) },
        { "reject 1-2-3: the minutes are missing", new Decide("1-2-3", false, null, "the minutes are missing") },
        { "approve the extension for 2-1-1", new Decide("2-1-1", true, DecisionTarget.Extension, null) },
        { "同意", new Decide(null, true, null, null) },
        { "催办1-5-4", new Urge("1-5-4", null) },
        { "催一下刘洋", new Urge(null, "刘洋") },
        { "帮我催一下刘洋", new Urge(null, "刘洋") },
        { "提醒刘洋抓紧1-3-2", new Urge("1-3-2", "刘洋") },
        { "督促孙丽尽快完成1-4-2的整改", new Urge("1-4-2", "孙丽") },
        { "chase up 1-5-4", new Urge("1-5-4", null) },
        { "remind 刘洋 to hurry up on 1-3-2", new Urge("1-3-2", "刘洋") },
        { "1-2-2 已经完成了", new ReportProgress("1-2-2", null, RectificationStatus.Done, null) },
        { "1-2-2 整改到位，材料已报送", new ReportProgress("1-2-2", null, RectificationStatus.Done, "材料已报送") },
        { "1-2-2 完成了一半 调研报告起草中", new ReportProgress("1-2-2", 50, null, "调研报告起草中") },
        { "1-2-2 about halfway, report drafted", new ReportProgress("1-2-2", 50, null, "report drafted") },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Reads_the_command(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    [Theory]
    [InlineData("1-2-2 通过验收，材料已报送")]
    [InlineData("通过学习提高了认识")]
    [InlineData("提醒我明天报告")]
    [InlineData("push the deadline of 1-4-1 back two weeks")]
    [InlineData("push 1-4-1 out a month")]
    public void Does_not_take_a_report_or_a_sentence_for_a_decision_or_an_urge(string text)
    {
        Assert.IsNotType<Decide>(_parser.Parse(text, Today));
        Assert.IsNotType<Urge>(_parser.Parse(text, Today));
    }

    [Theory]
    [InlineData("1-2-2 那个怎么弄", "1-2-2")]
    [InlineData("关于第12项", "12")]
    [InlineData("没有编号", null)]
    public void Finds_a_code_anywhere_for_suggestions(string text, string? expected)
    {
        Assert.Equal(expected, _parser.FindCode(text));
    }
}
