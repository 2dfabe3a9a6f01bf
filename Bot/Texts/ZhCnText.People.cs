using Rectification.Data.Import;
using Rectification.Data.People;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string PeopleUsage => """
        用法：people import <人员名单.xlsx|.csv> [--dry-run]   导入人员名单（列：姓名、部门、邮箱、Entra对象ID、角色、分管部门）
              people list                                       列出人员及其角色
              people export <人员名单.xlsx>                      导出人员名单（可改后再导入）
              people set <姓名> [--admin|--officer] [--leader "<分管部门、…>"] [--email <邮箱>] [--object-id <对象ID>|none] [--department <部门>]
        角色：责任人、领导、整改办（可并列，如“领导、整改办”）。--object-id none 解除该人员已绑定的 Teams 账号。
        """;

    public override string? RosterErrorMessage(string code, string? value) => code switch
    {
        RosterErrorCodes.FileUnreadable => "无法读取该文件，请确认是 .xlsx 或 .csv 格式的人员名单。",
        RosterErrorCodes.FileXls => "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入。",
        RosterErrorCodes.HeaderNotFound => "找不到表头：人员名单须有“姓名”列，以及部门、邮箱、Entra对象ID、角色、分管部门中的至少一列。",
        RosterErrorCodes.NameMissing => "缺少姓名。",
        RosterErrorCodes.DuplicateName => F("姓名“{0}”重复，名单中每人只能出现一次。", value),
        RosterErrorCodes.BadRole => F("无法识别角色“{0}”，应为责任人、领导或整改办。", value),
        RosterErrorCodes.BadEmail => F("邮箱“{0}”格式不正确。", value),
        RosterErrorCodes.BadObjectId => F("Entra对象ID“{0}”格式不正确，应为GUID（如 00000000-0000-0000-0000-000000000000）。", value),
        RosterErrorCodes.EmailConflict => F("邮箱“{0}”已属于他人，同一邮箱不能对应两人。", value),
        RosterErrorCodes.ObjectIdConflict => F("Entra对象ID“{0}”已属于他人，同一账号不能对应两人。", value),
        RosterErrorCodes.UnknownDepartment => F("分管部门“{0}”不在台账和名单的部门中，请核对名称。", value),
        RosterErrorCodes.LeaderWithoutDepartments => F("“{0}”为领导，但未填写分管部门。", value),
        RosterErrorCodes.DepartmentsWithoutLeader => F("“{0}”填写了分管部门，但角色不是领导。", value),
        RosterErrorCodes.AmbiguousPerson => F("台账中有多人名为“{0}”，无法确定指的是谁，请先在台账中区分。", value),
        RosterErrorCodes.UnknownPerson => F("台账中没有名为“{0}”的人员。", value),
        RosterErrorCodes.PlanStale => "人员信息在预览后已有变化，未写入任何数据，请重新导入查看新的预览。",
        RosterErrorCodes.NoAdminLeft => "此次变更后台账将没有整改办（管理员），未写入任何数据。请至少保留一名整改办人员，名单中“角色”列填写“整改办”。",
        _ => null,
    };

    public override string RosterFailed(int count) => F("人员名单导入失败，共{0}处错误，未写入任何数据。", count);

    public override string RosterFieldName(string field) => field switch
    {
        RosterFields.Department => "部门",
        RosterFields.Email => "邮箱",
        RosterFields.ObjectId => "Entra对象ID",
        RosterFields.Admin => "整改办",
        RosterFields.Supervises => "分管部门",
        _ => field,
    };

    public override string RosterPlanSummary(int created, int updated, int unchanged) => F("新增{0}人，更新{1}人，无变化{2}人。", created, updated, unchanged);

    public override string RosterPlanNew(RosterEntry entry) => F("新增：{0}", RosterListLine(entry));

    public override string RosterPlanChange(string name, FieldChange change) => F("更新：{0} 的{1}由“{2}”改为“{3}”", name, RosterFieldName(change.Field),
        RosterValue(change.Field, change.Before), RosterValue(change.Field, change.After));

    private static string RosterValue(string field, string? value) => field == RosterFields.Admin ? (value == "true" ? "是" : "否") : string.IsNullOrEmpty(value) ? "（空）" : value;

    public override string RosterApplied(int created, int updated, int unchanged) => F("人员名单已导入：新增{0}人，更新{1}人，无变化{2}人。", created, updated, unchanged);

    public override string RosterDryRunDone => "以上为预览（--dry-run），未写入任何数据。";

    public override string RosterListLine(RosterEntry entry) => F("{0}｜{1}｜{2}｜{3}｜{4}{5}", entry.Name, entry.Department ?? "（无部门）", entry.Email ?? "（无邮箱）",
        entry.ObjectId ?? "（未关联账号）", RosterSheet.RoleWord(entry.IsAdmin ?? false, entry.IsLeader, chinese: true),
        entry.IsLeader ? F("｜分管：{0}", string.Join("、", entry.Supervises ?? [])) : "");

    public override string RosterEmpty => "尚无人员。";

    public override string RosterExported(int people, string path) => F("已导出{0}人至 {1}", people, path);
}
