using Rectification.Data.People;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string RosterSheetName => "人员名单";

    public override string RosterHeader(RosterColumn column) => column switch
    {
        RosterColumn.Name => "姓名",
        RosterColumn.Department => "部门",
        RosterColumn.Email => "邮箱",
        RosterColumn.ObjectId => "Entra对象ID",
        RosterColumn.Role => "角色",
        _ => "分管部门",
    };

    public override string RosterFileName(string day) => F("人员名单-{0}.xlsx", day);

    protected override bool RosterChineseRoles => true;
}
