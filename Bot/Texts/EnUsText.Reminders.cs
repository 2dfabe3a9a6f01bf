using Rectification.Bot.Reminders;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string ReminderKindName(ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "due soon",
        ReminderKind.DueToday => "due today",
        ReminderKind.Overdue => "overdue",
        ReminderKind.LeaderYellow => "yellow warning",
        ReminderKind.AdminRed => "red warning",
        ReminderKind.OngoingCheckIn => "long-term check-in",
        ReminderKind.Stale => "no recent progress",
        ReminderKind.Recheck => "follow-up re-check",
        _ => kind.ToString(),
    };

    public override string ReminderTitle(ReminderKind kind, int count) => kind switch
    {
        ReminderKind.DueSoon => F("🟡 {0} item(s) due soon", count),
        ReminderKind.DueToday => F("🟠 {0} item(s) due today", count),
        ReminderKind.Overdue => F("🔴 {0} item(s) overdue", count),
        ReminderKind.LeaderYellow => F("🟡 Yellow warning: {0} overdue item(s) in your departments", count),
        ReminderKind.AdminRed => F("🔴 Red warning: {0} item(s) long overdue", count),
        ReminderKind.OngoingCheckIn => F("🔁 {0} long-term item(s): please report this month's progress", count),
        ReminderKind.Stale => F("⏳ {0} item(s) without recent progress", count),
        ReminderKind.Recheck => F("🔍 Follow-up: {0} item(s) to re-check", count),
        _ => F("{0} reminder(s)", count),
    };

    public override string ReminderIntro(ReminderKind kind, DateOnly slotDate, bool isCatchUp)
    {
        var intro = kind switch
        {
            ReminderKind.DueSoon => "These items are due soon. Please push them forward and report progress, or request an extension if they cannot be done in time.",
            ReminderKind.DueToday => "These items are due today. Please finish them and report progress.",
            ReminderKind.Overdue => "These items are past their deadline. Please finish them and report progress, or request an extension.",
            ReminderKind.LeaderYellow => "These items of the departments you supervise are overdue past the warning line. Please follow them up.",
            ReminderKind.AdminRed => "These items are overdue past the red line. Please follow them up with the responsible leaders.",
            ReminderKind.OngoingCheckIn => "Please report this month's progress on these long-term items.",
            ReminderKind.Stale => "No progress has been reported on these items for a while. Please update them.",
            ReminderKind.Recheck => "These written-off or long-term items are due for their follow-up re-check. Please check the results still hold; a relapse reopens the item.",
            _ => "",
        };
        return isCatchUp ? F("(Sent late: the reminder of {0}) {1}", Date(slotDate), intro) : intro;
    }

    public override string ReminderItemLine(ReminderKind kind, ReminderItem item) => kind switch
    {
        ReminderKind.DueToday => F("due {0} (today)", DueOf(item)),
        ReminderKind.DueSoon => F("due {0}, {1} day(s) left", DueOf(item), item.DaysUntilDue ?? 0),
        ReminderKind.Overdue or ReminderKind.LeaderYellow or ReminderKind.AdminRed =>
            F("due {0}, overdue {1} day(s) ({2} working day(s))", DueOf(item), -(item.DaysUntilDue ?? 0), item.WorkingDaysOverdue),
        ReminderKind.OngoingCheckIn => item.DaysSinceProgress is { } days ? F("long-term; last progress {0} day(s) ago", days) : "long-term",
        ReminderKind.Stale => F("due {0}; no progress for {1} day(s)", DueOf(item), item.DaysSinceProgress ?? 0),
        ReminderKind.Recheck => F("re-check due since {0}", DueOf(item)),
        _ => DueOf(item),
    };

    private string DueOf(ReminderItem item) => item.DueDate is { } due ? Date(due) : LongTerm;

    public override string ReminderMoreItems(int count) => F("{0} more not shown; send \"overdue\" or \"my tasks\" to see them all.", count);

    public override string ReminderUnreachableTitle => "These people never opened the bot (or removed it) and cannot receive reminders; please tell them in person or by phone:";

    public override string ReminderUnreachableLine(string name, IReadOnlyList<ReminderKind> missed) =>
        F("{0}: {1}", name, string.Join(", ", missed.Select(ReminderKindName)));

    public override string ReminderFailedTitle => "These reminders could not be delivered:";

    public override string ReminderFailedLine(string name, ReminderKind? kind, DateOnly slotDate) =>
        F("{0}: {1} ({2})", name, kind is { } k ? ReminderKindName(k) : "reminder", Date(slotDate));

    public override string ReminderUnknownCount(long count) =>
        F("{0} more reminder(s) have an unknown outcome (the request left but no answer came back); they were not sent again.", count);

    public override string ReminderSnoozeLabel => "Snooze reminders";

    public override string ReminderSnoozeDays(int days) => F("{0} day(s)", days);

    public override string ReminderButtonSnooze => "Snooze";

    public override string ReminderButtonAcknowledge => "Got it";

    public override string ReminderSnoozed(int days, DateOnly resume) => F("OK, no reminders for the next {0} day(s); they resume on {1}.", days, Date(resume));

    public override string ReminderSnoozeInvalid(int maxDays) => F("Snooze for 1 to {0} days.", maxDays);

    public override string ReminderAcknowledged => "Noted: you have seen this reminder.";

    public override string ReminderAlreadyAcknowledged => "You already acknowledged this reminder.";

    public override string ReminderNotYours => "This reminder was sent to someone else; you cannot act on it.";

    public override string RemindersUsage => """
        Usage:
          dotnet run --project Bot -- reminders preview --at <instant>   list the reminders due at that instant (nothing is sent)
          dotnet run --project Bot -- reminders run --at <instant>       plan them and send them through the configured channel
        <instant> is ISO 8601, e.g. 2026-11-30T09:05+08:00.
        """;

    public override string RemindersBadInstant(string value) => F("\"{0}\" is not an instant; use ISO 8601, e.g. 2026-11-30T09:05+08:00.", value);

    public override string RemindersPreviewTitle(DateTimeOffset at) => F("Reminders due at {0:yyyy-MM-dd HH:mm zzz}:", at);

    public override string RemindersNothingDue => "No reminders are due at that instant (not a working day, before the send time, in the quiet hours, or nothing to remind).";

    public override string RemindersColumnPerson => "Person";

    public override string RemindersColumnKind => "Kind";

    public override string RemindersColumnSlot => "Day";

    public override string RemindersColumnItems => "Items";

    public override string RemindersNeverOpened => " (never opened the bot)";

    public override string RemindersCatchUp => " (late)";

    public override string RemindersUnreachableCell(IReadOnlyList<string> names) => F("unreachable: {0}", string.Join(", ", names));

    public override string RemindersRunSummary(ReminderRunResult result) =>
        F("{0} due, {1} newly planned; {2} sent, {3} failed, {4} unknown, {5} cancelled, {6} to retry.",
            result.Planned, result.NewlyPlanned, result.Sent, result.Failed, result.Unknown + result.Interrupted, result.Cancelled, result.Rescheduled);
}
