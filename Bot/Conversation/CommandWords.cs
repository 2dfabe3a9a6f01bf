namespace Rectification.Bot.Conversation;

/// <summary>
/// The keyword tables, per language, in folded form (half-width, lower case). Longest match wins, so
/// order inside a table does not matter. Adding a synonym is a one-word change here.
/// </summary>
internal static class CommandWords
{
    public static readonly string[] Help =
    [
        "帮助", "怎么用", "如何使用", "怎么使用", "你能做什么", "你可以做什么", "你会什么", "能做什么", "使用说明", "菜单",
        "help", "?", "what can you do", "how to use", "menu", "commands", "usage",
    ];

    public static readonly string[] MyTasks =
    [
        "我的任务", "我的整改任务", "任务列表", "整改任务", "我的待办", "待办", "任务", "我的台账",
        "my tasks", "my task", "tasks", "list", "task list", "list tasks", "todo", "to do",
    ];

    public static readonly string[] DueSoon =
    [
        "即将到期", "快到期", "快到期的", "快到期了", "本周到期", "这周到期", "近期到期", "马上到期", "临期",
        "due soon", "due this week", "upcoming", "coming due", "what's due", "whats due",
    ];

    public static readonly string[] Summary =
    [
        "统计", "进度", "总体进度", "整改进度", "汇总", "整体进度", "进度汇总", "总览", "概况", "整改情况",
        "summary", "stats", "statistics", "progress overview", "overview", "progress",
    ];

    public static readonly string[] Cancel =
    [
        "取消", "算了", "不用了", "退出", "放弃", "停止", "结束",
        "cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind",
    ];

    public static readonly string[] Confirm =
    [
        "确认", "是", "是的", "好", "好的", "好吧", "对", "对的", "确定", "保存", "可以", "行", "没问题", "提交",
        "yes", "y", "ok", "okay", "confirm", "save", "sure", "yep", "submit",
    ];

    public static readonly string[] Decline =
    [
        "否", "不", "不是", "不对", "不要", "不行",
        "no", "n", "nope",
    ];

    /// <summary>Verbs in front of a list or detail request: 查逾期, show my tasks, 查看 12.</summary>
    public static readonly string[] View =
    [
        "查看", "查询", "查", "看看", "看", "显示", "列出", "打开",
        "show me", "show", "view", "see", "check", "open", "get",
    ];

    /// <summary>Detail request words that can stand before a code (查看 12, details 12).</summary>
    public static readonly string[] Detail =
    [
        "查看", "查询", "查", "看看", "看", "显示", "打开", "详情", "任务详情",
        "show me", "show", "view", "details of", "details", "detail", "open", "info",
    ];

    /// <summary>Words after a code that still ask for its detail (12详情, 12 的情况).</summary>
    public static readonly string[] DetailSuffix = ["详情", "的详情", "情况", "的情况", "details", "detail", "info"];

    /// <summary>Overdue keyword at the start; what follows is a filter (逾期 办公室).</summary>
    public static readonly string[] OverdueLeading =
    [
        "哪些任务逾期了", "哪些逾期了", "有哪些逾期", "逾期的任务", "逾期任务", "超期任务", "逾期事项", "逾期了", "已逾期", "逾期", "超期",
        "overdue tasks", "overdue items", "overdue", "what's overdue", "whats overdue", "late tasks",
    ];

    /// <summary>Overdue keyword at the end; what comes before is a filter (办公室的逾期任务).</summary>
    public static readonly string[] OverdueTrailing =
    [
        "哪些逾期了", "哪些任务逾期了", "逾期的任务", "逾期任务", "超期任务", "逾期事项", "逾期了", "逾期", "超期",
    ];

    /// <summary>Filter words that mean no filter (我的逾期任务) or only glue (overdue for 办公室).</summary>
    public static readonly string[] OverdueFilterNoise = ["我的", "my", "for", "in", "of", "at"];

    /// <summary>Openers of a progress report with nothing else required.</summary>
    public static readonly string[] ReportProgress =
    [
        "报告进展", "汇报进展", "报告进度", "汇报进度", "更新进度", "上报进度", "填报进度", "进展汇报", "进度汇报", "报进度",
        "report progress", "update progress", "progress report", "progress update",
    ];

    public static readonly string[] Done =
    [
        "已完成", "完成了", "做完了", "已做完", "已经完成", "全部完成", "已全部完成", "已办结", "办结", "已整改完成", "整改完成", "完成",
        "done", "finished", "completed", "complete",
    ];

    public static readonly string[] InProgress =
    [
        "正在整改", "整改中", "进行中", "正在进行", "推进中", "正在推进", "已启动", "已开始", "开始了", "启动了",
        "in progress", "in-progress", "started", "underway",
    ];

    public static readonly string[] WriteOff =
    [
        "申请销号", "销号申请", "申请销账", "销号",
        "request write-off", "request write off", "request writeoff", "request a write-off", "write-off", "write off", "writeoff",
    ];

    /// <summary>Labels in front of write-off evidence (证据：…, evidence: …); only taken with a colon.</summary>
    public static readonly string[] EvidenceLabel = ["证据", "佐证材料", "佐证", "材料", "证明材料", "evidence", "proof"];

    public static readonly string[] Extension =
    [
        "申请延期", "延期申请", "申请延长", "延期", "延长", "推迟", "顺延",
        "request an extension", "request extension", "extension", "extend", "postpone", "defer", "delay",
    ];

    /// <summary>Between an extension request and its new date.</summary>
    public static readonly string[] DateConnector =
    [
        "延期至", "延期到", "延至", "延到", "推迟到", "推迟至", "顺延至", "顺延到", "改到", "改为", "到", "至",
        "until", "till", "to", "by", "->", "→",
    ];

    /// <summary>Words that open a reason; they are dropped, the reason itself is kept as written.</summary>
    public static readonly string[] ReasonLabel =
    [
        "原因是", "原因为", "原因", "理由是", "理由", "因为", "由于", "鉴于",
        "because of", "because", "reason is", "reason", "due to", "since", "as",
    ];
}
