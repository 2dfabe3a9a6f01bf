using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string ImportFieldName(string field) => field switch
    {
        ImportFields.Code => "序号",
        ImportFields.Aspect => "方面",
        ImportFields.Problem => "存在问题",
        ImportFields.Measure => "整改措施",
        ImportFields.Leader => "责任领导",
        ImportFields.Department => "责任部门",
        ImportFields.CoDepartments => "配合部门",
        ImportFields.Officers => "责任人",
        ImportFields.TimeLimit => "整改时限",
        ImportFields.DueDate => "截止日期",
        ImportFields.Status => "状态",
        ImportFields.Percent => "完成进度",
        ImportFields.Progress => "整改进展",
        ImportFields.InspectedUnit => "被巡察单位",
        ImportFields.InspectionGroup => "巡察组",
        ImportFields.PeriodStart => "巡察开始日期",
        ImportFields.PeriodEnd => "巡察结束日期",
        ImportFields.FeedbackDate => "反馈日期",
        _ => field,
    };

    public override string ImportPlanHeading(ImportPlan plan) =>
        F("导入“{0}”：新增{1}项，更新{2}项，重新编号{3}项，未变{4}项，表中已删除{5}项。", plan.Inspection.Title,
            plan.New.Count, plan.Updated.Count, plan.Renumbered.Count, plan.Unchanged.Count, plan.Removed.Count);

    public override string ImportPlanStatuses(StatusCounts counts) =>
        F("按表中状态：已完成{0}项，正在整改{1}项，未开始{2}项，长期坚持{3}项，已销号{4}项。", counts.Done, counts.InProgress, counts.NotStarted, counts.Ongoing, counts.WrittenOff);

    public override string ImportPlanSection(PlannedTaskKind kind, int count) => kind switch
    {
        PlannedTaskKind.Renumbered => F("重新编号（按内容匹配，进展和历史随措施保留）{0}项：", count),
        PlannedTaskKind.Updated => F("更新{0}项：", count),
        PlannedTaskKind.New => F("新增{0}项：", count),
        _ => F("未变{0}项：", count),
    };

    public override string ImportPlanRemovedSection(int count) => F("表中已没有、台账中保留的措施{0}项（不删除，历史保留）：", count);

    public override string ImportPlanDeadlineSection(int count) => F("截止日期变更{0}项（按延期记录，原期限保留，标注“导入变更”）：", count);

    public override string ImportPlanRemovedLine(RemovedTask task) => task.NewCode is { } moved
        ? F("{0} {1}（序号已被新行占用，改为{2}）", task.Code, Shorten(task.Measure, 30), moved)
        : F("{0} {1}", task.Code, Shorten(task.Measure, 30));

    public override string ImportPlanDeadlineLine(PlannedTask task) =>
        F("{0} {1}：{2} → {3}", task.Code, Shorten(task.Draft.Measure, 30), task.Deadline?.From?.ToString("yyyy-MM-dd", Culture) ?? "—", task.Deadline?.To.ToString("yyyy-MM-dd", Culture));

    public override string ImportPlanNewPeople(IReadOnlyList<string> names) => F("新增人员{0}人：{1}", names.Count, string.Join("、", names));

    public override string ImportPlanInspectionChange(FieldChange change) =>
        F("巡察信息“{0}”：{1} → {2}", ImportFieldName(change.Field), change.Before ?? "—", change.After ?? "—");

    public override string ImportPlanMore(int count) => F("……另有{0}项", count);

    public override string ImportDryRunDone => "以上为预览，未写入任何数据。去掉 --dry-run 即按此导入。";

    public override string ImportPlanNothingToDo => "表格与台账一致，无需更改。";

    public override string ImportApplied(ImportSummary summary, string inspection) =>
        F("已导入“{0}”：新增{1}项，更新{2}项，重新编号{3}项，未变{4}项，表中已删除{5}项，截止日期变更{6}项，新增人员{7}人。", inspection,
            summary.Created, summary.Updated, summary.Renumbered, summary.Unchanged, summary.Removed, summary.DeadlinesChanged, summary.PeopleCreated);
}
