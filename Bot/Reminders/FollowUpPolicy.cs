using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Reminders;

/// <summary>A 回头看 that is due: the item, the day it fell due, and the working day the leader is first asked.</summary>
public sealed record DueRecheck(RecheckCandidate Item, DateOnly DueOn, DateOnly AskOn);

/// <summary>
/// 回头看, as a pure function of the ledger and the day: a written-off item is re-checked a period after its write-off
/// (FollowUp:RecheckAfterDays, 90 by default; an inspection may set its own) and again that period after each check
/// that found it holding; a long-term (长期坚持) item every quarter from its start or its last check. A due day that is
/// not a working day is asked on the next working day. Kept apart from the reminder policy so that either can change
/// without the other.
/// </summary>
public sealed class FollowUpPolicy(FollowUpOptions options, WorkingDayCalendar calendar)
{
    public const int DefaultRecheckAfterDays = 90;

    public FollowUpOptions Options => options;

    public DateOnly DueOn(RecheckCandidate item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status switch
        {
            RectificationStatus.Ongoing => (item.LastCheckedOn ?? item.CreatedOn).AddMonths(options.OngoingEveryMonths),
            _ => Latest(item.WrittenOffOn ?? item.CreatedOn, item.LastCheckedOn).AddDays(item.RecheckDays ?? options.RecheckAfterDays),
        };
    }

    /// <summary>Every item due for its 回头看 on <paramref name="today"/>, oldest first.</summary>
    public IReadOnlyList<DueRecheck> Due(IEnumerable<RecheckCandidate> items, DateOnly today) =>
        !options.Enabled ? [] : items.Where(i => i.Status is RectificationStatus.WrittenOff or RectificationStatus.Ongoing)
            .Select(i => Ask(i, DueOn(i)))
            .Where(d => d.DueOn <= today)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Item.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Whether the leader is asked on <paramref name="date"/>: the first working day the item is due, then every
    /// RepeatEveryDays while nobody has answered (a repeat landing on a day off waits for the next one).
    /// </summary>
    public bool AskOn(DueRecheck due, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(due);
        if (date < due.AskOn || !calendar.IsWorkingDay(date))
        {
            return false;
        }
        if (date == due.AskOn)
        {
            return true;
        }
        // The repeat day, moved forward to a working day: asked on the first working day on or after each repeat.
        var since = date.DayNumber - due.AskOn.DayNumber;
        var repeat = due.AskOn.AddDays(since / options.RepeatEveryDays * options.RepeatEveryDays);
        return repeat > due.AskOn && calendar.WorkingDayOnOrAfter(repeat) == date;
    }

    /// <summary>
    /// The supervising leaders of the item's lead department; the admins when nobody who can be reached supervises it
    /// (<paramref name="departmentHasLeader"/> false: see <see cref="ReachablySupervised"/>).
    /// </summary>
    public static bool IsAskedOf(RecheckCandidate item, ReminderPerson person, bool departmentHasLeader)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(person);
        return (item.LeadDepartmentId is { } department && person.SupervisedDepartmentIds.Contains(department))
            || (!departmentHasLeader && person.IsAdmin);
    }

    /// <summary>
    /// The departments with a supervising leader the bot can reach. A department whose only leaders never opened the bot
    /// (or are marked unreachable) has its 回头看 asked of the admins, besides naming those leaders to them: otherwise
    /// nobody could answer it.
    /// </summary>
    public static HashSet<long> ReachablySupervised(IEnumerable<ReminderPerson> people) =>
        [.. people.Where(p => p.HasConversationReference).SelectMany(p => p.SupervisedDepartmentIds)];

    /// <summary>The item's next 回头看, due or not.</summary>
    public DueRecheck Schedule(RecheckCandidate item) => Ask(item, DueOn(item));

    private DueRecheck Ask(RecheckCandidate item, DateOnly due) => new(item, due, calendar.WorkingDayOnOrAfter(due));

    private static DateOnly Latest(DateOnly a, DateOnly? b) => b is { } other && other > a ? other : a;
}
