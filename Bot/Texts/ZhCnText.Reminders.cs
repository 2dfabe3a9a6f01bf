using Rectification.Bot.Reminders;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string ReminderKindName(ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "即将到期",
        ReminderKind.DueToday => "今日到期",
        ReminderKind.Overdue => "逾期提醒",
        ReminderKind.LeaderYellow => "黄色预警",
        ReminderKind.AdminRed => "红色预警",
        ReminderKind.OngoingCheckIn => "长期事项月度报告",
        ReminderKind.Stale => "进展未更新",
        ReminderKind.Recheck => "回头看",
        _ => kind.ToString(),
    };

    public override string ReminderTitle(ReminderKind kind, int count) => kind switch
    {
        ReminderKind.DueSoon => F("🟡 {0} 项整改任务即将到期", count),
        ReminderKind.DueToday => F("🟠 {0} 项整改任务今天到期", count),
        ReminderKind.Overdue => F("🔴 {0} 项整改任务已逾期", count),
        ReminderKind.LeaderYellow => F("🟡 黄色预警：分管部门 {0} 项任务逾期", count),
        ReminderKind.AdminRed => F("🔴 红色预警：{0} 项任务严重逾期", count),
        ReminderKind.OngoingCheckIn => F("🔁 {0} 项长期坚持事项请报告本月进展", count),
        ReminderKind.Stale => F("⏳ {0} 项任务长时间未更新进展", count),
        ReminderKind.Recheck => F("🔍 回头看：{0} 项事项请复查整改成果", count),
        _ => F("{0} 项提醒", count),
    };

    public override string ReminderIntro(ReminderKind kind, DateOnly slotDate, bool isCatchUp)
    {
        var intro = kind switch
        {
            ReminderKind.DueSoon => "以下任务即将到期，请抓紧推进并及时报告进展；确实无法按时完成的，请申请延期。",
            ReminderKind.DueToday => "以下任务今天到期，请确保按时完成并报告进展。",
            ReminderKind.Overdue => "以下任务已超过整改时限，请尽快完成并报告进展，或申请延期。",
            ReminderKind.LeaderYellow => "您分管部门的以下任务逾期已超过预警线，请加强督导。",
            ReminderKind.AdminRed => "以下任务逾期已超过红色预警线，请整改办跟进督办。",
            ReminderKind.OngoingCheckIn => "以下长期坚持事项请报告本月落实情况，巩固整改成果。",
            ReminderKind.Stale => "以下任务较长时间没有报告进展，请更新整改进度。",
            ReminderKind.Recheck => "以下已销号或长期坚持事项到了回头看时间，请复查整改成果是否巩固；出现反弹的，请说明情况，任务将重新整改。",
            _ => "",
        };
        return isCatchUp ? F("（补发：{0}的提醒）{1}", Date(slotDate), intro) : intro;
    }

    public override string ReminderItemLine(ReminderKind kind, ReminderItem item) => kind switch
    {
        ReminderKind.DueToday => F("{0} 到期（今天）", DueOf(item)),
        ReminderKind.DueSoon => F("{0} 到期，还有 {1} 天", DueOf(item), item.DaysUntilDue ?? 0),
        ReminderKind.Overdue or ReminderKind.LeaderYellow or ReminderKind.AdminRed =>
            F("{0} 到期，已逾期 {1} 天（{2} 个工作日）", DueOf(item), -(item.DaysUntilDue ?? 0), item.WorkingDaysOverdue),
        ReminderKind.OngoingCheckIn => item.DaysSinceProgress is { } days ? F("长期坚持，上次报告进展在 {0} 天前", days) : "长期坚持",
        ReminderKind.Stale => F("{0} 到期，已 {1} 天未更新进展", DueOf(item), item.DaysSinceProgress ?? 0),
        ReminderKind.Recheck => F("{0}起应回头看", DueOf(item)),
        _ => DueOf(item),
    };

    private string DueOf(ReminderItem item) => item.DueDate is { } due ? Date(due) : LongTerm;

    public override string ReminderMoreItems(int count) => F("还有 {0} 项未列出，发送“逾期”或“我的任务”查看全部。", count);

    public override string ReminderUnreachableTitle => "以下人员从未打开机器人（或已将其移除），无法收到提醒，请当面或电话通知：";

    public override string ReminderUnreachableLine(string name, IReadOnlyList<ReminderKind> missed) =>
        F("{0}：{1}", name, string.Join("、", missed.Select(ReminderKindName)));

    public override string ReminderFailedTitle => "以下提醒多次发送失败：";

    public override string ReminderFailedLine(string name, ReminderKind? kind, DateOnly slotDate) =>
        F("{0}：{1}（{2}）", name, kind is { } k ? ReminderKindName(k) : "提醒", Date(slotDate));

    public override string ReminderUnknownCount(long count) => F("另有 {0} 条提醒的发送结果未知（请求已发出但未收到答复），未重复发送。", count);

    public override string ReminderSnoozeLabel => "暂停提醒";

    public override string ReminderSnoozeDays(int days) => F("{0} 天", days);

    public override string ReminderButtonSnooze => "暂停提醒";

    public override string ReminderButtonAcknowledge => "已知悉";

    public override string ReminderSnoozed(int days, DateOnly resume) => F("好的，接下来 {0} 天不再提醒您，{1}起恢复。", days, Date(resume));

    public override string ReminderSnoozeInvalid(int maxDays) => F("暂停天数应为 1 到 {0} 天。", maxDays);

    public override string ReminderAcknowledged => "已记录：您已知悉这条提醒。";

    public override string ReminderAlreadyAcknowledged => "这条提醒您已经确认过了。";

    public override string ReminderNotYours => "这条提醒不是发给您的，无法操作。";

    public override string RemindersUsage => """
        用法：
          dotnet run --project Bot -- reminders preview --at <时刻>   列出该时刻应发送的提醒（不发送）
          dotnet run --project Bot -- reminders run --at <时刻>       生成并通过已配置的渠道发送提醒
        <时刻> 为 ISO 8601 格式，例如 2026-11-30T09:05+08:00。
        """;

    public override string RemindersBadInstant(string value) => F("“{0}”不是有效的时刻，请使用 ISO 8601 格式，例如 2026-11-30T09:05+08:00。", value);

    public override string RemindersPreviewTitle(DateTimeOffset at) => F("{0:yyyy-MM-dd HH:mm zzz} 应发送的提醒：", at);

    public override string RemindersNothingDue => "该时刻没有应发送的提醒（非工作日、未到发送时间、处于免打扰时段，或没有需要提醒的事项）。";

    public override string RemindersColumnPerson => "接收人";

    public override string RemindersColumnKind => "类型";

    public override string RemindersColumnSlot => "日期";

    public override string RemindersColumnItems => "事项";

    public override string RemindersNeverOpened => "（未打开机器人）";

    public override string RemindersCatchUp => "（补发）";

    public override string RemindersUnreachableCell(IReadOnlyList<string> names) => F("无法送达：{0}", string.Join("、", names));

    public override string RemindersRunSummary(ReminderRunResult result) =>
        F("应发 {0} 条，新生成 {1} 条；已发送 {2}，失败 {3}，结果未知 {4}，取消 {5}，待重试 {6}。",
            result.Planned, result.NewlyPlanned, result.Sent, result.Failed, result.Unknown + result.Interrupted, result.Cancelled, result.Rescheduled);
}
