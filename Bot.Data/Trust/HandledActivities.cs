using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Trust;

/// <summary>
/// At most one turn per incoming activity: Teams redelivers a message when the answer is slow or lost, and a
/// redelivered write-off request must not record its progress again. A turn claims its activity first; a claim
/// is final once completed, and a claim left behind by a process that died mid-turn may be taken again after
/// <see cref="StaleAfter"/>.
/// </summary>
public sealed class HandledActivities(ConnectionFactory connections, TimeProvider time)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    // The WHERE of DO UPDATE retakes only a stale, unfinished claim; RETURNING yields a row only when we hold it.
    private const string Claim = """
        INSERT INTO handled_activities (conversation_id, activity_id, claimed_at, completed)
        VALUES (@ConversationId, @ActivityId, @Now, 0)
        ON CONFLICT (conversation_id, activity_id) DO UPDATE SET claimed_at = excluded.claimed_at
        WHERE handled_activities.completed = 0 AND handled_activities.claimed_at < @StaleBefore
        RETURNING activity_id
        """;

    private const string Complete = "UPDATE handled_activities SET completed = 1 WHERE conversation_id = @ConversationId AND activity_id = @ActivityId";

    private const string Release = "DELETE FROM handled_activities WHERE conversation_id = @ConversationId AND activity_id = @ActivityId AND completed = 0";

    private const string Forget = "DELETE FROM handled_activities WHERE claimed_at < @Before";

    /// <summary>True when this turn may go ahead; false when the activity was handled, or is being handled, already.</summary>
    public async Task<bool> TryClaimAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        using var turn = await connections.WriteGate.EnterAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Claim,
            new { ConversationId = conversationId, ActivityId = activityId, Now = now, StaleBefore = now - StaleAfter }, cancellationToken: cancellationToken));
        // Forgetting old claims now and then keeps the table small without a job of its own.
        if (claimed is not null && Random.Shared.Next(200) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(Forget, new { Before = now - KeptFor }, cancellationToken: cancellationToken));
        }
        return claimed is not null;
    }

    public async Task CompleteAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var turn = await connections.WriteGate.EnterAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Complete, new { ConversationId = conversationId, ActivityId = activityId }, cancellationToken: cancellationToken));
    }

    /// <summary>The turn failed before it finished: a redelivery may try again.</summary>
    public async Task ReleaseAsync(string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var turn = await connections.WriteGate.EnterAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Release, new { ConversationId = conversationId, ActivityId = activityId }, cancellationToken: cancellationToken));
    }
}
