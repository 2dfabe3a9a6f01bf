using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    private static string Ordinal(int index) => index < Ordinals.Length ? Ordinals[index] : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ReportUsage => "用法：dotnet run --project Bot -- report --out <通报草稿.docx> [--inspection \"<巡察名称>\"]";

    public override string ReportPickInspection(IReadOnlyList<string> titles) => titles.Count == 0
        ? "台账中还没有巡察，无法起草通报。"
        : F("请用 --inspection 指定巡察：{0}", string.Join("；", titles));

    public override string ReportWritten(string path, int tasks) => F("已起草通报（{0}项整改措施）：{1}。请审核修改后再印发。", tasks, path);

    public override string ReportTitle(Inspection inspection) => F("{0}关于{1}整改情况的通报", inspection.InspectedUnit ?? "", inspection.Title);

    public override string ReportSubtitle(Inspection inspection, DateOnly today) => F("（草稿，{0}）", Date(today));

    public override string ReportOpening(Inspection inspection)
    {
        var period = inspection.PeriodStart is { } start && inspection.PeriodEnd is { } end ? F("{0}至{1}，", Date(start), Date(end)) : "";
        var feedback = inspection.FeedbackDate is { } date ? F("，并于{0}反馈了巡察意见", Date(date)) : "";
        return F("根据巡察工作统一部署，{0}{1}对{2}开展了巡察{3}。根据巡察工作有关要求，现将巡察整改进展情况公布如下。",
            period, inspection.InspectionGroup ?? "巡察组", inspection.InspectedUnit ?? "我单位", feedback);
    }

    public override string ReportOverallHeading => "一、扎实开展巡察整改工作";

    public override string ReportOverall(int problems, int measures, int writtenOff, int done, int open, int ongoing, int overdue) =>
        F("对巡察反馈的问题照单全收，制定问题清单、任务清单、责任清单，实行台账式管理，做到完成一项销号一项。针对{0}个问题制定整改措施{1}项，已完成并销号{2}项，完成待销号{3}项，正在整改{4}项，长期坚持{5}项{6}，整改完成率{7:P0}。",
            problems, measures, writtenOff, done, open, ongoing, overdue > 0 ? F("，其中逾期{0}项", overdue) : "", measures == 0 ? 0 : (double)writtenOff / measures);

    public override string ReportAspectsHeading => "二、落实巡察整改主体责任";

    public override string ReportAspectHeading(int index, string aspect) => F("（{0}）{1}", Ordinal(index), aspect);

    public override string ReportMeasure(int index, TaskDetail task, DateOnly today)
    {
        var state = task.Task.Status switch
        {
            RectificationStatus.WrittenOff => "已完成整改并销号",
            RectificationStatus.Done => "已完成，待销号",
            RectificationStatus.Ongoing => "长期坚持，持续推进",
            _ when task.Task.IsOverdue(today) => F("正在整改，完成{0}%，已逾期{1}天", task.Task.Percent, task.Task.DaysOverdue(today)),
            _ => F("正在整改，完成{0}%", task.Task.Percent),
        };
        var note = string.IsNullOrWhiteSpace(task.ProgressNote) ? "" : task.ProgressNote.TrimEnd('。') + "。";
        return F("{0}是{1}。{2}（{3}，责任部门：{4}）", Ordinal(index), task.Task.Measure.TrimEnd('。'), note, state, task.Task.LeadDepartment ?? "—");
    }

    public override string ReportAspectFigures(AspectFigures figures) =>
        F("该方面共{0}项整改措施，已销号{1}项，完成率{2:P0}{3}。", figures.Total, figures.WrittenOff, figures.CompletionRate, figures.Overdue > 0 ? F("，逾期{0}项", figures.Overdue) : "");

    public override string ReportNextHeading => "三、整改后续工作长效机制";

    public override string ReportNothingOpen => "列入整改方案的任务均已完成。下一步，继续巩固整改成果，适时开展“回头看”，防止问题反弹。";

    public override string ReportOpenItems(IReadOnlyList<TaskDetail> open, DateOnly today) =>
        F("一是继续抓好整改工作，确保件件有着落。对列出整改时限的{0}项任务持续跟踪推进，确保按时完成：{1}。",
            open.Count, string.Join("；", open.Select(d => F("{0}（{1}，{2}）", d.Task.Code, d.Task.LeadDepartment ?? "—", d.Task.IsOverdue(today) ? "已逾期" : "期限" + DueText(d.Task)))));

    public override string ReportOngoingItems(IReadOnlyList<TaskDetail> ongoing) =>
        F("二是对需长期坚持的{0}项任务（{1}），坚持目标不变、力度不减，定期调度、持续巩固。", ongoing.Count, string.Join("、", ongoing.Select(d => d.Task.Code)));

    public override string ReportClosing => "注重建章立制，构建管用的长效机制。在抓好整改的同时，注重治本，注重预防，建立健全相关制度规范，运用好巡察成果找差距、补短板。";
}
