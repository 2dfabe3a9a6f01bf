using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string InspectionUsage =>
        "用法：inspection show [--inspection \"<巡察名称>\"]\n      inspection set [--inspection \"<巡察名称>\"] [--feedback-date 2022-01-20] [--period 2021-03-16~2021-05-15] [--group \"<巡察组>\"] [--unit \"<被巡察单位>\"]";

    public override IReadOnlyList<string> InspectionDetails(Inspection inspection) =>
    [
        F("巡察名称：{0}", inspection.Title),
        F("被巡察单位：{0}", inspection.InspectedUnit ?? "（未填写）"),
        F("巡察组：{0}", inspection.InspectionGroup ?? "（未填写）"),
        F("巡察时间：{0}", inspection is { PeriodStart: { } start, PeriodEnd: { } end } ? F("{0:yyyy年M月d日}至{1:yyyy年M月d日}", start, end) : "（未填写）"),
        F("反馈日期：{0}", inspection.FeedbackDate is { } feedback ? F("{0:yyyy年M月d日}", feedback) : "（未填写，立行立改事项无法计算期限）"),
    ];

    public override string InspectionSet(int changed, int immediateRedated) => changed == 0
        ? "巡察信息无变化。"
        : immediateRedated > 0 ? F("已更新{0}项巡察信息，{1}项立行立改事项的期限改为新的反馈日期。", changed, immediateRedated) : F("已更新{0}项巡察信息。", changed);
}
