using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string FollowUpTitle(int count) => F("🔍 Follow-up: {0} written-off or long-term item(s) to re-check", count);

    public override string FollowUpNoneDue(DateOnly? next) => next is { } day
        ? F("No follow-up re-check is due. The next one is due on {0}.", Date(day))
        : "No follow-up re-check is due.";

    public override string FollowUpOwnTitle(int count) => F("Follow-up state of your {0} written-off or long-term item(s)", count);

    public override string FollowUpOwnNone => "None of your items is written off or long-term, so there is nothing to re-check.";

    public override string FollowUpItemLine(DueRecheck due, DateOnly today)
    {
        var kind = due.Item.Status == RectificationStatus.Ongoing ? "long-term" : F("written off {0}", Date(due.Item.WrittenOffOn ?? due.Item.CreatedOn));
        var last = due.Item.LastCheckedOn is { } checkedOn ? F("; holding at the re-check of {0}", Date(checkedOn)) : "";
        var when = due.DueOn <= today ? F("; re-check due since {0}", Date(due.DueOn)) : F("; re-check on {0}", Date(due.DueOn));
        return kind + last + when;
    }

    public override string FollowUpMore(int count) => F("{0} more not listed; send \"follow-up\" again once these are done.", count);

    public override string FollowUpButtonConsolidated => "Holding";

    public override string FollowUpButtonRelapsed => "Relapsed";

    public override string FollowUpRelapseTitle(string code) => F("{0} relapsed: rectify again", code);

    public override string FollowUpRelapseIntro => "Describe the relapse and set the new deadline. The item goes back to in progress and its officers are told.";

    public override string FollowUpReasonLabel => "What came back (required)";

    public override string FollowUpReasonPlaceholder => "e.g. the spot check found the problem again";

    public override string FollowUpDeadlineLabel(int defaultDays) => F("New deadline (default: in {0} days)", defaultDays);

    public override string FollowUpButtonReopen => "Reopen";

    public override string FollowUpConsolidated(string code, DateOnly next) => F("Recorded: {0} is holding. The next re-check is on {1}.", code, Date(next));

    public override string FollowUpReopened(string code, DateOnly deadline, IReadOnlyList<string> told) => told.Count > 0
        ? F("{0} is reopened with the deadline {1}; {2} told.", code, Date(deadline), string.Join(", ", told))
        : F("{0} is reopened with the deadline {1}.", code, Date(deadline));

    public override string FollowUpReopenedNotice(string leader, string code, string measure, string reason, DateOnly deadline) =>
        F("{0}'s follow-up found that {1} ({2}) relapsed: {3}. The item is reopened; please rectify it by {4} and report progress.", leader, code, measure, reason, Date(deadline));

    public override string FollowUpOfficersUnreachable(IReadOnlyList<string> names) =>
        F("Note: {0} never opened the bot and cannot be told of the reopening; please tell them in person or by phone.", string.Join(", ", names));

    public override string FollowUpNotYours(string code) => F("{0} is not in your scope: only the leader supervising its department or an admin can re-check it.", code);

    public override string FollowUpOutOfDate(string code) => F("This re-check of {0} was already answered or has changed; send \"follow-up\" for the current list.", code);

    public override string FollowUpReasonMissing => "A relapse needs a description of what came back; please fill it in.";

    public override string FollowUpDeadlineInvalid(string text) => F("\"{0}\" is not a date; please write it like 2027-03-31.", text);

    public override string FollowUpDeadlineNotLater(DateOnly today) => F("The new deadline must be after today ({0}).", Date(today));

    public override string FollowUpSummary(int checks, int consolidated, int reopened, int stillOpen) => reopened == 0
        ? F("Follow-up: {0} re-check(s), all holding.", checks)
        : F("Follow-up: {0} re-check(s), {1} holding; {2} item(s) relapsed and reopened, {3} still open.", checks, consolidated, reopened, stillOpen);

    public override string RemindersRechecksDue(IReadOnlyList<(string Code, DateOnly DueOn, IReadOnlyList<string> Asked)> due) =>
        F("Follow-up re-checks due: {0}: ", due.Count) + string.Join("; ", due.Select(d => F("{0} (since {1:yyyy-MM-dd}, {2})", d.Code, d.DueOn, d.Asked.Count > 0 ? string.Join(", ", d.Asked) : "nobody to ask")));
}
