using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Reminders;

/// <summary>The policy's snapshot, read from the ledger database and mapped into the policy's records.</summary>
public sealed class ReminderSnapshotSource(ReminderSnapshotQueries queries, Rechecks rechecks, LedgerCalendar ledger)
{
    // The policy looks back one working day; a month covers the longest holiday.
    private const int AcknowledgementDays = 31;

    public async Task<ReminderSnapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await queries.ReadAsync(ledger.Today(now).AddDays(-AcknowledgementDays), cancellationToken);
        return Map(rows) with { Rechecks = await rechecks.CandidatesAsync(cancellationToken) };
    }

    /// <summary>The time zones people have, for <see cref="ReminderPolicy.AnySlotOpen"/>.</summary>
    public Task<IReadOnlyList<string?>> ZonesAsync(CancellationToken cancellationToken) => queries.ZonesAsync(cancellationToken);

    public static ReminderSnapshot Map(ReminderSnapshotRows rows) => new(
        [.. rows.Tasks.Select(t => new ReminderTask(t.Id, t.Code, t.Measure, t.Status, t.DueDate, t.IsOngoing, t.OfficerIds, t.LeadDepartmentId, t.LastProgressAt))],
        [.. rows.People.Select(p => new ReminderPerson(p.Id, p.Name, p.TimeZone, p.IsAdmin, p.SupervisedDepartmentIds, p.HasConversationReference, p.SnoozedUntil)
        {
            AcknowledgedSlotKeys = p.AcknowledgedSlotKeys.ToHashSet(StringComparer.Ordinal),
        })]);
}
