using Rectification.Data.Report;

namespace Rectification.Bot.Texts;

/// <summary>The inspection verb's setup: the leading group, the meetings and the 回头看 period.</summary>
public abstract partial class UiText
{
    public abstract string InspectionSetupUsage { get; }

    public abstract string InspectionGroupEmpty { get; }

    public abstract string InspectionGroupLine(LeadingGroupMember member);

    public abstract string InspectionGroupAdded(LeadingGroupMember member);

    public abstract string InspectionGroupRemoved(LeadingGroupMember member);

    public abstract string InspectionNoSuchMember(string name);

    public abstract string InspectionMemberAmbiguous(string name);

    public abstract string InspectionMeetingsEmpty { get; }

    public abstract string InspectionMeetingLine(InspectionMeeting meeting);

    public abstract string InspectionMeetingAdded(InspectionMeeting meeting);

    public abstract string InspectionMeetingRemoved(long id);

    public abstract string InspectionNoSuchMeeting(long id);

    public abstract string InspectionBadRole(string? value);

    public abstract string InspectionBadDate(string? value);

    public abstract string InspectionMissing(string option);

    public abstract string InspectionBadRecheckDays(string value);

    public abstract string InspectionRecheckDays(int? days, int defaultDays);
}
