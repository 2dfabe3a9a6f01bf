using Rectification.Bot.Report;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

    private static string Ordinal(int index) => index < Ordinals.Length ? Ordinals[index] : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const string ToFill = "【待填写】";

    public override string ReportUsage => "用法：dotnet run --project Bot -- report --out <通报草稿.docx> [--inspection \"<巡察名称>\"] [--as-of <YYYY-MM-DD>]";

    public override string ReportPickInspection(IReadOnlyList<string> titles) => titles.Count == 0
        ? "台账中还没有巡察，无法起草通报。"
        : F("请用 --inspection 指定巡察：{0}", string.Join("；", titles));

    public override string ReportBadAsOf(string text) => F("--as-of 的日期“{0}”无法识别或晚于今天，请写成 2021-12-31 这样的日期。未生成通报。", text);

    public override string ReportWritten(string path, int tasks, DateOnly asOf) => F("已起草通报（截至{0}，{1}项整改措施）：{2}。请审核修改后再印发。", Date(asOf), tasks, path);

    public override string ReportToFill => ToFill;

    public override string ReportTitle(Inspection inspection) => F("{0}关于{1}整改情况的通报", inspection.InspectedUnit ?? ToFill, inspection.Title);

    public override string ReportSubtitle(DateOnly asOf) => F("（草稿，截至{0}）", Date(asOf));

    public override string ReportOpening(Inspection inspection)
    {
        var start = inspection.PeriodStart is { } s ? Date(s) : ToFill;
        var end = inspection.PeriodEnd is { } e ? Date(e) : ToFill;
        var feedback = inspection.FeedbackDate is { } f ? Date(f) : ToFill;
        return F("根据巡察工作统一部署，{0}至{1}，{2}对{3}开展了巡察，并于{4}反馈了巡察意见。根据巡察工作有关要求，现将巡察整改进展情况公布如下。",
            start, end, inspection.InspectionGroup ?? ToFill, inspection.InspectedUnit ?? ToFill, feedback);
    }

    public override string ReportOrganisedHeading => "一、扎实开展巡察整改工作";

    public override string ReportAcceptHeading => "（一）统一思想认识，诚恳认领问题";

    public override string ReportMeetings(Inspection inspection, IReadOnlyList<InspectionMeeting> meetings)
    {
        var unit = inspection.InspectedUnit ?? ToFill;
        var held = meetings.Count == 0
            ? F("巡察反馈会后，先后召开{0}（会议时间、名称和议题），", ToFill)
            : F("巡察反馈会后，先后召开会议{0}次：{1}；", meetings.Count, string.Join("；", meetings.Select(m => F("{0}召开{1}，{2}", Date(m.HeldOn), m.Kind, m.Topic.TrimEnd('。', '；', '，')))));
        return F("{0}高度重视巡察整改工作，对巡察组指出的问题和提出的意见建议，态度鲜明、思想统一、诚恳接受、照单全收。{1}对整改工作进行研究部署，要求高效率、高标准、高质量推进整改工作。", unit, held);
    }

    public override string ReportLeadHeading => "（二）加强组织领导，细化分解任务";

    public override string ReportLeadingGroup(IReadOnlyList<LeadingGroupMember> group, int aspects, int problems)
    {
        static string Name(LeadingGroupMember m) => (m.Title ?? "") + m.Name + "同志";
        var leaders = group.Where(m => m.Role == LeadingRole.Leader).Select(Name).ToList();
        var deputies = group.Where(m => m.Role == LeadingRole.Deputy).Select(Name).ToList();
        var members = group.Where(m => m.Role == LeadingRole.Member).Select(m => (m.Title ?? "") + m.Name).ToList();
        var composition = group.Count == 0
            ? F("组长由{0}担任，副组长由{0}担任，领导小组成员由{0}组成", ToFill)
            : F("组长由{0}担任{1}{2}", leaders.Count == 0 ? ToFill : string.Join("、", leaders),
                deputies.Count == 0 ? "" : F("，副组长由{0}担任", string.Join("、", deputies)),
                members.Count == 0 ? "" : F("，成员有{0}", string.Join("、", members)));
        return F("成立了巡察整改工作领导小组，{0}，分管领导加强对分管科室的督导，强化对整改落实工作的领导。针对反馈的{1}个方面{2}个问题，全面梳理、查找原因、举一反三，制定了问题清单、任务清单、责任清单，研究了具体整改措施，形成了整改方案。",
            composition, aspects, problems);
    }

    public override string ReportLedgerHeading => "（三）落实整改措施，推进问题整改";

    public override string ReportFiguresText(ReportFigures f, DateOnly asOf) =>
        F("严格按照整改方案确定的“时间表”和“路线图”推进整改，制定了整改落实台账，对巡察反馈的问题实行台账式管理，做到完成一项销号一项，不留盲区、不留死角。截至{0}，针对{1}个问题制定整改措施{2}项，已完成并销号{3}项，完成待销号{4}项，正在整改{5}项，尚未启动{6}项，长期坚持{7}项{8}{9}。整改完成率为{10:0%}（已销号的整改措施数÷整改措施总数）。",
            Date(asOf), f.Problems, f.Measures, f.WrittenOff, f.Done, f.InProgress, f.NotStarted, f.Ongoing,
            f.Overdue > 0 ? F("，其中逾期{0}项", f.Overdue) : "",
            f.Reopened > 0 ? F("；经“回头看”发现反弹、重新整改{0}项", f.Reopened) : "",
            f.CompletionRate);

    public override string ReportAspectsHeading => "二、落实巡察整改主体责任";

    public override string ReportAspectHeading(int index, string aspect) => F("（{0}）{1}", Ordinal(index), aspect);

    public override string ReportMeasure(int index, ReportItem item, DateOnly asOf)
    {
        var measure = item.Measure.TrimEnd('。', '；', '，', ' ');
        var note = string.IsNullOrWhiteSpace(item.Note) ? "" : item.Note.Trim().TrimEnd('。', '；', '，') + "。";
        var reopened = item.Relapses > 0 ? "经“回头看”发现问题反弹，已重新整改，" : "";
        var state = item.Status switch
        {
            RectificationStatus.WrittenOff when item.Relapses > 0 => "经“回头看”重新整改后已完成并销号。" + note,
            RectificationStatus.WrittenOff => "已完成整改并销号。" + note,
            RectificationStatus.Done => "已完成整改，待审核销号。" + note,
            RectificationStatus.Ongoing => "作为长期坚持事项持续推进。" + (note.Length > 0 ? "目前" + note : ""),
            RectificationStatus.NotStarted when item.IsOverdue(asOf) => F("{0}尚未启动，逾期{1}天，已督促。", reopened, item.DaysOverdue(asOf)),
            RectificationStatus.NotStarted => F("{0}尚未启动，{1}。", reopened, Deadline(item)),
            _ when item.IsOverdue(asOf) => F("{0}正在整改，已完成{1}%，逾期{2}天，已督促。{3}", reopened, item.Percent, item.DaysOverdue(asOf), note.Length > 0 ? "目前" + note : ""),
            _ => F("{0}正在整改，已完成{1}%，{2}。{3}", reopened, item.Percent, Deadline(item), note.Length > 0 ? "目前" + note : ""),
        };
        return F("{0}是{1}，{2}", Ordinal(index), measure, state);
    }

    private string Deadline(ReportItem item) => item.DueDate is { } due ? F("计划于{0}前完成", Date(due)) : F("完成时限{0}", ToFill);

    public override string ReportAspectFigures(ReportFigures f) =>
        F("该方面共{0}项整改措施，已完成并销号{1}项，完成率{2:0%}{3}。", f.Measures, f.WrittenOff, f.CompletionRate, f.Overdue > 0 ? F("，逾期{0}项", f.Overdue) : "");

    public override string ReportNextHeading => "三、整改后续工作长效机制";

    public override string ReportNextIntro(Inspection inspection) =>
        F("下一步，{0}将坚持目标不变、力度不减，对巡察整改工作紧抓不放，深入抓整改、抓推进、抓落实。", inspection.InspectedUnit ?? ToFill);

    public override string ReportNothingOpen(int point) =>
        F("{0}是巩固整改成果。列入整改方案、明确整改时限的任务均已完成，继续巩固整改成果，防止问题反弹。", Ordinal(point));

    public override string ReportOpenIntro(int point, int open) =>
        F("{0}是继续抓好整改工作，确保件件有着落。尚有{1}项整改措施正在推进，逐项明确责任部门和整改时限，持续跟踪推进，确保按时完成整改。具体如下：", Ordinal(point), open);

    public override string ReportOpenDepartment(DepartmentItems department, DateOnly asOf) =>
        F("{0}（{1}项）：{2}。", department.Department ?? "未明确责任部门", department.Items.Count, string.Join("；", department.Items.Select(i =>
            F("{0}（{1}）", i.Measure.TrimEnd('。', '；', '，'), i.IsOverdue(asOf)
                ? F("原定{0}完成，逾期{1}天，已督促", Date(i.DueDate!.Value), i.DaysOverdue(asOf))
                : i.DueDate is { } due ? F("整改时限{0}", Date(due)) : F("整改时限{0}", ToFill)))));

    public override string ReportOngoingItems(int point, IReadOnlyList<ReportItem> ongoing) =>
        F("{0}是对需长期坚持的{1}项整改措施，坚持目标不变、力度不减，定期调度、持续巩固：{2}。", Ordinal(point), ongoing.Count,
            string.Join("；", ongoing.Select(i => F("{0}（{1}）", i.Measure.TrimEnd('。', '；', '，'), i.LeadDepartment ?? "未明确责任部门"))));

    public override string ReportRechecks(int point, int consolidated, IReadOnlyList<ReportItem> relapsed, DateOnly asOf)
    {
        if (consolidated == 0 && relapsed.Count == 0)
        {
            return F("{0}是巩固整改成果，对已销号的整改事项适时开展“回头看”，防止问题反弹。", Ordinal(point));
        }
        var relapsedText = relapsed.Count == 0
            ? "未发现问题反弹"
            : F("{0}项出现反弹，已重新列入整改并明确新的整改时限：{1}", relapsed.Count, string.Join("；", relapsed.Select(i =>
                F("{0}（{1}{2}）", i.Measure.TrimEnd('。', '；', '，'), string.IsNullOrWhiteSpace(i.RelapseReason) ? "" : i.RelapseReason.Trim().TrimEnd('。') + "，",
                    i.Status == RectificationStatus.WrittenOff ? "已重新销号" : i.DueDate is { } due ? F("整改时限{0}", Date(due)) : ToFill))));
        return F("{0}是巩固整改成果，开展“回头看”。截至{1}，对已销号和长期坚持事项开展“回头看”{2}项次，{3}项次巩固良好，{4}。",
            Ordinal(point), Date(asOf), consolidated + relapsed.Sum(i => i.Relapses), consolidated, relapsedText);
    }

    public override string ReportMechanism(int point) =>
        F("{0}是注重建章立制，构建管用的长效机制。在抓好整改的同时，注重治本，注重预防，建立健全相关制度规范。注重运用好巡察成果找差距、补短板，推动改革，促进发展。", Ordinal(point));

    public override string ReportIssuedOn(DateOnly date) => Date(date);

    public override string ReportAnnexLabel => "附件";

    public override string ReportAnnexTitle => "巡察整改进展情况图表";

    public override string ReportChartByAspect => "图1  各方面整改措施完成情况";

    public override string ReportChartOpenOverTime => "图2  未完成整改措施数量变化情况";

    public override string ReportChartMeasuresAxis => "整改措施（项）";

    public override string ReportChartOpenAxis => "未完成（项）";

    public override string ReportChartAspectLabel(int index) => F("方面{0}", Ordinal(index));
}
