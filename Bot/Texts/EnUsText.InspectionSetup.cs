using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string InspectionSetupUsage =>
        "Usage: inspection group [list] [--inspection \"<title>\"]\n" +
        "       inspection group add --role leader|deputy|member --name \"<name>\" [--title \"<post>\"]\n" +
        "       inspection group remove --name \"<name>\" [--role leader|deputy|member]\n" +
        "       inspection meeting [list]\n" +
        "       inspection meeting add --date 2024-01-10 --kind \"<kind of meeting>\" --topic \"<topic>\"\n" +
        "       inspection meeting remove --id <number>\n" +
        "       inspection recheck [--days <days>|default]";

    public override string InspectionGroupEmpty => "The leading group is not filled in yet.";

    public override string InspectionGroupLine(LeadingGroupMember member) => member.Title is { } title
        ? F("{0}: {1} ({2})", RoleName(member.Role), member.Name, title)
        : F("{0}: {1}", RoleName(member.Role), member.Name);

    public override string InspectionGroupAdded(LeadingGroupMember member) => F("Added to the leading group: {0}", InspectionGroupLine(member));

    public override string InspectionGroupRemoved(LeadingGroupMember member) => F("Removed from the leading group: {0}", InspectionGroupLine(member));

    public override string InspectionNoSuchMember(string name) => F("\"{0}\" is not in the leading group; nothing changed.", name);

    public override string InspectionMemberAmbiguous(string name) => F("The leading group has several \"{0}\"; say which with --role. Nothing changed.", name);

    public override string InspectionMeetingsEmpty => "No meeting recorded yet.";

    public override string InspectionMeetingLine(InspectionMeeting meeting) => F("[{0}] {1}  {2}: {3}", meeting.Id, Date(meeting.HeldOn), meeting.Kind, meeting.Topic);

    public override string InspectionMeetingAdded(InspectionMeeting meeting) => F("Meeting recorded: {0}", InspectionMeetingLine(meeting));

    public override string InspectionMeetingRemoved(long id) => F("Meeting [{0}] removed.", id);

    public override string InspectionNoSuchMeeting(long id) => F("There is no meeting {0}; nothing changed.", id);

    public override string InspectionBadRole(string? value) => F("\"{0}\" is not a role: use leader, deputy or member (组长, 副组长, 成员). Nothing changed.", value ?? "");

    public override string InspectionBadDate(string? value) => F("\"{0}\" is not a date: write it like 2024-01-10. Nothing changed.", value ?? "");

    public override string InspectionMissing(string option) => F("{0} is missing; nothing changed.", option);

    public override string InspectionBadRecheckDays(string value) => F("\"{0}\" is not a number of days between 7 and 730 (or default); nothing changed.", value);

    public override string InspectionRecheckDays(int? days, int defaultDays) => days is { } own
        ? F("Items of this inspection are re-checked {0} days after their write-off.", own)
        : F("Items of this inspection are re-checked after the default {0} days.", defaultDays);

    private static string RoleName(LeadingRole role) => role switch
    {
        LeadingRole.Leader => "Leader",
        LeadingRole.Deputy => "Deputy",
        _ => "Member",
    };
}
