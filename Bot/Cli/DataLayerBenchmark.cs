using System.Data.Common;
using System.Diagnostics;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Cli;

/// <summary>
/// The data layer against a bare ADO.NET reader: a leader's overdue list (count and first page) through
/// <see cref="LedgerQueries"/> (a pooled connection per call, Dapper mapping, the summary records) against the very
/// same two statements run through a reader on a connection opened once, reading every column. Interleaved round by
/// round; both must return the same total and page.
/// </summary>
internal static class DataLayerBenchmark
{
    private const int Rounds = 7;
    private const int CallsPerRound = 50;

    public static async Task<(double Baseline, double Ours)> OverdueListAsync(ConnectionFactory connections, long leaderId, DateOnly today,
        CancellationToken cancellationToken)
    {
        var queries = new LedgerQueries(connections);
        var scope = new TaskScope.Leader(leaderId);
        var (count, page, scopeId) = LedgerQueries.ListStatements(scope, TaskFilter.Overdue);
        await using var connection = await connections.OpenAsync(cancellationToken);

        async Task<(long Total, int Rows)> RawAsync()
        {
            await using var total = Command(connection, count, scopeId, today);
            var counted = Convert.ToInt64(await total.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            await using var rows = Command(connection, page, scopeId, today);
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken);
            var values = new object[reader.FieldCount];
            var read = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                reader.GetValues(values);
                read++;
            }
            return (counted, read);
        }

        var expected = await queries.ListAsync(scope, TaskFilter.Overdue, today, 0, 20, cancellationToken: cancellationToken);
        if (await RawAsync() != (expected.Total, expected.Items.Count) || expected.Items.Count == 0)
        {
            throw new BenchmarkFailedException($"the overdue list and its bare reader disagree, or are empty ({expected.Total} tasks)");
        }
        var raw = new List<double>();
        var ours = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < CallsPerRound; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await RawAsync();
                raw.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                await queries.ListAsync(scope, TaskFilter.Overdue, today, 0, 20, cancellationToken: cancellationToken);
                ours.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        raw.Sort();
        ours.Sort();
        return (raw[raw.Count / 2], ours[ours.Count / 2]);
    }

    private static DbCommand Command(DbConnection connection, string sql, long scopeId, DateOnly today)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in new (string, object)[]
                 {
                     ("@ScopeId", scopeId), ("@Today", DapperSetup.ToDb(today)), ("@Until", DapperSetup.ToDb(today.AddDays(7))), ("@Take", 20), ("@Skip", 0),
                 })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
