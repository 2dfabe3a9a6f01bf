using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string Date(DateOnly date) => F("{0}年{1}月{2}日", date.Year, date.Month, date.Day);

    public override string StatusName(RectificationStatus status) => status switch
    {
        RectificationStatus.NotStarted => "未开始",
        RectificationStatus.InProgress => "正在整改",
        RectificationStatus.Done => "已完成待销号",
        RectificationStatus.WrittenOff => "已销号",
        _ => "长期坚持",
    };

    public override string LongTerm => "长期坚持";

    public override string Immediate => "立行立改";

    public override string TaskLine(TaskSummary task, DateOnly today, TaskMark mark)
    {
        var when = mark switch
        {
            TaskMark.Overdue => F("逾期{0}天", task.DaysOverdue(today)),
            TaskMark.DueSoon when task.DueDate == today => "今天到期",
            TaskMark.DueSoon => F("{0}天后到期", task.DueDate!.Value.DayNumber - today.DayNumber),
            _ => "",
        };
        var parts = new[] { when, "期限 " + DueText(task), F("{0} {1}%", StatusName(task.Status), task.Percent) };
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    public override string OwnersLine(TaskSummary task) => F("责任人：{0}　责任部门：{1}", task.Officers, task.LeadDepartment ?? "—");

    public override string Deadline(TaskSummary task, DateOnly? originalDueDate, int extensionCount) =>
        extensionCount == 0 ? DueText(task) : F("{0}（原期限 {1}，已延期{2}次）", DueText(task), originalDueDate is { } d ? Date(d) : "—", extensionCount);

    public override IReadOnlyList<string> History(TaskDetail detail)
    {
        var lines = new List<(DateTimeOffset At, string Line)>();
        lines.AddRange(detail.Progress.Select(p => (p.At, F("{0} {1}：{2}%（{3}）{4}", Stamp(p.At), p.PersonName ?? SourceName(p.Source), p.Percent, StatusName(p.Status), p.Note ?? ""))));
        lines.AddRange(detail.Extensions.Select(e => (e.RequestedAt, F("{0} 申请延期至{1}：{2}（{3}）", Stamp(e.RequestedAt), Date(e.ToDate), e.Reason, StateName(e.State, e.DecisionNote)))));
        lines.AddRange(detail.WriteOffs.Select(w => (w.RequestedAt, F("{0} 申请销号：{1}（{2}）", Stamp(w.RequestedAt), w.Evidence, StateName(w.State, w.DecisionNote)))));
        return lines.OrderBy(l => l.At).Select(l => l.Line.TrimEnd()).ToList();
    }

    private string Stamp(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, LedgerCalendar.ChinaStandardTime.TimeZone);
        return F("{0}月{1}日", local.Month, local.Day);
    }

    private static string SourceName(string source) => source == "import" ? "台账导入" : "系统";

    private static string StateName(RequestState state, string? note) => state switch
    {
        RequestState.Pending => "待审批",
        RequestState.Approved => "已批准",
        _ => "已驳回" + (string.IsNullOrEmpty(note) ? "" : "：" + note),
    };

    public override string ListRange(int from, int to, int total) => F("第{0}–{1}项，共{2}项", from, to, total);

    public override string Welcome(string? name) => F("""
        {0}您好！我是整改台账助手。
        我帮您查看整改任务、报告进展、申请销号和延期，并在期限前提醒您。发送“帮助”查看用法。
        """, string.IsNullOrEmpty(name) ? "" : name + "，");

    public override string NotRegistered(IReadOnlyList<string> admins) => admins.Count == 0
        ? "您尚未登记在整改台账中，暂时无法使用。请联系本单位整改办将您加入台账。"
        : F("您尚未登记在整改台账中，暂时无法使用。请联系整改办（{0}）将您加入台账。", string.Join("、", admins));

    public override string SomethingWentWrong => "抱歉，处理您的消息时出了点问题，本次操作未完成。请稍后再试，或发送“帮助”。";

    public override string AttachmentsUnsupported => "暂不支持直接上传附件。请用文字说明，或粘贴材料链接。";

    public override string Help(bool isLeader, bool isAdmin)
    {
        var text = """
            我可以帮您：
            • 我的任务 —— 查看我负责的整改任务
            • 即将到期 —— 近期到期的任务
            • 逾期 —— 已超过期限的任务
            • 任务 1-2-1 —— 查看任务详情和进展记录
            • 1-2-1 进度80% 已召开专题会议 —— 报告进展（也可只发“报告进展”，我会逐项询问）
            • 申请销号 1-2-1 佐证材料…… —— 完成后申请销号
            • 申请延期 1-2-1 到 12月31日 因为…… —— 申请延长期限
            • 统计 —— 各方面整改进度
            • 撤回 —— 撤回您30分钟内报告的上一条进展
            • 继续 —— 回到刚才没答完的问题
            • 取消 —— 退出当前操作
            """;
        if (isLeader || isAdmin)
        {
            text += "\n• 逾期 办公室 —— 按部门查看逾期任务\n• 待审批 —— 待您审批的销号和延期申请";
            text += "\n• 同意1-2-3销号 / 驳回1-2-3，理由…… —— 直接用文字审批\n• 催办1-5-4 / 催一下刘洋 —— 提醒责任人抓紧办理";
            text += "\n• 回头看 —— 到期的已销号、长期坚持事项复查（巩固良好 / 出现反弹）";
        }
        return text;
    }

    public override string DidNotUnderstand => "没太明白您的意思。可以发送“我的任务”“逾期”“报告进展”，或发送“帮助”查看全部用法。";

    public override string Invalid(string reason, string? detail) => reason switch
    {
        InvalidInputReason.Empty => "消息是空的。请发送文字，例如“我的任务”。",
        InvalidInputReason.TooLong => "消息太长了，请精简到2000字以内再发送。",
        InvalidInputReason.PercentOutOfRange => F("进度“{0}”超出范围，请填写0到100之间的数字。", detail),
        InvalidInputReason.PercentNotWhole => F("进度“{0}”请填写整数，例如80%。", detail),
        InvalidInputReason.BadDate => F("无法识别日期“{0}”。请写成 12月31日、2027年1月15日、下周五 或 2027-01-15。", detail),
        _ => "输入有误，请检查后重新发送。",
    };

    public override string NothingToCancel => "当前没有进行中的操作。";

    public override string NothingToConfirm => "当前没有需要确认的内容。";

    public override string Cancelled => "已取消，未做任何修改。";

    public override string MyTasksTitle => "我的整改任务";

    public override string OverdueTitle(string scope) => F("逾期任务（{0}）", scope);

    public override string DueSoonTitle(int days, string scope) => F("{0}天内到期的任务（{1}）", days, scope);

    public override string ScopeMine => "我负责的";

    public override string ScopeDepartments => "分管部门";

    public override string ScopeAll => "全部";

    public override string NoTasks => "台账中没有可显示的任务。";

    public override string NoOwnTasks => "您目前没有负责的整改任务。";

    public override string NoOwnTasksLeader => "您没有直接负责的任务。查看分管部门的情况请发送“逾期”“即将到期”或“统计”。";

    public override string NothingOverdue => "没有逾期任务。👍";

    public override string NothingDueSoon(int days) => F("{0}天内没有到期的任务。", days);

    public override string NotYourDepartment(string department) => F("“{0}”不在您的分管范围内。", department);

    public override string AmbiguousFilter(string filter, IReadOnlyList<string> matches) => F("“{0}”对应多个部门：{1}。请写全部门名称。", filter, string.Join("、", matches));

    public override string UnknownFilter(string filter) => F("没有找到名为“{0}”的部门或方面。", filter);

    public override string ButtonMore(int remaining) => F("更多（还有{0}项）", remaining);

    public override string ButtonDetail => "详情";

    public override string ButtonReport => "报告进展";

    public override string ButtonWriteOff => "申请销号";

    public override string ButtonExtend => "申请延期";

    public override string TaskNotFound(string code) => F("找不到编号为“{0}”的任务，请核对编号（可发送“我的任务”查看）。", code);

    public override string NotYourTask(string code) => F("任务 {0} 不在您的职责范围内，无法查看或修改。", code);

    public override string HistoryTitle => "进展记录";

    public override string NoHistory => "暂无进展记录。";

    public override string CoOperating => "配合";

    public override string SummaryTitle(string scope, DateOnly today) => F("整改进度统计（{0}，截至{1}）", scope, Date(today));

    public override string FigureTotal => "任务总数";

    public override string FigureWrittenOff => "已销号";

    public override string FigureInProgress => "整改中";

    public override string FigureOngoing => "长期坚持";

    public override string FigureOverdue => "逾期";

    public override string FigureRate => "完成率";

    public override string SummaryTotals(int total, int writtenOff, int overdue) =>
        F("合计：{0}项，已销号{1}项，逾期{2}项，完成率{3:P0}", total, writtenOff, overdue, total == 0 ? 0 : (double)writtenOff / total);

    public override string AskWhichTask => "请问是哪一项任务？请选择，或直接发送任务编号。";

    public override string AskWhichTaskOrForm => "请问是哪一项任务？可以直接发送编号，或填写下面的进展表。";

    public override string AskCodeNoTasks => "请发送任务编号，例如 1-2-1。";

    public override string ButtonPick(string code) => F("选择 {0}", code);

    public override string TypeCodeForOthers(int more) => F("另有{0}项未列出，可直接发送编号。", more);

    public override string NotACode(string text) => F("“{0}”不是任务编号。编号形如 1-2-1 或 12。", text);

    public override string AskPercent(string code, string measure, int currentPercent) =>
        F("任务 {0}（{1}）目前进度 {2}%。现在完成了多少？请回复百分比，如“80%”；已全部完成请回复“已完成”。", code, TaskCards.Shorten(measure), currentPercent);

    public override string NotAPercent(string text) => F("没有识别出进度“{0}”。请回复0到100之间的百分比，如“80%”，或“已完成”。", text);

    public override string AskNote(string code) => F("任务 {0} 做了哪些工作？请简要说明（没有可回复“无”）。", code);

    public override string ConfirmProgressTitle => "请确认将记录的进展";

    public override string ConfirmHint => "回复“确认”保存，回复“取消”放弃；也可以直接发送修改，例如“90%”。";

    public override string ConfirmOrCancel => "请回复“确认”保存，或“取消”放弃。";

    public override string CardOutOfDate => "这张卡片已过期（对应的操作已结束或已被新的操作取代），未做任何修改。";

    public override string ProgressFormTitle => "报告整改进展";

    public override string NotePlaceholder => "做了哪些工作，例如：已召开专题会议，制度已印发";

    public override string ButtonSubmit => "提交";

    public override string ButtonConfirm => "确认";

    public override string ButtonCancel => "取消";

    public override string ProgressSaved(string code, int percent, bool done) => done
        ? F("已记录：任务 {0} 已完成。整改到位后请发送“申请销号 {0}”并附佐证材料。", code)
        : F("已记录：任务 {0} 进度 {1}%。", code, percent);

    public override string ProgressAlreadySaved(string code) => F("这条进展已经记录过了（任务 {0}），没有重复保存。", code);

    public override string AlreadyWrittenOff(string code) => F("任务 {0} 已销号，无需再操作。", code);

    public override string AskEvidence(string code, string measure) =>
        F("申请销号：任务 {0}（{1}）。请发送佐证材料说明或链接，例如会议纪要、文件编号。", code, TaskCards.Shorten(measure));

    public override string AskNewDate(string code, DateOnly? due) =>
        F("任务 {0} 当前期限为 {1}，希望延期到哪一天？例如“12月31日”或“2027年1月15日”。", code, due is { } d ? Date(d) : "—");

    public override string DateNotLater(DateOnly date, DateOnly? due, DateOnly today) => due is { } d && d >= today
        ? F("新期限 {0} 须晚于当前期限 {1}。", Date(date), Date(d))
        : F("新期限 {0} 须晚于今天（{1}）。", Date(date), Date(today));

    public override string AskReason(string code) => F("请说明任务 {0} 需要延期的原因。", code);

    public override string OngoingHasNoDeadline(string code) => F("任务 {0} 为长期坚持事项，没有截止期限，无需延期。", code);

    public override string ChangeRefused(LedgerChangeResult result, string? code) => result.Reason switch
    {
        ChangeReasons.NotAnOfficer => F("任务 {0} 不是您负责的，只有责任人、分管领导或整改办可以操作。", code),
        ChangeReasons.NotSupervisor => "只有分管该部门的领导或整改办可以审批。",
        ChangeReasons.WrittenOff => F("任务 {0} 已销号，不能再修改。", code),
        ChangeReasons.AlreadyDecided => "该申请已经审批过了，不能重复审批。",
        ChangeReasons.OwnRequest => "不能审批自己提出的申请，请由其他分管领导或整改办审批。",
        ChangeReasons.NotDone => F("任务 {0} 提出申请后又报告了未完成的进展，不能销号；请驳回该申请。", code),
        ChangeReasons.PendingExists => F("任务 {0} 已有一份待审批的申请，请等待审批结果。", code),
        ChangeReasons.OngoingHasNoDeadline => OngoingHasNoDeadline(code ?? ""),
        ChangeReasons.DateNotLater => "新期限须晚于今天和当前期限。",
        _ => code is null ? "找不到该申请。" : TaskNotFound(code),
    };

    public override string FieldTask => "任务";

    public override string FieldPercent => "进度";

    public override string FieldStatus => "状态";

    public override string FieldNote => "工作说明";

    public override string FieldAspect => "方面";

    public override string FieldProblem => "存在问题";

    public override string FieldLeader => "责任领导";

    public override string FieldDepartment => "责任部门";

    public override string FieldOfficers => "责任人";

    public override string FieldDeadline => "整改时限";

    public override string FieldRequester => "申请人";

    public override string FieldEvidence => "佐证材料";

    public override string FieldReason => "延期原因";

    public override string WriteOffRequested(string code, IReadOnlyList<string> approvers) =>
        F("已提交任务 {0} 的销号申请，等待{1}审批。审批结果会通知您。", code, approvers.Count == 0 ? "整改办" : string.Join("、", approvers));

    public override string ExtensionRequested(string code, DateOnly date, IReadOnlyList<string> approvers) =>
        F("已提交任务 {0} 延期至 {1} 的申请，等待{2}审批。", code, Date(date), approvers.Count == 0 ? "整改办" : string.Join("、", approvers));

    public override string WriteOffApprovalTitle(string code) => F("销号申请：任务 {0}", code);

    public override string ExtensionApprovalTitle(string code) => F("延期申请：任务 {0}", code);

    public override string RejectReasonPlaceholder => "驳回时请填写理由";

    public override string ButtonApprove => "同意";

    public override string ButtonReject => "驳回";

    public override string RejectNeedsReason => "驳回需要填写理由，请在卡片中填写后再点“驳回”。";

    public override string DecidedApproved(string decider) => F("✅ {0} 已同意", decider);

    public override string DecidedRejected(string decider, string? note) => F("❌ {0} 已驳回：{1}", decider, note ?? "");

    public override string WriteOffApproved(string code) => F("任务 {0} 已销号。", code);

    public override string WriteOffRejected(string code, string reason) => F("任务 {0} 的销号申请被驳回：{1}。请继续整改。", code, reason);

    public override string ExtensionApproved(string code, DateOnly due) => F("任务 {0} 的延期申请已批准，新期限为 {1}。", code, Date(due));

    public override string ExtensionRejected(string code, string reason) => F("任务 {0} 的延期申请被驳回：{1}。原期限不变。", code, reason);

    public override string DecisionForRequester(string decider, string outcome) => F("{0}审批了您的申请：{1}", decider, outcome);

    public override string NotALeader => "只有分管领导和整改办可以审批申请。";

    public override string NothingPending => "目前没有待您审批的申请。";

    public override string PendingCount(int count) => F("有{0}份申请待您审批：", count);
}
