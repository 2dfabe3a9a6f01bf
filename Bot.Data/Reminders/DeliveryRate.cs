using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Reminders;

/// <summary>
/// The app-wide proactive send rate, shared by every host on one PostgreSQL: each departure reserves the next free
/// instant in one row, so two hosts together send no faster than one of them alone may. The database's clock decides,
/// and the caller is told how long to wait, so hosts whose clocks differ still agree.
/// </summary>
public sealed class DeliveryRate(ConnectionFactory connections)
{
    /// <summary>Whether hosts share a database that can hold the rate (PostgreSQL); SQLite is one host.</summary>
    public bool Shared => connections.Provider == DatabaseProvider.Postgres;

    // The slot handed out is the previous "next" (or now, if that has passed); the row moves on by one interval.
    private const string ReserveSql = """
        INSERT INTO delivery_rate (id, next_slot) VALUES (1, clock_timestamp() + @Interval)
        ON CONFLICT (id) DO UPDATE SET next_slot = greatest(delivery_rate.next_slot, clock_timestamp()) + @Interval
        RETURNING extract(epoch FROM (next_slot - @Interval - clock_timestamp()))::float8
        """;

    /// <summary>Reserves the next app-wide departure, <paramref name="interval"/> after the last; returns how long to wait for it.</summary>
    public async Task<TimeSpan> ReserveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<double>(new CommandDefinition(ReserveSql, new { Interval = interval }, cancellationToken: cancellationToken));
        return seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
    }
}
