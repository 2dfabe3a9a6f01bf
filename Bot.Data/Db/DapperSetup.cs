using System.Data;
using System.Globalization;
using Dapper;

namespace Rectification.Data.Db;

/// <summary>
/// Instants are stored as fixed-width UTC text and ledger dates as ISO dates on both providers, so one
/// schema contract holds for SQLite and PostgreSQL and text order is time order (Dapper #718, #1780).
/// </summary>
public static class DapperSetup
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new DateHandler());
    }

    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToDb(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string ToDb(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToDb(value);
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            DateTimeOffset offset => offset,
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
    }

    private sealed class DateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = ToDb(value);
        }

        public override DateOnly Parse(object value) => value switch
        {
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            DateOnly date => date,
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}
