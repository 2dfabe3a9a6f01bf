using Microsoft.Data.Sqlite;

namespace Rectification.Data.Db;

/// <summary>
/// SQLite has one writer at a time. A statement waits its connection's busy timeout for a long writer (an import) and
/// then fails with "database is locked"; a unit that fails so is run again, whole, a few times before it gives up.
/// </summary>
public static class SqliteBusy
{
    public const int MaxAttempts = 5;

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock; nothing of the unit was written.</summary>
    public static bool IsBusy(Exception exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    /// <summary>A short pause before attempt <paramref name="attempt"/> + 1, growing with each attempt.</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(50 * attempt);

    /// <summary>Runs <paramref name="unit"/> (which opens its own connection) again while SQLite reports the lock busy.</summary>
    public static async Task<T> RetryAsync<T>(SqliteWriteGate gate, Func<Task<T>> unit, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await unit();
            }
            catch (SqliteException busy) when (IsBusy(busy) && attempt < MaxAttempts)
            {
                await Task.Delay(Pause(attempt), cancellationToken);
            }
        }
    }
}
