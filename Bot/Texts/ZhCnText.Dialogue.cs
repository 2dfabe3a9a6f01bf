using Rectification.Bot.Conversation;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string KeepOrDrop(string code) => F("任务 {0} 的进展还没保存：保存 / 放弃？选择后继续处理您刚发来的内容。", code);

    public override string ButtonKeep(string code) => F("保存 {0}", code);

    public override string ButtonDrop => "放弃";

    public override string KeepOrDropHint(string code) => F("任务 {0} 的进展还没保存，请回复“保存”或“放弃”。", code);

    public override string DraftDropped(string code) => F("已放弃任务 {0} 未保存的进展。", code);

    public override string RequestDropped(string? code, FlowKind kind) => kind switch
    {
        FlowKind.Extension => F("任务 {0} 的延期申请尚未提交，已放弃。", code ?? "—"),
        FlowKind.WriteOff => F("任务 {0} 的销号申请尚未提交，已放弃。", code ?? "—"),
        _ => DraftDropped(code ?? "—"),
    };

    public override string ResumeFlow => "接着刚才的操作：";

    public override string NothingToContinue => "当前没有需要继续的操作。可以发送“我的任务”或“报告进展”。";

    public override string PercentLowered(int from, int to) => F("⚠️ 进度将从{0}%降到{1}%", from, to);

    public override string Greeting(string name, bool isLeader, bool isAdmin) => isLeader || isAdmin
        ? F("{0}，您好！发送“逾期”查看分管部门的逾期任务，“待审批”查看待您审批的申请，“催办1-5-4”提醒责任人；发送“帮助”查看全部用法。", name)
        : F("{0}，您好！发送“我的任务”查看您的整改任务，直接发送“1-2-2 进度80% 做了什么”即可报告进展；发送“帮助”查看全部用法。", name);

    public override string ThanksReply => "不客气！有需要随时找我，发送“帮助”可查看全部用法。";

    public override string GoodbyeReply => "再见！期限临近时我会提醒您。";

    public override string SuggestTitle => "您是想：";

    public override string NotSure => "没太确定您的意思。";

    public override string SuggestionLabel(string intent, string? code) => intent switch
    {
        "my_tasks" => "查看我的任务",
        "due_soon" => "查看即将到期的任务",
        "overdue" => "查看逾期任务",
        "task_detail" => code is null ? "查看任务详情" : F("查看任务 {0}", code),
        "report_progress" => code is null ? "报告进展" : F("报告 {0} 的进展", code),
        "write_off" => code is null ? "申请销号" : F("申请销号 {0}", code),
        "extend" => code is null ? "申请延期" : F("申请延期 {0}", code),
        "pending" or "decide" => "查看待审批的申请",
        "summary" => "查看整改进度统计",
        "urge" => code is null ? "催办" : F("催办 {0}", code),
        "export" => "导出台账",
        "report" => "生成通报",
        "withdraw" => "撤回上一条进展",
        "cancel" => "取消当前操作",
        _ => "查看帮助",
    };

    public override string ExportLedgerCommand => """
        聊天中直接发送台账文件的功能即将上线。目前请在服务器上运行以下命令导出：
        dotnet run --project Bot -- export 整改台账.xlsx
        """;

    public override string DraftReportCommand(DateOnly? asOf) => F("""
        聊天中直接发送通报文件的功能即将上线。目前请在服务器上运行以下命令起草整改情况通报{0}：
        dotnet run --project Bot -- report --out 整改情况通报.docx
        """, asOf is { } date ? F("（将以当前台账为准，暂不支持截至{0}）", Date(date)) : "");

    public override string ExportRosterCommand => """
        人员名单暂不能在聊天中导出。导出的台账中列有每项任务的责任人，请在服务器上运行：
        dotnet run --project Bot -- export 整改台账.xlsx
        """;

    public override string OnlyAdminsExport(IReadOnlyList<string> admins) => admins.Count == 0
        ? "只有整改办可以导出台账和起草通报。"
        : F("只有整改办可以导出台账和起草通报，请联系{0}。", string.Join("、", admins));
}
