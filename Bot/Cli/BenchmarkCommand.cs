using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Rectification.Bot.Teams;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Cli;

/// <summary>
/// A console benchmark of the ledger at scale: builds a synthetic ledger (default 100,000 tasks) in a throw-away
/// database through the real import writer, then times the queries the bot runs on every message. Never touches
/// the configured ledger. <c>dotnet run -c Release --project Bot -- benchmark [--tasks N] [--postgres "conn" | --keep file.db] [--delivery | --turns]</c>
/// </summary>
public static class BenchmarkCommand
{
    private const int Departments = 200;
    private const int Leaders = 50;
    // 5,000 people in all: a morning's plan for 100k tasks and 5,000 people is to take under 2 s (the planning table).
    private const int Officers = 5000;
    private const int Runs = 200;
    private const int Warmups = 10;
    private const int DeliverySeconds = 6;

    public static async Task<int> RunAsync(string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (args.Contains("--understanding"))
        {
            // The understanding stage needs no ledger: its figures alone, in seconds rather than minutes.
            return await UnderstandingOnlyAsync(output);
        }
        if (args.Contains("--delivery"))
        {
            // Delivery needs no synthetic ledger either: its own throw-away one, and a fake connector on loopback.
            return await OnlyAsync(output, () => DeliveryBenchmark.RunAsync(DeliverySeconds, output, cancellationToken));
        }
        var tasks = CliOptions.Value(args, "--tasks") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
        var postgres = CliOptions.Value(args, "--postgres");
        var keep = CliOptions.Value(args, "--keep");
        var (options, cleanup) = postgres is not null ? await PostgresTargetAsync(postgres, cancellationToken)
            : keep is not null ? (new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = keep }, () => Task.CompletedTask)
            : SqliteTarget();
        try
        {
            using var connections = new ConnectionFactory(options);
            var time = TimeProvider.System;
            await new MigrationRunner(connections, time).MigrateAsync(cancellationToken);
            var calendar = LedgerCalendar.ChinaStandardTime;
            var now = time.GetUtcNow();
            var today = calendar.Today(now);

            await output.WriteLineAsync($"Ledger benchmark: {tasks:N0} tasks, {Departments} departments, {Leaders} leaders, {Officers} officers on {options.Provider}");
            var watch = Stopwatch.StartNew();
            var result = await new LedgerImportWriter(connections, calendar).WriteAsync(Synthetic(tasks, today), Actor.System("benchmark"), now, cancellationToken);
            if (!result.Succeeded)
            {
                await output.WriteLineAsync(string.Join(Environment.NewLine, result.Errors));
                return 1;
            }
            await output.WriteLineAsync($"import ({(connections.Provider == DatabaseProvider.Sqlite ? "committed in batches, seen whole" : "one transaction")}, with audit): {watch.Elapsed.TotalSeconds:F1} s, {tasks / watch.Elapsed.TotalSeconds:N0} tasks/s");
            if (options.Provider == DatabaseProvider.Postgres)
            {
                // What autovacuum would soon do after a bulk load; without statistics the planner guesses.
                await using var connection = await connections.OpenAsync(cancellationToken);
                await using var analyze = connection.CreateCommand();
                analyze.CommandText = "ANALYZE";
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            if (args.Contains("--turns"))
            {
                // Only the 50-conversation turn throughput, on this ledger: what a change to the turn path is measured with.
                await ConcurrentTurnBenchmark.RunAsync(options, conversations: 50, rounds: 5, turnsEach: 4, output, cancellationToken);
                return 0;
            }
            var people = new PeopleRepository(connections, time);
            var leader = (await people.FindByNameAsync("领导07", cancellationToken)).Single();
            var officer = (await people.FindByNameAsync("责任人0042", cancellationToken)).Single();
            var queries = new LedgerQueries(connections);
            var changes = new LedgerChanges(connections);
            var leaderScope = new TaskScope.Leader(leader.Id);
            var overdue = await queries.ListAsync(leaderScope, TaskFilter.Overdue, today, 0, 20, cancellationToken: cancellationToken);
            await output.WriteLineAsync($"leader 领导07 supervises {leader.SupervisedDepartmentIds.Count} departments: {overdue.Total:N0} overdue of their tasks");
            await output.WriteLineAsync("");
            await output.WriteLineAsync("| query | p50 ms | p95 ms | max ms |");
            await output.WriteLineAsync("|---|---|---|---|");
            // Every timed call says whether it did what its row claims (rows returned, a write accepted); one that did
            // not fails the whole benchmark, so no figure can come from a refused or empty request.
            await TimeAsync(output, "overdue list, one leader (first page of 20, with total)",
                async () => (await queries.ListAsync(leaderScope, TaskFilter.Overdue, today, 0, 20, cancellationToken: cancellationToken)).Items.Count > 0);
            await TimeAsync(output, "due within 7 days, one leader",
                async () => (await queries.ListAsync(leaderScope, TaskFilter.DueSoon, today, 0, 20, cancellationToken: cancellationToken)).Total >= 0);
            await TimeAsync(output, "my tasks, one officer",
                async () => (await queries.ListAsync(new TaskScope.Officer(officer.Id), TaskFilter.Active, today, 0, 20, cancellationToken: cancellationToken)).Items.Count > 0);
            var sample = Code(tasks / 2);
            await TimeAsync(output, "task detail with history, by code", async () => await queries.FindByCodeAsync(sample, cancellationToken) is not null);
            await TimeAsync(output, "per-aspect figures, one leader", async () => (await queries.FiguresAsync(leaderScope, today, cancellationToken)).Count > 0);
            await TimeAsync(output, "overdue list, whole ledger (admin)",
                async () => (await queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, today, 0, 20, cancellationToken: cancellationToken)).Items.Count > 0);
            // An open task (the sample may be written off, and a written-off task takes no progress).
            var target = (await queries.ListAsync(new TaskScope.Officer(officer.Id), TaskFilter.Active, today, 0, 1, cancellationToken: cancellationToken)).Items[0].Id;
            var admin = (await people.FindByNameAsync("督查专员", cancellationToken)).Single();
            // The writer must be allowed to report on any task, or every timed write would be a refusal.
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                await connection.ExecuteAsync(new CommandDefinition(MakeAdmin, new { admin.Id, IsAdmin = true }, cancellationToken: cancellationToken));
            }
            var i = 0;
            var before = await ProgressRowsAsync(connections, target, cancellationToken);
            await TimeAsync(output, "record a progress update (transaction, audit)", async () => (await changes.RecordProgressAsync(
                new ProgressReport(target, admin.Id, i % 100, null, "benchmark", "benchmark", $"bench-{Interlocked.Increment(ref i)}-{now.UtcTicks}", now),
                cancellationToken)).Succeeded);
            var written = await ProgressRowsAsync(connections, target, cancellationToken) - before;
            if (written != Warmups + Runs)
            {
                throw new BenchmarkFailedException($"progress writes: {written} rows written for {Warmups + Runs} timed writes");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"progress rows written by the timed writes: {written} (checked)"));
            await output.WriteLineAsync("");
            await ReminderBenchmark.RunAsync(connections, now, output, cancellationToken);
            await output.WriteLineAsync("");
            await RatioBenchmark.RunAsync(options, connections, tasks, admin.Id, target, now, output, cancellationToken);
            await output.WriteLineAsync("");
            // CI's small run keeps delivery short (2 s worth a case); larger runs send 6 s worth so start-up does not weigh.
            await DeliveryBenchmark.RunAsync(tasks > 1_000 ? DeliverySeconds : 2, output, cancellationToken);
            await output.WriteLineAsync("");
            // Turn throughput with 50 conversations at once, over HTTP; CI's run does a short version of it.
            await ConcurrentTurnBenchmark.RunAsync(options, conversations: 50, rounds: tasks > 1_000 ? 5 : 3, turnsEach: tasks > 1_000 ? 4 : 1, output, cancellationToken);
            await UnderstandingBenchmark.RunAsync(output);
            return 0;
        }
        catch (BenchmarkFailedException failure)
        {
            await output.WriteLineAsync("BENCHMARK FAILED: " + failure.Message);
            return 1;
        }
        finally
        {
            await cleanup();
        }
    }

    private static Task<int> UnderstandingOnlyAsync(TextWriter output) => OnlyAsync(output, () => UnderstandingBenchmark.RunAsync(output));

    private static async Task<int> OnlyAsync(TextWriter output, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (BenchmarkFailedException failure)
        {
            await output.WriteLineAsync("BENCHMARK FAILED: " + failure.Message);
            return 1;
        }
    }

    private const string MakeAdmin = "UPDATE people SET is_admin = @IsAdmin WHERE id = @Id";

    private const string CountProgress = "SELECT count(*) FROM progress_updates WHERE task_id = @TaskId";

    private static async Task<long> ProgressRowsAsync(ConnectionFactory connections, long taskId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountProgress, new { TaskId = taskId }, cancellationToken: cancellationToken));
    }

    private static async Task TimeAsync(TextWriter output, string name, Func<Task<bool>> run)
    {
        for (var warm = 0; warm < Warmups; warm++)
        {
            if (!await run())
            {
                throw new BenchmarkFailedException($"\"{name}\" did not do what it claims (warm-up call {warm + 1})");
            }
        }
        var samples = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var did = await run();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!did)
            {
                throw new BenchmarkFailedException($"\"{name}\" did not do what it claims (timed call {i + 1})");
            }
        }
        Array.Sort(samples);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {samples[Runs / 2]:F2} | {samples[Runs * 95 / 100]:F2} | {samples[^1]:F2} |"));
    }

    /// <summary>Aspects of 100 problems of 10 measures; each department has its officers; deadlines spread over two years.</summary>
    internal static LedgerDraft Synthetic(int count, DateOnly today, string title = "基准测试巡察")
    {
        var random = new Random(20261127);
        var tasks = new List<TaskDraft>(count);
        for (var n = 0; n < count; n++)
        {
            var (aspect, problem, measure) = Parts(n);
            var department = random.Next(Departments);
            var officer = department * (Officers / Departments) + random.Next(Officers / Departments);
            var due = today.AddDays(random.Next(-365, 365));
            var roll = random.Next(10);
            var (status, percent) = roll switch
            {
                < 3 => (RectificationStatus.WrittenOff, 100),
                < 4 => (RectificationStatus.Done, 100),
                < 8 => (RectificationStatus.InProgress, random.Next(1, 100)),
                _ => (RectificationStatus.NotStarted, 0),
            };
            tasks.Add(new TaskDraft(n + 2, Code(n), $"方面{aspect}", $"问题{aspect}-{problem}", $"整改措施{n}",
                $"领导{department % Leaders:00}", $"部门{department:000}", [], [$"责任人{officer:0000}"], TimeLimit.On(due),
                due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status, percent));
        }
        // One admin so the write benchmark has someone allowed to report on any task.
        tasks.Add(new TaskDraft(count + 2, "0-0-0", "方面0", "问题0", "督查", "领导00", "整改办", [], ["督查专员"], TimeLimit.Ongoing, "长期坚持"));
        return new LedgerDraft(new InspectionDraft(title), tasks);
    }

    private static (int Aspect, int Problem, int Measure) Parts(int n) => (n / 1000 + 1, n / 10 % 100 + 1, n % 10 + 1);

    private static string Code(int n) => Parts(n) is var (a, p, m) ? $"{a}-{p}-{m}" : "";

    private static (DatabaseOptions, Func<Task>) SqliteTarget()
    {
        var directory = Directory.CreateTempSubdirectory("rectification-bench-").FullName;
        return (new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(directory, "ledger.db") }, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<(DatabaseOptions, Func<Task>)> PostgresTargetAsync(string server, CancellationToken cancellationToken)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}", cancellationToken);
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString(),
        };
        return (options, () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE", CancellationToken.None));
    }

    private static async Task ExecuteAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>A timed operation did not do what its figure claims: the run stops rather than print it.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);
