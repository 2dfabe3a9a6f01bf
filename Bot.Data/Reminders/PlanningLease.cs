using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Reminders;

/// <summary>
/// Who plans the reminders when several hosts share one PostgreSQL: each tick, the host holding the lease (or the first
/// to find it lapsed) reads the ledger and plans; the others only send what the outbox holds. The holder renews on its
/// own ticks, so it stays the planner until it stops. On SQLite, the one-host default, every tick plans.
/// </summary>
/// <remarks>
/// Times are the hosts' own clock (the injected TimeProvider), not the database's: the lease is coarse (a tick and a
/// half), a few seconds of skew between hosts only means a tick planned twice or a little late, and a timeline on a
/// fake clock sees the lease lapse when its clock says so. Planning twice is harmless: the outbox's slot key keeps
/// every digest once.
/// </remarks>
public sealed class PlanningLease(ConnectionFactory connections)
{
    /// <summary>Whether hosts share a database that can hold the lease (PostgreSQL); SQLite is one host.</summary>
    public bool Shared => connections.Provider == DatabaseProvider.Postgres;

    // The row changes hands only when it has lapsed or is the caller's own; RETURNING answers a row only then.
    private const string TakeSql = """
        INSERT INTO planning_lease (id, holder, held_until) VALUES (1, @Holder, @Until)
        ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
        WHERE planning_lease.held_until <= @Now OR planning_lease.holder = excluded.holder
        RETURNING holder
        """;

    /// <summary>Takes or renews the planning turn from <paramref name="now"/> for <paramref name="hold"/>; false while another host holds it.</summary>
    public async Task<bool> TryTakeAsync(string holder, DateTimeOffset now, TimeSpan hold, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return true;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(TakeSql,
            new { Holder = holder, Now = now.UtcDateTime, Until = (now + hold).UtcDateTime }, cancellationToken: cancellationToken));
        return taken == holder;
    }

    private const string ReleaseSql = "DELETE FROM planning_lease WHERE holder = @Holder";

    /// <summary>A host that stops hands the turn on at once, so a restart or the next host plans on its first tick.</summary>
    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        if (!Shared)
        {
            return;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseSql, new { Holder = holder }, cancellationToken: cancellationToken));
    }
}
