using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string InspectionSetupUsage =>
        "用法：inspection group [list] [--inspection \"<巡察名称>\"]\n" +
        "      inspection group add --role 组长|副组长|成员 --name \"<姓名>\" [--title \"<职务>\"]\n" +
        "      inspection group remove --name \"<姓名>\" [--role 组长|副组长|成员]\n" +
        "      inspection meeting [list]\n" +
        "      inspection meeting add --date 2024-01-10 --kind \"<会议类型>\" --topic \"<议题>\"\n" +
        "      inspection meeting remove --id <编号>\n" +
        "      inspection recheck [--days <天数>|default]";

    public override string InspectionGroupEmpty => "整改领导小组尚未填写。";

    public override string InspectionGroupLine(LeadingGroupMember member) => member.Title is { } title
        ? F("{0}：{1}（{2}）", RoleName(member.Role), member.Name, title)
        : F("{0}：{1}", RoleName(member.Role), member.Name);

    public override string InspectionGroupAdded(LeadingGroupMember member) => F("已加入整改领导小组：{0}", InspectionGroupLine(member));

    public override string InspectionGroupRemoved(LeadingGroupMember member) => F("已移出整改领导小组：{0}", InspectionGroupLine(member));

    public override string InspectionNoSuchMember(string name) => F("整改领导小组中没有“{0}”，未作修改。", name);

    public override string InspectionMemberAmbiguous(string name) => F("整改领导小组中有多个“{0}”，请用 --role 指明，未作修改。", name);

    public override string InspectionMeetingsEmpty => "尚未登记会议。";

    public override string InspectionMeetingLine(InspectionMeeting meeting) => F("[{0}] {1}　{2}：{3}", meeting.Id, Date(meeting.HeldOn), meeting.Kind, meeting.Topic);

    public override string InspectionMeetingAdded(InspectionMeeting meeting) => F("已登记会议：{0}", InspectionMeetingLine(meeting));

    public override string InspectionMeetingRemoved(long id) => F("已删除会议 [{0}]。", id);

    public override string InspectionNoSuchMeeting(long id) => F("没有编号为 {0} 的会议，未作修改。", id);

    public override string InspectionBadRole(string? value) => F("“{0}”不是有效的职务，请填写 组长、副组长 或 成员（leader、deputy、member），未作修改。", value ?? "");

    public override string InspectionBadDate(string? value) => F("“{0}”不是有效的日期，请按 2024-01-10 的格式填写，未作修改。", value ?? "");

    public override string InspectionMissing(string option) => F("缺少 {0}，未作修改。", option);

    public override string InspectionBadRecheckDays(string value) => F("“{0}”不是有效的天数，请填写 7 至 730 之间的整数，或 default 恢复默认，未作修改。", value);

    public override string InspectionRecheckDays(int? days, int defaultDays) => days is { } own
        ? F("本次巡察的事项销号 {0} 天后开展回头看。", own)
        : F("本次巡察按默认设置，事项销号 {0} 天后开展回头看。", defaultDays);

    private static string RoleName(LeadingRole role) => role switch
    {
        LeadingRole.Leader => "组长",
        LeadingRole.Deputy => "副组长",
        _ => "成员",
    };
}
