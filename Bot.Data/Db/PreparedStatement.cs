using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Rectification.Data.Db;

/// <summary>
/// One statement built once and run many times on one connection and transaction, for a writer that repeats it for
/// every row of a sheet. Dapper builds a new command on every call, and for SQLite that means compiling the SQL again
/// each time: an import of 10,000 rows compiled some 50,000 statements. Values are bound by position to the
/// parameter names given, with the conversions Dapper's handlers apply (<see cref="DapperSetup"/>: instants and dates
/// as fixed-width text) and every string through <see cref="SafeText.Clean"/>, as <see cref="SafeParameters"/> does.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly bool _returnsId;
    private bool _prepared;

    /// <summary>
    /// An INSERT (written without <c>RETURNING</c>) whose new row's id <see cref="InsertAsync"/> answers. SQLite's
    /// <c>RETURNING id</c> cost four times the insert itself (55 against 13 µs a task row, measured on this schema),
    /// so there the id is the connection's last inserted rowid; PostgreSQL returns it with the row.
    /// </summary>
    public static PreparedStatement Insert(DbConnection connection, DbTransaction transaction, string insertSql, params string[] names) =>
        connection is SqliteConnection
            ? new PreparedStatement(connection, transaction, insertSql, names, returnsId: false)
            : new PreparedStatement(connection, transaction, insertSql + " RETURNING id", names, returnsId: true);

    private PreparedStatement(DbConnection connection, DbTransaction transaction, string sql, string[] names, bool returnsId)
        : this(connection, transaction, sql, names) => _returnsId = returnsId;

    public PreparedStatement(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var parameter = _command.CreateParameter();
            // With the prefix, SQLite finds the parameter in one lookup per run instead of trying @, : and $ in turn.
            parameter.ParameterName = "@" + names[i];
            _command.Parameters.Add(parameter);
            _parameters[i] = parameter;
        }
    }

    /// <summary>Runs the statement with these values, in the order of the names; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken, params object?[] values)
    {
        await BindAsync(values, cancellationToken);
        return await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs the statement and reads the first column of its first row (an id from <c>RETURNING id</c>).</summary>
    public async Task<long> ScalarAsync(CancellationToken cancellationToken, params object?[] values)
    {
        await BindAsync(values, cancellationToken);
        return Convert.ToInt64(await _command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement made by <see cref="Insert"/> and answers the new row's id.</summary>
    public async Task<long> InsertAsync(CancellationToken cancellationToken, params object?[] values)
    {
        if (_returnsId)
        {
            return await ScalarAsync(cancellationToken, values);
        }
        // The connection's last rowid is this row's only if this statement inserted one (not an OR IGNORE that skipped).
        if (await ExecuteAsync(cancellationToken, values) != 1)
        {
            throw new InvalidOperationException($"Expected one row inserted by: {_command.CommandText}");
        }
        return SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)_command.Connection!).Handle);
    }

    private async Task BindAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"{values.Length} values for {_parameters.Length} parameters of: {_command.CommandText}", nameof(values));
        }
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                string text => SafeText.Clean(text),
                DateTimeOffset instant => DapperSetup.ToDb(instant),
                DateOnly date => DapperSetup.ToDb(date),
                var value => value,
            };
        }
        // SQLite keeps the compiled statement on the command once prepared. Npgsql would need every parameter's type
        // fixed before preparing (a first null has none), and its round trip, not the parse, is the cost there.
        if (!_prepared && _command is SqliteCommand)
        {
            await _command.PrepareAsync(cancellationToken);
        }
        _prepared = true;
    }

    /// <summary>Runs the statement in <paramref name="transaction"/> from now on (a writer that commits in batches).</summary>
    public void MoveTo(DbTransaction transaction) => _command.Transaction = transaction;

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
