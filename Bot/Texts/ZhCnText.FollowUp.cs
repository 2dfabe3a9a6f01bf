using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string FollowUpTitle(int count) => F("🔍 回头看：{0} 项已销号或长期坚持事项待复查", count);

    public override string FollowUpNoneDue(DateOnly? next) => next is { } day
        ? F("目前没有到期的回头看事项。下一项将于{0}到期。", Date(day))
        : "目前没有到期的回头看事项。";

    public override string FollowUpOwnTitle(int count) => F("您负责的 {0} 项已销号或长期坚持事项的回头看情况", count);

    public override string FollowUpOwnNone => "您负责的事项中暂无已销号或长期坚持的事项，无需回头看。";

    public override string FollowUpItemLine(DueRecheck due, DateOnly today)
    {
        var kind = due.Item.Status == RectificationStatus.Ongoing ? "长期坚持" : F("{0}销号", Date(due.Item.WrittenOffOn ?? due.Item.CreatedOn));
        var last = due.Item.LastCheckedOn is { } checkedOn ? F("，{0}回头看巩固良好", Date(checkedOn)) : "";
        var when = due.DueOn <= today ? F("，{0}起应回头看", Date(due.DueOn)) : F("，{0}回头看", Date(due.DueOn));
        return kind + last + when;
    }

    public override string FollowUpMore(int count) => F("还有 {0} 项未列出，请处理上述事项后再次发送“回头看”。", count);

    public override string FollowUpButtonConsolidated => "巩固良好";

    public override string FollowUpButtonRelapsed => "出现反弹";

    public override string FollowUpRelapseTitle(string code) => F("任务 {0} 出现反弹，重新整改", code);

    public override string FollowUpRelapseIntro => "请说明反弹情况并确定新的整改时限。确认后该任务恢复为“正在整改”，并通知责任人。";

    public override string FollowUpReasonLabel => "反弹情况（必填）";

    public override string FollowUpReasonPlaceholder => "例如：抽查发现问题再次出现";

    public override string FollowUpDeadlineLabel(int defaultDays) => F("新的整改时限（不填则为 {0} 天后）", defaultDays);

    public override string FollowUpButtonReopen => "重新整改";

    public override string FollowUpConsolidated(string code, DateOnly next) => F("已记录：任务 {0} 回头看巩固良好。下次回头看时间为{1}。", code, Date(next));

    public override string FollowUpReopened(string code, DateOnly deadline, IReadOnlyList<string> told) => told.Count > 0
        ? F("任务 {0} 已重新打开整改，整改时限为{1}，已通知{2}。", code, Date(deadline), string.Join("、", told))
        : F("任务 {0} 已重新打开整改，整改时限为{1}。", code, Date(deadline));

    public override string FollowUpReopenedNotice(string leader, string code, string measure, string reason, DateOnly deadline) =>
        F("{0}回头看时发现任务 {1}（{2}）出现反弹：{3}。该任务已重新打开，请于{4}前完成整改并报告进展。", leader, code, measure, reason, Date(deadline));

    public override string FollowUpOfficersUnreachable(IReadOnlyList<string> names) =>
        F("注意：{0}尚未打开过整改台账助手，收不到重新整改的通知，请当面或电话告知。", string.Join("、", names));

    public override string FollowUpNotYours(string code) => F("任务 {0} 不在您的分管范围内，只有分管该部门的领导或整改办可以回头看。", code);

    public override string FollowUpOutOfDate(string code) => F("任务 {0} 的这次回头看已经处理过或情况已变化，请发送“回头看”查看最新清单。", code);

    public override string FollowUpReasonMissing => "出现反弹需要说明反弹情况，请填写后再确认。";

    public override string FollowUpDeadlineInvalid(string text) => F("“{0}”不是有效的日期，请按“2027-03-31”的格式填写。", text);

    public override string FollowUpDeadlineNotLater(DateOnly today) => F("新的整改时限须晚于今天（{0}）。", Date(today));

    public override string FollowUpSummary(int checks, int consolidated, int reopened, int stillOpen) => reopened == 0
        ? F("回头看：已开展 {0} 项次，均巩固良好。", checks)
        : F("回头看：已开展 {0} 项次，{1} 项次巩固良好；{2} 项出现反弹已重新整改，其中 {3} 项仍在整改。", checks, consolidated, reopened, stillOpen);

    public override string RemindersRechecksDue(IReadOnlyList<(string Code, DateOnly DueOn, IReadOnlyList<string> Asked)> due) =>
        F("待回头看 {0} 项：", due.Count) + string.Join("；", due.Select(d => F("{0}（{1:yyyy-MM-dd} 起，{2}）", d.Code, d.DueOn, d.Asked.Count > 0 ? string.Join("、", d.Asked) : "无人接收")));
}
