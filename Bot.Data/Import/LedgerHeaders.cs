namespace Rectification.Data.Import;

/// <summary>The fields of a ledger row, whatever a sheet calls them.</summary>
public enum LedgerColumn
{
    Code,
    Aspect,
    Problem,
    Measure,
    Leader,
    LeadDepartment,
    CoDepartments,
    Officers,
    TimeLimit,
    DueDate,
    Progress,
    Status,
    Percent,
    LastUpdate,
    DaysOverdue,

    /// <summary>The export's list of evidence files per measure: for readers, ignored on import (files come in chat).</summary>
    Evidence,
}

/// <summary>
/// Header words real ledgers use, Chinese and English, and the export's own. Matching folds width, case and
/// whitespace (so "整改 时限", "ＤＥＡＤＬＩＮＥ" and "Deadline\n" all match) and ignores a trailing colon or "(必填)".
/// </summary>
public static class LedgerHeaders
{
    /// <summary>The aspect of rows that name none and follow none: a data value, stored as the aspect's title.</summary>
    public const string UnclassifiedAspect = "未分类";

    private static readonly (LedgerColumn Column, string[] Names)[] Names =
    [
        (LedgerColumn.Code, ["序号", "编号", "no.", "no", "code", "#"]),
        (LedgerColumn.Aspect, ["方面", "问题类别", "问题类型", "类别", "aspect", "category"]),
        (LedgerColumn.Problem, ["存在问题", "问题", "问题清单", "问题描述", "反馈问题", "problem", "finding", "findings"]),
        (LedgerColumn.Measure, ["整改措施", "整改任务", "任务清单", "措施", "measure", "measures", "task"]),
        (LedgerColumn.Leader, ["责任领导", "分管领导", "responsibleleader", "supervisingleader", "leader"]),
        (LedgerColumn.LeadDepartment, ["责任部门", "责任单位", "牵头部门", "牵头单位", "责任科室", "responsibledepartment", "leaddepartment", "department"]),
        (LedgerColumn.CoDepartments, ["配合部门", "配合单位", "协办部门", "co-operatingdepartments", "cooperatingdepartments", "co-operatingdepartment"]),
        (LedgerColumn.Officers, ["责任人", "具体责任人", "responsibleofficer", "responsibleofficers", "responsibleofficer(s)", "officer", "officers"]),
        (LedgerColumn.TimeLimit, ["整改时限", "完成时限", "时限", "timelimit", "deadline"]),
        (LedgerColumn.DueDate, ["截止日期", "duedate"]),
        (LedgerColumn.Progress, ["整改进展", "完成情况", "整改情况", "进展情况", "progress"]),
        (LedgerColumn.Status, ["状态", "整改状态", "status"]),
        (LedgerColumn.Percent, ["完成进度", "完成比例", "进度", "percent", "percentage"]),
        (LedgerColumn.LastUpdate, ["最后更新", "lastupdate", "lastupdated"]),
        (LedgerColumn.DaysOverdue, ["逾期天数", "超期天数", "daysoverdue", "overduedays"]),
        (LedgerColumn.Evidence, ["佐证材料", "佐证材料清单", "evidence", "evidencefiles"]),
    ];

    private static readonly Dictionary<string, LedgerColumn> ByKey = Names
        .SelectMany(n => n.Names.Select(name => (Key: name, n.Column)))
        .ToDictionary(n => n.Key, n => n.Column, StringComparer.Ordinal);

    public static LedgerColumn? Match(string? header)
    {
        var key = TextFolding.Key(header);
        key = key.TrimEnd(':').Replace("(必填)", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
        return ByKey.TryGetValue(key, out var column) ? column : null;
    }

    /// <summary>The header the export writes for a column; <see cref="Match"/> reads it back.</summary>
    public static string Name(LedgerColumn column, LedgerLanguage language) => (column, language) switch
    {
        (LedgerColumn.Code, LedgerLanguage.Chinese) => "序号",
        (LedgerColumn.Aspect, LedgerLanguage.Chinese) => "方面",
        (LedgerColumn.Problem, LedgerLanguage.Chinese) => "存在问题",
        (LedgerColumn.Measure, LedgerLanguage.Chinese) => "整改措施",
        (LedgerColumn.Leader, LedgerLanguage.Chinese) => "责任领导",
        (LedgerColumn.LeadDepartment, LedgerLanguage.Chinese) => "责任部门",
        (LedgerColumn.CoDepartments, LedgerLanguage.Chinese) => "配合部门",
        (LedgerColumn.Officers, LedgerLanguage.Chinese) => "责任人",
        (LedgerColumn.TimeLimit, LedgerLanguage.Chinese) => "整改时限",
        (LedgerColumn.DueDate, LedgerLanguage.Chinese) => "截止日期",
        (LedgerColumn.Progress, LedgerLanguage.Chinese) => "整改进展",
        (LedgerColumn.Status, LedgerLanguage.Chinese) => "状态",
        (LedgerColumn.Percent, LedgerLanguage.Chinese) => "完成进度",
        (LedgerColumn.LastUpdate, LedgerLanguage.Chinese) => "最后更新",
        (LedgerColumn.DaysOverdue, LedgerLanguage.Chinese) => "逾期天数",
        (LedgerColumn.Evidence, LedgerLanguage.Chinese) => "佐证材料",
        (LedgerColumn.Evidence, _) => "Evidence",
        (LedgerColumn.Code, _) => "No.",
        (LedgerColumn.Aspect, _) => "Aspect",
        (LedgerColumn.Problem, _) => "Problem",
        (LedgerColumn.Measure, _) => "Measure",
        (LedgerColumn.Leader, _) => "Responsible leader",
        (LedgerColumn.LeadDepartment, _) => "Responsible department",
        (LedgerColumn.CoDepartments, _) => "Co-operating departments",
        (LedgerColumn.Officers, _) => "Responsible officer(s)",
        (LedgerColumn.TimeLimit, _) => "Time limit",
        (LedgerColumn.DueDate, _) => "Due date",
        (LedgerColumn.Progress, _) => "Progress",
        (LedgerColumn.Status, _) => "Status",
        (LedgerColumn.Percent, _) => "Percent",
        (LedgerColumn.LastUpdate, _) => "Last update",
        _ => "Days overdue",
    };
}
