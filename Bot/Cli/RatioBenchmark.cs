using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dapper;
using Rectification.Bot.Cards;
using Rectification.Bot.Teams;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Cli;

/// <summary>
/// The ratios of the benchmark, each against a baseline measured in the same run and interleaved with it round by
/// round: a chat turn against an echo bot on the same adapter and host, a progress write on a task with 2,000 reports
/// against one on a task with none, an import against prepared inserts (into one flat table, and of the same rows into
/// the same tables; with chat writes timed while it runs), and the size of the cards the bot sends on this ledger.
/// Every timed operation checks that it did its work.
/// </summary>
internal static class RatioBenchmark
{
    private const int Rounds = 5;
    private const int TurnsPerRound = 20;
    private const int WritesPerRound = 20;
    private const int ImportRounds = 3;
    private const int MaxImportRows = 10_000;
    private const int HeavyHistory = 2_000;
    private const int CardLimit = 24 * 1024;

    public static async Task RunAsync(DatabaseOptions options, ConnectionFactory connections, int tasks, long adminId, long busyTaskId, DateTimeOffset now,
        TextWriter output, CancellationToken cancellationToken)
    {
        var today = LedgerCalendar.ChinaStandardTime.Today(now);
        var queries = new LedgerQueries(connections);
        var open = (await queries.ListAsync(TaskScope.Everything, TaskFilter.Active, today, 0, 20, cancellationToken: cancellationToken)).Items
            .Where(t => t.Id != busyTaskId && t.LastProgressAt is null).Take(2).ToList();
        if (open.Count < 2)
        {
            throw new BenchmarkFailedException("no two open tasks without reports to write progress on");
        }
        var (light, heavy) = (open[0].Id, open[1].Id);

        await output.WriteLineAsync("| measure | baseline | baseline ms | ours ms | ratio |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        await TurnsAsync(options, output, cancellationToken);
        await ProgressAsync(connections, adminId, light, heavy, now, output, cancellationToken);
        var leader = (await new PeopleRepository(connections, TimeProvider.System).FindByNameAsync("领导07", cancellationToken)).Single();
        var (raw, list) = await DataLayerBenchmark.OverdueListAsync(connections, leader.Id, today, cancellationToken);
        await Row(output, "overdue list, one leader (count and first page of 20)", "the same two statements through a bare reader on an open connection",
            raw, list);
        var during = await ImportAsync(connections, tasks, Math.Min(tasks, MaxImportRows), adminId, light, now, today, output, cancellationToken);
        await output.WriteLineAsync("");
        await output.WriteLineAsync(during);
        await output.WriteLineAsync("");
        await CardsAsync(queries, heavy, today, output, cancellationToken);
    }

    private static async Task TurnsAsync(DatabaseOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        await using var turns = new TurnBenchmark(options, TimeProvider.System);
        const string user = "责任人0042";
        const string text = "我的任务";
        static bool Listed(IReadOnlyList<string> replies) => replies.Any(r => r.Contains("AdaptiveCard", StringComparison.Ordinal) && r.Contains("**", StringComparison.Ordinal));
        // The first turn greets and links the person; the ones timed are ordinary turns.
        await turns.BotTurnAsync(user, text, cancellationToken);
        var (echo, bot) = await turns.CompareAsync(user, text, Rounds, TurnsPerRound, Listed, cancellationToken);
        var before = turns.Connections.Opened;
        if (!Listed(await turns.BotTurnAsync(user, text, cancellationToken)))
        {
            throw new BenchmarkFailedException("the counted turn did not list the officer's tasks");
        }
        var perTurn = turns.Connections.Opened - before;
        await Row(output, $"chat turn \"{text}\" (list card), {(options.Provider == DatabaseProvider.Sqlite ? $"{perTurn} connections a turn" : "PostgreSQL")}",
            "echo bot, same adapter and host", echo, bot);
    }

    private const string InsertHistory = """
        INSERT INTO progress_updates (task_id, person_id, at, percent, status, note, source, idempotency_key)
        VALUES (@TaskId, @PersonId, @At, @Percent, 'in_progress', @Note, 'chat', @Key)
        """;

    // Two ids as two parameters: Npgsql takes a list as one array, which `IN @Ids` cannot hold.
    private const string CountProgress = "SELECT count(*) FROM progress_updates WHERE task_id IN (@A, @B)";

    private static async Task ProgressAsync(ConnectionFactory connections, long adminId, long light, long heavy, DateTimeOffset now, TextWriter output,
        CancellationToken cancellationToken)
    {
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertHistory, Enumerable.Range(1, HeavyHistory).Select(i => new
            {
                TaskId = heavy,
                PersonId = adminId,
                At = now.AddMinutes(i - HeavyHistory - 1),
                Percent = i * 100 / (HeavyHistory + 1),
                Note = $"第{i}次报告：已完成阶段性整改，正在巩固成果。",
                Key = $"bench-history-{heavy}-{i}-{now.UtcTicks}",
            }), transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }
        var changes = new LedgerChanges(connections);
        var before = await CountAsync(connections, [light, heavy], cancellationToken);
        var n = 0;
        async Task<double> WriteAsync(long taskId)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await changes.RecordProgressAsync(new ProgressReport(taskId, adminId, 1 + (n % 98), null, "benchmark", "benchmark",
                $"bench-ratio-{Interlocked.Increment(ref n)}-{now.UtcTicks}", now), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return result.Succeeded ? elapsed : throw new BenchmarkFailedException($"a progress write on task {taskId} was {result.Outcome}");
        }
        var lights = new List<double>();
        var heavies = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            for (var i = 0; i < WritesPerRound; i++)
            {
                lights.Add(await WriteAsync(light));
                heavies.Add(await WriteAsync(heavy));
            }
        }
        var written = await CountAsync(connections, [light, heavy], cancellationToken) - before;
        if (written != 2 * Rounds * WritesPerRound)
        {
            throw new BenchmarkFailedException($"progress writes: {written} rows for {2 * Rounds * WritesPerRound} writes");
        }
        await Row(output, $"progress write on a task with {HeavyHistory:N0} reports ({written} rows written, checked)", "the same on a task with none",
            Median(lights), Median(heavies));
    }

    private static async Task<long> CountAsync(ConnectionFactory connections, long[] ids, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountProgress, new { A = ids[0], B = ids[1] }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Import rounds, each a new inspection of the same rows, against the two baselines of <see cref="ImportBaseline"/>;
    /// then, when the ledger is larger than a round, one import of the ledger's full size, for what chat feels then.
    /// </summary>
    private static async Task<string> ImportAsync(ConnectionFactory connections, int tasks, int rows, long adminId, long chatTaskId, DateTimeOffset now,
        DateOnly today, TextWriter output, CancellationToken cancellationToken)
    {
        var baselines = new List<double>();
        var sameTables = new List<double>();
        var imports = new List<double>();
        var chat = new ChatDuringImport();
        for (var round = 0; round < ImportRounds; round++)
        {
            var draft = BenchmarkCommand.Synthetic(rows, today, $"基准导入{round + 1}-{now.UtcTicks}");
            baselines.Add(await ImportBaseline.FlatAsync(connections, draft, cancellationToken));
            sameTables.Add(await ImportBaseline.SameTablesAsync(connections, draft, now, cancellationToken));
            imports.Add((await ImportWhileChattingAsync(connections, draft, adminId, chatTaskId, now, $"{round}", chat, cancellationToken)).Ms);
        }
        var import = Median(imports);
        var how = connections.Provider == DatabaseProvider.Sqlite ? "committed in batches, seen whole" : "one transaction";
        await Row(output, $"import of {rows + 1:N0} rows (plan, tasks, links, audit; {how})", "prepared INSERT of each row into one flat table",
            Median(baselines), import);
        await Row(output, $"import of {rows + 1:N0} rows (as above)", "prepared INSERTs of the same rows into the same tables (task, officers, progress, audit)",
            Median(sameTables), import);
        var lines = $"Progress writes while the imports of {rows + 1:N0} rows ran: {chat}.";
        if (tasks > rows)
        {
            var whole = new ChatDuringImport();
            var draft = BenchmarkCommand.Synthetic(tasks, today, $"基准整本导入-{now.UtcTicks}");
            var (ms, inspectionId) = await ImportWhileChattingAsync(connections, draft, adminId, chatTaskId, now, "whole", whole, cancellationToken, WholeActor);
            // Taken out again: the steps after this one measure the ledger the run was asked for.
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                await ImportBaseline.RemoveAsync(connection, inspectionId, WholeActor.Label, cancellationToken);
            }
            lines += string.Create(CultureInfo.InvariantCulture, $" While one import of {tasks + 1:N0} rows ran ({ms / 1000:F1} s): {whole}.");
        }
        return lines;
    }

    private static readonly Actor WholeActor = Actor.System("benchmark-whole-import");

    /// <summary>The progress writes timed while imports ran, in milliseconds.</summary>
    private sealed class ChatDuringImport
    {
        public List<double> Latencies { get; } = [];

        public int Failures;

        public override string ToString()
        {
            var sorted = Latencies.Order().ToList();
            return sorted.Count == 0
                ? $"none completed, {Failures} failed"
                : string.Create(CultureInfo.InvariantCulture,
                    $"{sorted.Count} done, {Failures} failed; median {sorted[sorted.Count / 2]:F0} ms, p95 {sorted[sorted.Count * 95 / 100]:F0} ms, max {sorted[^1]:F0} ms");
        }
    }

    /// <summary>
    /// Imports <paramref name="draft"/> as a new inspection while a person reports progress every 20 ms, as chat would;
    /// checks every row was created, and answers the import's milliseconds.
    /// </summary>
    private static async Task<(double Ms, long InspectionId)> ImportWhileChattingAsync(ConnectionFactory connections, LedgerDraft draft, long adminId,
        long chatTaskId, DateTimeOffset now, string label, ChatDuringImport chat, CancellationToken cancellationToken, Actor? actor = null)
    {
        var writer = new LedgerImportWriter(connections, LedgerCalendar.ChinaStandardTime);
        var changes = new LedgerChanges(connections);
        using var done = new CancellationTokenSource();
        // The import starts once the reporter runs, and the reporter writes at least once, so every round times at
        // least one write (on a loaded machine the import of a small sheet could otherwise finish first).
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reporter = Task.Run(async () =>
        {
            var n = 0;
            running.SetResult();
            do
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var result = await changes.RecordProgressAsync(new ProgressReport(chatTaskId, adminId, 1 + (n % 98), null, "import-time", "benchmark",
                        $"bench-during-{label}-{n++}-{now.UtcTicks}", now), CancellationToken.None);
                    lock (chat)
                    {
                        chat.Latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                    if (!result.Succeeded)
                    {
                        Interlocked.Increment(ref chat.Failures);
                    }
                }
                catch (DbException)
                {
                    Interlocked.Increment(ref chat.Failures);
                }
                await Task.Delay(20, CancellationToken.None);
            }
            while (!done.IsCancellationRequested);
        }, CancellationToken.None);
        await running.Task;
        var begin = Stopwatch.GetTimestamp();
        var imported = await writer.WriteAsync(draft, actor ?? Actor.System("benchmark"), now, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
        await done.CancelAsync();
        await reporter;
        if (imported.Summary is not { } summary || summary.Created != draft.Tasks.Count)
        {
            throw new BenchmarkFailedException($"import {label}: {imported.Summary?.Created ?? 0} tasks created of {draft.Tasks.Count}");
        }
        return (elapsed, summary.InspectionId);
    }

    /// <summary>The cards the chat sends on this ledger, at their largest: every one must stay under 24 KB.</summary>
    private static async Task CardsAsync(LedgerQueries queries, long heavy, DateOnly today, TextWriter output, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(heavy, cancellationToken) ?? throw new BenchmarkFailedException("the task with a long history is gone");
        if (detail.Progress.Count < HeavyHistory)
        {
            throw new BenchmarkFailedException($"the long history has {detail.Progress.Count} reports");
        }
        var overdue = await queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, today, 0, TaskCards.PageSize, cancellationToken: cancellationToken);
        var figures = await queries.FiguresAsync(TaskScope.Everything, today, cancellationToken);
        await output.WriteLineAsync("| card (whole ledger) | content | zh-CN bytes | en-US bytes |");
        await output.WriteLineAsync("|---|---|---|---|");
        var cards = new (string Name, string Content, Func<UiText, Conversation.Reply.Card> Build)[]
        {
            ("task detail", $"{detail.Progress.Count:N0} reports", t => TaskCards.Detail(t, detail, today, 7)),
            ("overdue list (admin)", $"{overdue.Total:N0} tasks", t => TaskCards.TaskList(t, "overdue", overdue, today, 7, new ListPaging("overdue"))),
            ("summary (admin)", $"{figures.Count:N0} aspects", t => TaskCards.Summary(t, "summary", figures)),
        };
        foreach (var (name, content, build) in cards)
        {
            var sizes = new[] { "zh-CN", "en-US" }.Select(l => Encoding.UTF8.GetByteCount(build(UiText.For(l)).Json)).ToArray();
            if (sizes.Max() >= CardLimit)
            {
                throw new BenchmarkFailedException($"the {name} card is {sizes.Max():N0} bytes, over {CardLimit:N0}");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {content} | {sizes[0]:N0} | {sizes[1]:N0} |"));
        }
    }

    private static Task Row(TextWriter output, string name, string baseline, double baselineMs, double oursMs) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {baseline} | {baselineMs:F2} | {oursMs:F2} | {oursMs / baselineMs:F2} |"));

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
