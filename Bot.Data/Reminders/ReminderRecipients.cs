using Dapper;
using Rectification.Data.Db;
using Rectification.Data.People;

namespace Rectification.Data.Reminders;

/// <summary>What people told the reminders (snooze, acknowledge) and what Teams told us about them (gone: 403/404).</summary>
// references: this host's conversation references, told of a refusal so that the person's next message is written
// and makes them reachable again (null where no chat runs, e.g. a CLI verb).
public sealed class ReminderRecipients(ConnectionFactory connections, ConversationReferences? references = null)
{
    private const string UpsertSnooze = """
        INSERT INTO reminder_snoozes (person_id, until, updated_at) VALUES (@PersonId, @Until, @Now)
        ON CONFLICT (person_id) DO UPDATE SET until = excluded.until, updated_at = excluded.updated_at
        """;

    public async Task SnoozeAsync(long personId, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertSnooze, new { PersonId = personId, Until = until, Now = now }, cancellationToken: cancellationToken));
    }

    private const string InsertAcknowledgement = """
        INSERT INTO reminder_acknowledgements (slot_key, person_id, slot_date, acknowledged_at) VALUES (@SlotKey, @PersonId, @SlotDate, @Now)
        ON CONFLICT (slot_key) DO NOTHING
        """;

    /// <summary>Records the acknowledgement; false when the slot was acknowledged before.</summary>
    public async Task<bool> AcknowledgeAsync(long personId, string slotKey, DateOnly slotDate, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(InsertAcknowledgement, new { SlotKey = slotKey, PersonId = personId, SlotDate = slotDate, Now = now },
            cancellationToken: cancellationToken)) == 1;
    }

    private const string UpsertUnreachable = """
        INSERT INTO reminder_unreachable (person_id, status_code, at) VALUES (@PersonId, @StatusCode, @Now)
        ON CONFLICT (person_id) DO UPDATE SET status_code = excluded.status_code, at = excluded.at
        """;

    /// <summary>Teams refused the person's conversation: until they write to the bot again, they count as unreachable.</summary>
    public async Task MarkUnreachableAsync(long personId, int statusCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertUnreachable, new { PersonId = personId, StatusCode = statusCode, Now = now },
            cancellationToken: cancellationToken));
        references?.ForgetRefused(personId);
    }
}
