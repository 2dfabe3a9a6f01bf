using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Reminders;

/// <summary>A 回头看 that is due: the item, when it became due, and the leader who is asked.</summary>
public sealed record DueRecheck(RecheckCandidate Item, DateOnly DueOn);

/// <summary>
/// 回头看, as a pure function of the ledger and the day: a written-off item is re-checked a period after its write-off
/// (Reminders:RecheckAfterDays, 90 by default; an inspection may set its own) and again that period after each check
/// that found it holding; a long-term (长期坚持) item every quarter from its start or its last check. Kept apart from the
/// reminder policy so that either can change without the other.
/// </summary>
public static class FollowUpPolicy
{
    public const int DefaultRecheckAfterDays = 90;

    public static DateOnly DueOn(RecheckCandidate item, int defaultDays = DefaultRecheckAfterDays) => item.Status switch
    {
        RectificationStatus.Ongoing => (item.LastCheckedOn ?? item.CreatedOn).AddMonths(3),
        _ => Latest(item.WrittenOffOn ?? item.CreatedOn, item.LastCheckedOn).AddDays(item.RecheckDays ?? defaultDays),
    };

    public static IReadOnlyList<DueRecheck> Due(IEnumerable<RecheckCandidate> items, DateOnly today, int defaultDays = DefaultRecheckAfterDays) =>
        items.Where(i => i.Status is RectificationStatus.WrittenOff or RectificationStatus.Ongoing)
            .Select(i => new DueRecheck(i, DueOn(i, defaultDays)))
            .Where(d => d.DueOn <= today)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Item.Code, StringComparer.Ordinal)
            .ToList();

    private static DateOnly Latest(DateOnly a, DateOnly? b) => b is { } other && other > a ? other : a;
}
