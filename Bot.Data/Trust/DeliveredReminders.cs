using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Trust;

/// <summary>
/// Whether a digest actually went to a person: its buttons (acknowledge, snooze) act only on a digest that did. A
/// slot key is easy to guess ("12/overdue/2026-12-01"), and acknowledging a future slot would cancel it unseen.
/// </summary>
public sealed class DeliveredReminders(ConnectionFactory connections)
{
    // 'unknown': the request left and may well have arrived; the person pressing its button says it did.
    private const string SelectDelivered = """
        SELECT count(*) FROM reminder_outbox
        WHERE slot_key = @SlotKey AND person_id = @PersonId AND state IN ('sent', 'unknown')
        """;

    public async Task<bool> WasDeliveredAsync(long personId, string slotKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectDelivered, new { SlotKey = slotKey, PersonId = personId }, cancellationToken: cancellationToken)) > 0;
    }
}
