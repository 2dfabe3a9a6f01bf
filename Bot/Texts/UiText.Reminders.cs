using Rectification.Bot.Reminders;

namespace Rectification.Bot.Texts;

/// <summary>Reminder digests, their buttons, and the <c>reminders</c> command line.</summary>
public abstract partial class UiText
{
    // Digest card
    public abstract string ReminderKindName(ReminderKind kind);
    public abstract string ReminderTitle(ReminderKind kind, int count);
    public abstract string ReminderIntro(ReminderKind kind, DateOnly slotDate, bool isCatchUp);
    public abstract string ReminderItemLine(ReminderKind kind, ReminderItem item);
    public abstract string ReminderMoreItems(int count);
    public abstract string ReminderUnreachableTitle { get; }
    public abstract string ReminderUnreachableLine(string name, IReadOnlyList<ReminderKind> missed);
    public abstract string ReminderFailedTitle { get; }
    public abstract string ReminderFailedLine(string name, ReminderKind? kind, DateOnly slotDate);
    public abstract string ReminderUnknownCount(long count);
    public abstract string ReminderSnoozeLabel { get; }
    public abstract string ReminderSnoozeDays(int days);
    public abstract string ReminderButtonSnooze { get; }
    public abstract string ReminderButtonAcknowledge { get; }

    // Replies to the digest's buttons
    public abstract string ReminderSnoozed(int days, DateOnly resume);
    public abstract string ReminderSnoozeInvalid(int maxDays);
    public abstract string ReminderAcknowledged { get; }
    public abstract string ReminderAlreadyAcknowledged { get; }
    public abstract string ReminderNotYours { get; }

    // reminders preview | run
    public abstract string RemindersUsage { get; }
    public abstract string RemindersBadInstant(string value);
    public abstract string RemindersPreviewTitle(DateTimeOffset at);
    public abstract string RemindersNothingDue { get; }
    public abstract string RemindersColumnPerson { get; }
    public abstract string RemindersColumnKind { get; }
    public abstract string RemindersColumnSlot { get; }
    public abstract string RemindersColumnItems { get; }
    public abstract string RemindersCatchUp { get; }
    public abstract string RemindersNeverOpened { get; }
    public abstract string RemindersUnreachableCell(IReadOnlyList<string> names);
    public abstract string RemindersRunSummary(ReminderRunResult result);
}
