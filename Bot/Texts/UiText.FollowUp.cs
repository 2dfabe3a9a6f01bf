using Rectification.Bot.Reminders;

namespace Rectification.Bot.Texts;

/// <summary>回头看: the list in chat, the buttons of the re-check card, the relapse form and what the officer is told.</summary>
public abstract partial class UiText
{
    public abstract string FollowUpTitle(int count);

    public abstract string FollowUpNoneDue(DateOnly? next);

    public abstract string FollowUpOwnTitle(int count);

    public abstract string FollowUpOwnNone { get; }

    /// <summary>One item of a list: written off or long-term, since when, and when its 回头看 is (or was) due.</summary>
    public abstract string FollowUpItemLine(DueRecheck due, DateOnly today);

    public abstract string FollowUpMore(int count);

    public abstract string FollowUpButtonConsolidated { get; }

    public abstract string FollowUpButtonRelapsed { get; }

    public abstract string FollowUpRelapseTitle(string code);

    public abstract string FollowUpRelapseIntro { get; }

    public abstract string FollowUpReasonLabel { get; }

    public abstract string FollowUpReasonPlaceholder { get; }

    public abstract string FollowUpDeadlineLabel(int defaultDays);

    public abstract string FollowUpButtonReopen { get; }

    public abstract string FollowUpConsolidated(string code, DateOnly next);

    public abstract string FollowUpReopened(string code, DateOnly deadline, IReadOnlyList<string> told);

    public abstract string FollowUpReopenedNotice(string leader, string code, string measure, string reason, DateOnly deadline);

    public abstract string FollowUpOfficersUnreachable(IReadOnlyList<string> names);

    public abstract string FollowUpNotYours(string code);

    public abstract string FollowUpOutOfDate(string code);

    public abstract string FollowUpReasonMissing { get; }

    public abstract string FollowUpDeadlineInvalid(string text);

    public abstract string FollowUpDeadlineNotLater(DateOnly today);

    /// <summary>统计's 回头看 line: checks made, how many found the item holding, items reopened and how many of them are still open.</summary>
    public abstract string FollowUpSummary(int checks, int consolidated, int reopened, int stillOpen);

    /// <summary>`reminders preview`: the 回头看 due and not yet answered, with the leaders asked.</summary>
    public abstract string RemindersRechecksDue(IReadOnlyList<(string Code, DateOnly DueOn, IReadOnlyList<string> Asked)> due);
}
