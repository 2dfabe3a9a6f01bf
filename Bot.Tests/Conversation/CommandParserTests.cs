using Rectification.Bot.Conversation;
using RectificationStatus = Rectification.Data.Ledger.RectificationStatus;
using static Rectification.Bot.Conversation.ChatCommand;

namespace Rectification.Tests.Conversation;

public sealed class CommandParserTests
{
    // A Friday.
    private static readonly DateOnly Today = new(2026, 11, 27);

    private readonly CommandParser _parser = new(new CommandParserOptions { BotNames = ["整改助手"] });

    private static readonly RectificationStatus Done = RectificationStatus.Done;

    private static readonly RectificationStatus InProgress = RectificationStatus.InProgress;

    public static TheoryData<string, ChatCommand> SimpleCommands => new()
    {
        { "帮助", new Help() },
        { "怎么用", new Help() },
        { "你能做什么？", new Help() },
        { "help", new Help() },
        { "Help!", new Help() },
        { "?", new Help() },
        { "？", new Help() },
        { "我的任务", new MyTasks() },
        { "我的整改任务", new MyTasks() },
        { "任务列表", new MyTasks() },
        { "请帮我看看我的任务", new MyTasks() },
        { "my tasks", new MyTasks() },
        { "Tasks", new MyTasks() },
        { "list", new MyTasks() },
        { "please show my tasks", new MyTasks() },
        { "即将到期", new DueSoon() },
        { "快到期", new DueSoon() },
        { "本周到期", new DueSoon() },
        { "这周到期", new DueSoon() },
        { "due soon", new DueSoon() },
        { "Due this week", new DueSoon() },
        { "统计", new Summary() },
        { "进度", new Summary() },
        { "总体进度", new Summary() },
        { "整改进度", new Summary() },
        { "汇总", new Summary() },
        { "summary", new Summary() },
        { "stats", new Summary() },
        { "progress overview", new Summary() },
        { "取消", new Cancel() },
        { "算了", new Cancel() },
        { "不用了", new Cancel() },
        { "退出", new Cancel() },
        { "cancel", new Cancel() },
        { "Stop", new Cancel() },
        { "quit", new Cancel() },
        { "确认", new Confirm() },
        { "是", new Confirm() },
        { "是的", new Confirm() },
        { "好", new Confirm() },
        { "好的！", new Confirm() },
        { "对", new Confirm() },
        { "确定", new Confirm() },
        { "保存", new Confirm() },
        { "yes", new Confirm() },
        { "Y", new Confirm() },
        { "OK", new Confirm() },
        { "confirm", new Confirm() },
        { "save", new Confirm() },
        { "否", new Decline() },
        { "不", new Decline() },
        { "不是", new Decline() },
        { "no", new Decline() },
        { "N", new Decline() },
        { "<at>整改助手</at> 帮助", new Help() },
        { "@整改助手 我的任务", new MyTasks() },
        { "ＨＥＬＰ", new Help() },
    };

    [Theory]
    [MemberData(nameof(SimpleCommands))]
    public void Recognises_whole_message_commands_in_both_languages(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> OverdueCommands => new()
    {
        { "逾期", new Overdue(null) },
        { "超期", new Overdue(null) },
        { "逾期任务", new Overdue(null) },
        { "哪些逾期了", new Overdue(null) },
        { "哪些逾期了？", new Overdue(null) },
        { "帮我查一下逾期", new Overdue(null) },
        { "逾期 办公室", new Overdue("办公室") },
        { "逾期任务：党建办公室", new Overdue("党建办公室") },
        { "办公室的逾期任务", new Overdue("办公室") },
        { "我的逾期任务", new Overdue(null) },
        { "overdue", new Overdue(null) },
        { "Overdue tasks", new Overdue(null) },
        { "overdue 办公室", new Overdue("办公室") },
        { "overdue for Finance Dept", new Overdue("Finance Dept") },
        { "show overdue", new Overdue(null) },
    };

    [Theory]
    [MemberData(nameof(OverdueCommands))]
    public void Reads_overdue_with_an_optional_filter(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> DetailCommands => new()
    {
        { "任务 2-3-1", new TaskDetail("2-3-1") },
        { "任务2-3-1", new TaskDetail("2-3-1") },
        { "查看 12", new TaskDetail("12") },
        { "详情 12", new TaskDetail("12") },
        { "12号任务", new TaskDetail("12") },
        { "第12项", new TaskDetail("12") },
        { "#12", new TaskDetail("12") },
        { "12", new TaskDetail("12") },
        { "12详情", new TaskDetail("12") },
        { "task 12", new TaskDetail("12") },
        { "Task #12", new TaskDetail("12") },
        { "show 2-3-1", new TaskDetail("2-3-1") },
        { "details 12", new TaskDetail("12") },
        { "２－３－１", new TaskDetail("2-3-1") },
        { "2－3－1", new TaskDetail("2-3-1") },
        { "任务 １２", new TaskDetail("12") },
        { "请帮我查看一下 1-2", new TaskDetail("1-2") },
    };

    [Theory]
    [MemberData(nameof(DetailCommands))]
    public void Reads_a_task_detail_request_with_its_code(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> ProgressReports => new()
    {
        { "2-3-1 进度80% 已召开专题会议", new ReportProgress("2-3-1", 80, null, "已召开专题会议") },
        { "任务12已完成", new ReportProgress("12", null, Done, null) },
        { "12 完成了 会议纪要已归档", new ReportProgress("12", null, Done, "会议纪要已归档") },
        { "12 已完成，会议纪要已归档。", new ReportProgress("12", null, Done, "会议纪要已归档。") },
        { "12 80％ 修订了制度", new ReportProgress("12", 80, null, "修订了制度") },
        { "12 百分之八十 修订了制度", new ReportProgress("12", 80, null, "修订了制度") },
        { "12 八成", new ReportProgress("12", 80, null, null) },
        { "12 完成八成五", new ReportProgress("12", 85, null, null) },
        { "12 完成80%", new ReportProgress("12", 80, null, null) },
        { "12 进度80", new ReportProgress("12", 80, null, null) },
        { "12 正在整改 已起草方案", new ReportProgress("12", null, InProgress, "已起草方案") },
        { "12 进行中", new ReportProgress("12", null, InProgress, null) },
        { "12 已启动整改工作", new ReportProgress("12", null, null, "已启动整改工作") },
        { "12 进度50% 进行中 已起草", new ReportProgress("12", 50, InProgress, "已起草") },
        { "第3项 做完了", new ReportProgress("3", null, Done, null) },
        { "２－３－１ 进度８０％", new ReportProgress("2-3-1", 80, null, null) },
        { "12 80% 完成了初稿", new ReportProgress("12", 80, null, "完成了初稿") },
        { "12 Finished the draft", new ReportProgress("12", null, null, "Finished the draft") },
        { "12 done 100%", new ReportProgress("12", 100, Done, null) },
        { "报告进展", new ReportProgress(null, null, null, null) },
        { "汇报进度", new ReportProgress(null, null, null, null) },
        { "请帮我汇报一下进度", new ReportProgress(null, null, null, null) },
        { "汇报进度 12 已召开会议", new ReportProgress("12", null, null, "已召开会议") },
        { "已完成", new ReportProgress(null, null, Done, null) },
        { "80%", new ReportProgress(null, 80, null, null) },
        { "进度80", new ReportProgress(null, 80, null, null) },
        { "12 done, minutes filed", new ReportProgress("12", null, Done, "minutes filed") },
        { "12 Done. Minutes filed in SharePoint", new ReportProgress("12", null, Done, "Minutes filed in SharePoint") },
        { "12 80% drafted the rules", new ReportProgress("12", 80, null, "drafted the rules") },
        { "12 80 percent Drafted the Rules", new ReportProgress("12", 80, null, "Drafted the Rules") },
        { "task 12 finished", new ReportProgress("12", null, Done, null) },
        { "12 completed", new ReportProgress("12", null, Done, null) },
        { "12 in progress, waiting for HR", new ReportProgress("12", null, InProgress, "waiting for HR") },
        { "12 started", new ReportProgress("12", null, InProgress, null) },
        { "report progress", new ReportProgress(null, null, null, null) },
        { "Report Progress 2-3-1 0%", new ReportProgress("2-3-1", 0, null, null) },
        { "12 100%", new ReportProgress("12", 100, null, null) },
        { "<at>整改助手</at> 12 done", new ReportProgress("12", null, Done, null) },
    };

    [Theory]
    [MemberData(nameof(ProgressReports))]
    public void Parses_percent_status_and_note_from_a_progress_report(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> WriteOffRequests => new()
    {
        { "申请销号 12 会议纪要见附件 https://contoso.sharepoint.com/Docs/Minutes.PDF", new RequestWriteOff("12", "会议纪要见附件 https://contoso.sharepoint.com/Docs/Minutes.PDF") },
        { "12 申请销号", new RequestWriteOff("12", null) },
        { "申请销号", new RequestWriteOff(null, null) },
        { "2-3-1 销号 证据：整改报告已上传", new RequestWriteOff("2-3-1", "整改报告已上传") },
        { "write off 12 evidence: Minutes filed", new RequestWriteOff("12", "Minutes filed") },
        { "request write-off 12", new RequestWriteOff("12", null) },
        { "Request write-off for 2-3-1, see the Report", new RequestWriteOff("2-3-1", "see the Report") },
    };

    [Theory]
    [MemberData(nameof(WriteOffRequests))]
    public void Reads_a_write_off_request_with_its_evidence(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> ExtensionRequests => new()
    {
        { "申请延期 12 到 12月31日 因为专项资金未到位", new RequestExtension("12", new DateOnly(2026, 12, 31), "专项资金未到位") },
        { "12 延期至2027年1月15日，原因：需等待上级批复", new RequestExtension("12", new DateOnly(2027, 1, 15), "需等待上级批复") },
        { "申请延期 2-3-1 至1月15日", new RequestExtension("2-3-1", new DateOnly(2027, 1, 15), null) },
        { "申请延期 12 下周五", new RequestExtension("12", new DateOnly(2026, 12, 4), null) },
        { "申请延期12", new RequestExtension("12", null, null) },
        { "申请延期", new RequestExtension(null, null, null) },
        { "申请延期 12 因为人手不足", new RequestExtension("12", null, "人手不足") },
        { "extend 12 to 31 Dec because the Budget is late", new RequestExtension("12", new DateOnly(2026, 12, 31), "the Budget is late") },
        { "postpone 12 until next friday", new RequestExtension("12", new DateOnly(2026, 12, 4), null) },
        { "request extension for 2-3-1 to end of next month, reason: audit", new RequestExtension("2-3-1", new DateOnly(2026, 12, 31), "audit") },
        { "extend 12 to 2026-01-01", new RequestExtension("12", new DateOnly(2026, 1, 1), null) },
    };

    [Theory]
    [MemberData(nameof(ExtensionRequests))]
    public void Reads_an_extension_request_with_date_and_reason(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    public static TheoryData<string, ChatCommand> InvalidInputs => new()
    {
        { "", new InvalidInput(InvalidInputReason.Empty) },
        { "   ", new InvalidInput(InvalidInputReason.Empty) },
        { "<at>整改助手</at>&nbsp;", new InvalidInput(InvalidInputReason.Empty) },
        { "12 120%", new InvalidInput(InvalidInputReason.PercentOutOfRange, "120") },
        { "12 进度150", new InvalidInput(InvalidInputReason.PercentOutOfRange, "150") },
        { "12 -10%", new InvalidInput(InvalidInputReason.PercentOutOfRange, "-10") },
        { "12 百分之一百二十", new InvalidInput(InvalidInputReason.PercentOutOfRange, "百分之一百二十") },
        { "12 80.5%", new InvalidInput(InvalidInputReason.PercentNotWhole, "80.5") },
        { "申请延期 12 到 2月30日 因为…", new InvalidInput(InvalidInputReason.BadDate, "2月30日") },
        { "申请延期 12 到明年春天", new InvalidInput(InvalidInputReason.BadDate, "明年春天") },
        { "申请延期 12 到下个季度，原因：忙", new InvalidInput(InvalidInputReason.BadDate, "下个季度") },
        { "extend 12 to Feb 30", new InvalidInput(InvalidInputReason.BadDate, "Feb 30") },
        { "extend 12 to sometime later because of audits", new InvalidInput(InvalidInputReason.BadDate, "sometime later") },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Refuses_bad_input_with_a_reason_code(string text, ChatCommand expected)
    {
        Assert.Equal(expected, _parser.Parse(text, Today));
    }

    [Fact]
    public void Refuses_text_over_the_configured_length()
    {
        var parser = new CommandParser(new CommandParserOptions { MaxLength = 20 });

        Assert.Equal(new InvalidInput(InvalidInputReason.TooLong), parser.Parse("12 80% " + new string('很', 20), Today));
        Assert.Equal(new InvalidInput(InvalidInputReason.TooLong), parser.Parse(new string('x', 200), Today));
        Assert.IsType<ReportProgress>(parser.Parse("<p>12 80% 已召开会议</p>", Today));
    }

    [Fact]
    public void Refuses_text_over_two_thousand_characters_by_default()
    {
        Assert.Equal(new InvalidInput(InvalidInputReason.TooLong), _parser.Parse("12 80% " + new string('a', 2000), Today));
    }

    [Theory]
    [InlineData("今天天气不错", "今天天气不错")]
    [InlineData("The Weather Is Nice", "The Weather Is Nice")]
    [InlineData("12 已召开专题会议", "12 已召开专题会议")]
    [InlineData("<at>整改助手</at> 会议纪要已归档，见附件", "会议纪要已归档，见附件")]
    [InlineData("十二", "十二")]
    public void Leaves_anything_else_as_unknown_with_the_users_wording(string text, string expected)
    {
        Assert.Equal(new Unknown(expected), _parser.Parse(text, Today));
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("#12", "12")]
    [InlineData("第12项", "12")]
    [InlineData("任务 2-3-1", "2-3-1")]
    [InlineData("２－３－１", "2-3-1")]
    [InlineData("task 12.", "12")]
    public void Reads_a_code_given_as_an_answer(string text, string expected)
    {
        Assert.True(_parser.TryParseCode(text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("十二")]
    [InlineData("12 done")]
    [InlineData("80%")]
    [InlineData("12月")]
    [InlineData("")]
    public void Refuses_an_answer_that_is_not_only_a_code(string text)
    {
        Assert.False(_parser.TryParseCode(text, out _));
    }

    [Theory]
    [InlineData("80", 80)]
    [InlineData("80%", 80)]
    [InlineData("８０％", 80)]
    [InlineData("百分之八十", 80)]
    [InlineData("百分之百", 100)]
    [InlineData("八成", 80)]
    [InlineData("80 percent", 80)]
    [InlineData("完成80%", 80)]
    [InlineData("进度80", 80)]
    [InlineData("0", 0)]
    [InlineData("120%", 120)]
    [InlineData("一半", 50)]
    [InlineData("完成了一半", 50)]
    [InlineData("about halfway", 50)]
    public void Reads_a_percent_given_as_an_answer_as_written(string text, int expected)
    {
        Assert.True(_parser.TryParsePercent(text, out var percent));
        Assert.Equal(expected, percent);
        Assert.Equal(expected <= 100, CommandParser.IsPercentInRange(percent));
    }

    [Theory]
    [InlineData("八十")]
    [InlineData("80.5%")]
    [InlineData("80% 已召开")]
    [InlineData("about half of it")]
    public void Refuses_an_answer_that_is_not_only_a_percent(string text)
    {
        Assert.False(_parser.TryParsePercent(text, out _));
    }

    [Theory]
    [InlineData("已完成", RectificationStatus.Done)]
    [InlineData("完成了", RectificationStatus.Done)]
    [InlineData("做完了！", RectificationStatus.Done)]
    [InlineData("Done", RectificationStatus.Done)]
    [InlineData("finished", RectificationStatus.Done)]
    [InlineData("completed", RectificationStatus.Done)]
    [InlineData("正在整改", RectificationStatus.InProgress)]
    [InlineData("进行中", RectificationStatus.InProgress)]
    [InlineData("已启动", RectificationStatus.InProgress)]
    [InlineData("开始了", RectificationStatus.InProgress)]
    [InlineData("In Progress", RectificationStatus.InProgress)]
    [InlineData("started", RectificationStatus.InProgress)]
    public void Reads_a_status_given_as_an_answer(string text, RectificationStatus expected)
    {
        Assert.True(_parser.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("已完成一半")]
    [InlineData("doneness")]
    [InlineData("未开始")]
    public void Refuses_an_answer_that_is_not_only_a_status(string text)
    {
        Assert.False(_parser.TryParseStatus(text, out _));
    }

    [Theory]
    [InlineData("我的任务", "zh-CN")]
    [InlineData("<at>Rectification</at> 我的任务", "zh-CN")]
    [InlineData("12 done 已归档", "zh-CN")]
    [InlineData("my tasks", "en-US")]
    [InlineData("<at>整改助手</at> overdue", "en-US")]
    [InlineData("ＨＥＬＰ", "en-US")]
    [InlineData("12", null)]
    [InlineData("<at>Rectification</at> 2-3-1", null)]
    [InlineData("?", null)]
    [InlineData("", null)]
    public void Detects_the_language_of_the_words(string text, string? expected)
    {
        Assert.Equal(expected, _parser.DetectLanguage(text));
    }
}
