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
        "cancel", "stop", "quit", "exit", "abort", "never mind", "nevermind", "discard", "discard it", "drop it",
    ];

    public static readonly string[] Confirm =
    [
        "确认", "是", "是的", "好", "好的", "好吧", "对", "对的", "确定", "保存", "可以", "行", "没问题", "提交",
        "yes", "y", "ok", "okay", "confirm", "save", "sure", "yep", "submit", "keep", "keep it", "save it",
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
        "已经完成了", "已经做完了", "都完成了", "全部完成了", "已全部完成了", "全部做完了", "都做完了", "搞定了", "已搞定", "搞定",
        "整改到位", "已整改到位", "整改到位了", "已经整改到位", "已经整改到位了", "完工了", "已完工", "已经办结了", "办结了",
        "done", "finished", "completed", "complete", "all done", "fully done", "it's done", "its done", "finished it",
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

    public static readonly string[] Pending =
    [
        "待审批", "待我审批", "审批", "我的审批", "待审批的", "待批", "待审", "审批列表", "需要我审批的", "有什么要审批的", "待审批事项",
        "pending", "approvals", "to approve", "pending approvals", "my approvals", "pending requests", "what needs my approval",
    ];

    public static readonly string[] Greeting =
    [
        "你好", "您好", "你好呀", "您好啊", "你好啊", "嗨", "哈喽", "早上好", "上午好", "中午好", "下午好", "晚上好", "早", "早安", "在吗", "在么", "在不在", "在",
        "hi", "hello", "hey", "hi there", "hello there", "good morning", "good afternoon", "good evening", "morning", "yo",
    ];

    public static readonly string[] Thanks =
    [
        "谢谢", "谢谢你", "谢谢您", "谢了", "谢啦", "多谢", "感谢", "非常感谢", "辛苦了", "辛苦", "好的谢谢", "好的，谢谢", "收到谢谢", "收到，谢谢",
        "thanks", "thank you", "thx", "ty", "thanks a lot", "many thanks", "thank you very much", "cheers", "ok thanks", "ok, thanks",
    ];

    public static readonly string[] Goodbye =
    [
        "再见", "拜拜", "回头见", "下次见", "先这样", "就这样", "先这样吧", "明天见",
        "bye", "goodbye", "bye bye", "see you", "see ya", "that's all", "thats all",
    ];

    /// <summary>继续: resume the flow an interruption left open. Never taken as a note.</summary>
    public static readonly string[] Continue =
    [
        "继续", "接着", "接着来", "继续吧", "继续刚才的", "回到刚才", "回到刚才的", "继续上一步", "接着刚才的",
        "continue", "go on", "resume", "carry on", "back to it", "where were we",
    ];

    public static readonly string[] Withdraw =
    [
        "撤回", "撤销", "撤回进展", "撤回上一条", "撤回刚才的进展", "撤回上次的进展", "撤回最后一条", "撤回刚才的", "撤销刚才的", "撤销上一条",
        "撤回上一次进展", "撤销进展", "撤回刚才那条", "刚才报错了", "刚才的进展撤回", "撤回我的进展",
        "undo", "withdraw", "undo my last update", "undo last update", "undo that", "undo my update", "retract", "take back my last update",
        "take it back", "withdraw my last update", "withdraw the last update", "undo the last update",
    ];

    public static readonly string[] ExportLedger =
    [
        "导出台账", "导出整改台账", "下载台账", "台账导出", "导出excel", "导出表格", "导出", "导出台账excel", "给我台账", "要台账",
        "export the ledger", "export ledger", "export", "download the ledger", "export the ledger to excel", "ledger export",
    ];

    public static readonly string[] DraftReport =
    [
        "生成通报", "起草通报", "通报", "生成整改通报", "写通报", "通报草稿", "整改通报", "出通报", "生成整改情况通报", "起草整改通报",
        "draft the report", "draft report", "generate the report", "draft the notice", "report draft",
    ];

    /// <summary>Between 生成通报 and the date it should describe (截至11月30日).</summary>
    public static readonly string[] AsOf = ["截至", "截止到", "截止", "截至到", "as of", "as at", "up to"];

    public static readonly string[] ExportRoster =
    [
        "导出人员名单", "人员名单", "导出名单", "导出人员", "下载人员名单", "名单",
        "export the roster", "export roster", "roster", "export people", "people list",
    ];

    public static readonly string[] FollowUp =
    [
        "回头看", "回头看清单", "回头看任务", "回头看事项", "需要回头看的",
        "follow-up", "follow up", "follow-ups", "followups", "followup", "re-checks", "rechecks",
    ];

    /// <summary>A task word with no code (what Teams' command menu sends): offer the person's tasks to pick from.</summary>
    public static readonly string[] PickTask =
    [
        "查看", "详情", "查看详情", "任务详情", "查看任务详情",
        "task", "show", "details", "detail", "task details", "view",
    ];

    /// <summary>Verbs of 催办 at the start of a message (催一下 loses 一下 in the normalizer).</summary>
    public static readonly string[] Urge =
    [
        "催办", "催促", "督促", "督办", "催一催", "催", "去催", "催下",
        "urge", "chase up", "chase", "nudge", "push",
    ];

    /// <summary>提醒刘洋抓紧…: a reminder is an urge only with one of these.</summary>
    public static readonly string[] RemindVerb = ["提醒", "通知", "remind", "tell"];

    public static readonly string[] Hurry =
    [
        "抓紧", "尽快", "加快", "抓点紧", "赶紧", "加紧", "快点", "抓紧时间", "加快进度",
        "hurry", "speed up", "get a move on", "asap",
    ];

    /// <summary>Glue around the person and code of an urge; removed to find the person's name.</summary>
    public static readonly string[] UrgeNoise =
    [
        "抓紧时间", "加快进度", "抓紧", "尽快", "加快", "抓点紧", "赶紧", "加紧", "快点", "落实", "推进", "办理", "完成", "一下", "整改", "进度",
        "任务", "事项", "的", "把", "给", "让", "对", "同志", "科长", "处理",
    ];

    public static readonly string[] UrgeNoiseEnglish = ["to", "hurry", "up", "on", "about", "with", "the", "task", "speed", "item", "get", "a", "move", "asap", "please", "for"];

    public static readonly string[] Approve = ["同意", "批准", "准予", "通过", "approve", "approved", "accept", "grant"];

    public static readonly string[] Reject = ["不同意", "不批准", "驳回", "拒绝", "退回", "不予批准", "reject", "rejected", "deny", "refuse", "turn down"];

    public static readonly string[] WriteOffTarget = ["销号申请", "销号", "的销号申请", "的销号", "write-off request", "write-off", "write off", "writeoff"];

    public static readonly string[] ExtensionTarget = ["延期申请", "延期", "的延期申请", "的延期", "extension request", "extension", "deadline extension"];

    /// <summary>Glue inside a typed decision: 同意 1-2-3 的 销号 申请, approve the write-off of 1-2-3.</summary>
    public static readonly string[] DecisionGlue = ["的", "申请", "the", "of", "for", "on", "request", "this"];

    /// <summary>"Nothing to add" in answer to "what was done?": the note is left empty.</summary>
    public static readonly string[] NoNote = ["无", "没有", "略", "暂无", "没有了", "无补充", "none", "no", "-", "skip", "跳过", "nothing", "n/a", "na"];
}
