using Rectification.Data.Ledger;

namespace Rectification.Bot.Reminders;

public enum ReminderKind
{
    DueSoon,
    DueToday,
    Overdue,
    LeaderYellow,
    AdminRed,
    OngoingCheckIn,
    Stale,

    /// <summary>回头看: the supervising leader is asked whether a written-off or long-term item still holds.</summary>
    Recheck,
}

public static class ReminderKindCodes
{
    /// <summary>Stable codes for slot keys and storage; renaming an enum member must not change them.</summary>
    public static string ToCode(this ReminderKind kind) => kind switch
    {
        ReminderKind.DueSoon => "due_soon",
        ReminderKind.DueToday => "due_today",
        ReminderKind.Overdue => "overdue",
        ReminderKind.LeaderYellow => "leader_yellow",
        ReminderKind.AdminRed => "admin_red",
        ReminderKind.OngoingCheckIn => "ongoing_check_in",
        ReminderKind.Stale => "stale",
        ReminderKind.Recheck => "recheck",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>
/// One ledger item as the policy needs it. <paramref name="IsOngoing"/> is the 长期坚持 time limit (the status may
/// also say Ongoing). <paramref name="LastProgressAt"/> is the last progress report, or when the item entered the
/// ledger if it has none: the stale rule counts from it and skips items where it is null.
/// </summary>
public sealed record ReminderTask(
    long Id,
    string Code,
    string Measure,
    RectificationStatus Status,
    DateOnly? DueDate,
    bool IsOngoing,
    IReadOnlyList<long> OfficerIds,
    long? LeadDepartmentId,
    DateTimeOffset? LastProgressAt);

/// <summary>
/// A person who may receive digests. <paramref name="TimeZone"/> is an IANA id overriding the default zone.
/// <paramref name="SnoozedUntil"/> silences every digest for the person until that instant.
/// </summary>
public sealed record ReminderPerson(
    long Id,
    string Name,
    string? TimeZone,
    bool IsAdmin,
    IReadOnlyList<long> SupervisedDepartmentIds,
    bool HasConversationReference,
    DateTimeOffset? SnoozedUntil = null)
{
    /// <summary>Slot keys the person acknowledged: that kind is done with for that day.</summary>
    public IReadOnlyCollection<string> AcknowledgedSlotKeys { get; init; } = [];
}

public sealed record ReminderSnapshot(IReadOnlyList<ReminderTask> Tasks, IReadOnlyList<ReminderPerson> People)
{
    /// <summary>Written-off and long-term items that may be due for their 回头看 (see <see cref="FollowUpPolicy"/>).</summary>
    public IReadOnlyList<Rectification.Data.FollowUp.RecheckCandidate> Rechecks { get; init; } = [];
}

/// <summary>
/// One line of a digest, counted at the slot's start. <paramref name="DaysUntilDue"/> is in calendar days
/// (negative when overdue, null without a due date); <paramref name="WorkingDaysOverdue"/> counts working days
/// after the due date up to and including the slot's day.
/// </summary>
public sealed record ReminderItem(
    long TaskId,
    string Code,
    string Measure,
    DateOnly? DueDate,
    int? DaysUntilDue,
    int WorkingDaysOverdue,
    int? DaysSinceProgress);

/// <summary>Someone with something to receive who never opened the bot, so no message can reach them.</summary>
public sealed record UnreachablePerson(long PersonId, string Name, IReadOnlyList<ReminderKind> Missed);

/// <summary>
/// One digest for one person. <paramref name="SlotKey"/> is unique per person, kind and local day: the outbox's
/// uniqueness key. <paramref name="SlotStart"/> is when the slot opened (send time on <paramref name="SlotDate"/> in
/// the person's zone); <paramref name="IsCatchUp"/> marks a slot of an earlier day sent late.
/// <paramref name="Unreachable"/> is filled on admin digests only.
/// </summary>
public sealed record PlannedReminder(
    long PersonId,
    ReminderKind Kind,
    string SlotKey,
    DateOnly SlotDate,
    DateTimeOffset SlotStart,
    bool IsCatchUp,
    IReadOnlyList<ReminderItem> Items,
    IReadOnlyList<UnreachablePerson> Unreachable)
{
    public static string KeyFor(long personId, ReminderKind kind, DateOnly slotDate) =>
        FormattableString.Invariant($"{personId}/{kind.ToCode()}/{slotDate:yyyy-MM-dd}");
}
