using System.Globalization;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Cli;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Data.State;
using Rectification.Data.Trust;

namespace Rectification.Bot.Teams;

/// <summary>
/// Proactive delivery against the configured rate: digests planned into the outbox of a throw-away SQLite ledger go
/// through the real dispatcher, proactive sender (pacer, retries) and CloudAdapter (no app id, so no token) to a fake
/// connector on a loopback socket: answering 200 to everything, refusing a fifth with 429 + Retry-After: 1, and with
/// some people due two digests side by side. The baseline is the configured rate itself: N digests ideally take
/// (N-1)/rate from the first to the last delivery.
/// Lives here because it drives Bot Framework types; the benchmark verb calls it with plain values.
/// </summary>
public static class DeliveryBenchmark
{
    private const double Throttled = 0.2;
    private const int Seed = 20261207;

    // Where the connector receives requests, two to one conversation can come a little closer than the pacer let them
    // leave (a busy host delays the first request's way more than the second's). A retry after 429 leaves at least
    // Retry-After after the refusal arrived, so those keep well over a second even at the connector.
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(10);

    // The pacer's own clock wakes a millisecond or two early at most.
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    /// <summary>A Saturday morning in Asia/Shanghai: the one-task ledger plans nothing of its own then, so the outbox holds only the benchmark's digests.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One run: the connector's share of 429s, and every how many people one gets a second digest (due soon besides
    /// overdue) right after the first, as the policy plans a person's kinds side by side; 0 for none.
    /// </summary>
    private sealed record Case(string Name, string Note, double Throttled, int SecondDigestEvery);

    /// <summary>Runs the cases with enough digests for <paramref name="seconds"/> at the configured rate each, and prints one table.</summary>
    public static async Task RunAsync(int seconds, TextWriter output, CancellationToken cancellationToken)
    {
        var file = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).Build();
        var section = file.GetSection(ReminderDeliveryOptions.Section);
        var settings = section.Get<ReminderDeliveryOptions>() ?? new ReminderDeliveryOptions();
        var source = section.Exists() ? "appsettings.json" : "ReminderDeliveryOptions' defaults";
        var rate = settings.MessagesPerSecond;
        var digests = (int)Math.Ceiling(seconds * rate) + 1;
        var ideal = (digests - 1) / rate;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Proactive delivery: {digests} digests a case through the real dispatcher, sender and CloudAdapter to a fake connector on loopback (answers after 30-80 ms), at Reminders:Delivery:MessagesPerSecond = {rate:0.##} and MaxConcurrentSends = {settings.MaxConcurrentSends} ({source}):"));
        await output.WriteLineAsync("");
        var rows = new List<string>();
        var notes = new List<string>();
        Case[] cases =
        [
            new("delivery, connector always answers 200, one digest a conversation", "always 200", 0, 0),
            new(string.Create(CultureInfo.InvariantCulture, $"delivery, {Throttled:P0} answered 429 + Retry-After: 1, one digest a conversation"), "throttled", Throttled, 0),
            new("delivery, always 200, every 5th person a second digest right after the first", "two digests", 0, 5),
        ];
        foreach (var test in cases)
        {
            var run = await RunCaseAsync(section, digests, test, cancellationToken);
            var measured = (run.LastDelivery - run.FirstDelivery).TotalSeconds;
            var achieved = (digests - 1) / measured;
            var refusals = test.Throttled > 0 ? $"{run.Refused} refusals; " : "";
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {test.Name} ({refusals}each digest once, checked) | configured {rate:0.##} msg/s: (N-1)/rate | {ideal:F2} | {measured:F2} | {achieved:F1} | {achieved / rate:F2} |"));
            var pairs = run.ClosestPair is { } closest
                ? string.Create(CultureInfo.InvariantCulture,
                    $", closest two to one conversation {closest.TotalSeconds:F3} s apart at the connector ({run.PairsUnderASecond} of {run.Pairs} pairs under 1 s; at the pacer all at least 1 s, checked)")
                : "";
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{test.Note}: dispatcher run {run.Wall.TotalSeconds:F2} s in all, busiest second at the connector {run.BusiestSecond} requests{pairs}"));
        }
        await output.WriteLineAsync("| measure | baseline | ideal s | measured s | msg/s | ratio (achieved / configured) |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            await output.WriteLineAsync(row);
        }
        await output.WriteLineAsync("");
        await output.WriteLineAsync($"Measured at the connector, first delivery to last; {string.Join("; ", notes)}.");
    }

    private sealed record CaseResult(TimeSpan FirstDelivery, TimeSpan LastDelivery, TimeSpan Wall, int Refused, int BusiestSecond,
        TimeSpan? ClosestPair = null, int Pairs = 0, int PairsUnderASecond = 0);

    private static async Task<CaseResult> RunCaseAsync(IConfigurationSection delivery, int digests, Case test, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("rectification-delivery-").FullName;
        var database = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Path.Combine(directory, "ledger.db") };
        try
        {
            await using var connector = await LoopbackConnector.StartAsync(test.Throttled, Seed, (30, 80), cancellationToken);
            var expected = await PlanAsync(database, connector.ServiceUrl, digests, test.SecondDigestEvery, cancellationToken);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(delivery.AsEnumerable()).Build();
            await using var services = Services(database, configuration);
            // Where each message passed the pacer's last gate: the per-conversation limit is checked there too.
            var departures = new System.Collections.Concurrent.ConcurrentQueue<(string Conversation, DateTimeOffset At)>();
            var sender = services.GetRequiredService<ProactiveSender>();
            sender.Pacer.Departed = (conversation, at) => departures.Enqueue((conversation, at));
            var begin = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await services.GetRequiredService<ReminderDispatcher>().RunAsync(Start, cancellationToken);
            var wall = System.Diagnostics.Stopwatch.GetElapsedTime(begin);
            var states = (await services.GetRequiredService<ReminderOutbox>().ListAsync(cancellationToken)).GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
            var interval = services.GetRequiredService<IOptions<ReminderDeliveryOptions>>().Value.ConversationInterval;
            CheckPacer([.. departures], interval, test);
            return Check(connector.Requests.ToList(), expected, result, states, test, wall);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Everything the figures rest on, or the benchmark fails: each digest delivered once, counts agreeing, the per-conversation limit kept.</summary>
    private static CaseResult Check(List<ConnectorRequest> requests, Dictionary<string, int> expected, ReminderRunResult result,
        Dictionary<OutboxState, int> states, Case test, TimeSpan wall)
    {
        var digests = expected.Values.Sum();
        var label = test.Note;
        if ((result.Sent, result.Failed, result.Unknown, result.Cancelled, result.Rescheduled) != (digests, 0, 0, 0, 0))
        {
            throw new BenchmarkFailedException($"{label}: the dispatcher counted {result} for {digests} digests");
        }
        if (states.GetValueOrDefault(OutboxState.Sent) != digests || states.Count != 1)
        {
            throw new BenchmarkFailedException($"{label}: outbox rows {string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"))} for {digests} digests");
        }
        var delivered = requests.Where(r => r.Status == HttpStatusCode.OK).OrderBy(r => r.At).ToList();
        var got = delivered.GroupBy(r => r.Conversation).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = got.Count(g => g.Value > expected.GetValueOrDefault(g.Key));
        var lost = expected.Count(e => got.GetValueOrDefault(e.Key) < e.Value);
        var strangers = got.Keys.Except(expected.Keys).Count();
        if (delivered.Count != digests || duplicates > 0 || lost > 0 || strangers > 0)
        {
            throw new BenchmarkFailedException($"{label}: {delivered.Count} answered 200 for {digests} digests; conversations with one too many {duplicates}, with one missing {lost}, unexpected {strangers}");
        }
        if (delivered.Any(r => !r.CarriedCard))
        {
            throw new BenchmarkFailedException($"{label}: a delivered message carried no Adaptive Card");
        }
        var refused = requests.Count(r => r.Status == HttpStatusCode.TooManyRequests);
        if (test.Throttled > 0 && refused == 0)
        {
            throw new BenchmarkFailedException($"{label}: the connector refused nothing, so the run measured no throttling");
        }
        if (requests.Count != digests + refused)
        {
            throw new BenchmarkFailedException($"{label}: {requests.Count} requests for {digests} deliveries and {refused} refusals");
        }
        var gaps = requests.GroupBy(r => r.Conversation).SelectMany(c =>
        {
            var times = c.Select(r => r.At).Order().ToList();
            return times.Skip(1).Select((t, i) => (Conversation: c.Key, Gap: t - times[i]));
        }).ToList();
        var all = requests.Select(r => r.At).Order().ToList();
        var busiest = all.Select((at, i) => all.Skip(i).TakeWhile(t => t < at + TimeSpan.FromSeconds(1)).Count()).DefaultIfEmpty().Max();
        if (test.SecondDigestEvery > 0)
        {
            // Two digests to one person leave the pacer exactly a second apart (checked there); what the connector
            // sees adds the jitter of the outbox write and the HTTP pipeline after the pacer, and is printed.
            return new CaseResult(delivered[0].At, delivered[^1].At, wall, refused, busiest,
                gaps.Count > 0 ? gaps.Min(g => g.Gap) : null, gaps.Count, gaps.Count(g => g.Gap < TimeSpan.FromSeconds(1)));
        }
        if (gaps.FirstOrDefault(g => g.Gap < TimeSpan.FromSeconds(1) - Jitter) is { Conversation: not null } close)
        {
            throw new BenchmarkFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{label}: two requests to {close.Conversation} {close.Gap.TotalMilliseconds:F0} ms apart"));
        }
        return new CaseResult(delivered[0].At, delivered[^1].At, wall, refused, busiest);
    }

    /// <summary>Never two departures to one conversation closer than the configured interval, where the pacer lets them go.</summary>
    private static void CheckPacer(List<(string Conversation, DateTimeOffset At)> departures, TimeSpan interval, Case test)
    {
        foreach (var conversation in departures.GroupBy(d => d.Conversation))
        {
            var times = conversation.Select(d => d.At).Order().ToList();
            for (var i = 1; i < times.Count; i++)
            {
                if (times[i] - times[i - 1] < interval - TimerSlack)
                {
                    throw new BenchmarkFailedException(string.Create(CultureInfo.InvariantCulture,
                        $"{test.Note}: the pacer let two messages to {conversation.Key} go {(times[i] - times[i - 1]).TotalMilliseconds:F0} ms apart"));
                }
            }
        }
    }

    /// <summary>
    /// A migrated ledger with one overdue task, and people who each opened the bot in their own conversation and have an
    /// overdue digest pending in the outbox (every <paramref name="secondEvery"/>th a due-soon one too, planned right
    /// after it), <paramref name="digests"/> in all; returns how many digests each conversation is due.
    /// </summary>
    private static async Task<Dictionary<string, int>> PlanAsync(DatabaseOptions database, string serviceUrl, int digests, int secondEvery,
        CancellationToken cancellationToken)
    {
        using var connections = new ConnectionFactory(database);
        await new MigrationRunner(connections, TimeProvider.System).MigrateAsync(cancellationToken);
        var due = new DateOnly(2026, 11, 20);
        var draft = new LedgerDraft(new InspectionDraft("投递基准测试"),
            [new TaskDraft(2, "1-1-1", "方面一", "问题一", "整改措施一", "领导01", "部门001", [], ["责任人0001"], TimeLimit.On(due), "2026-11-20",
                RectificationStatus.InProgress, 50)]);
        var written = await new LedgerImportWriter(connections, LedgerCalendar.ChinaStandardTime).WriteAsync(draft, Actor.System("benchmark"), Start.AddDays(-1), cancellationToken);
        var task = written.Succeeded ? await new LedgerQueries(connections).FindByCodeAsync("1-1-1", cancellationToken) : null;
        if (task is null)
        {
            throw new BenchmarkFailedException("delivery: the one-task ledger could not be written: " + string.Join("; ", written.Errors));
        }
        var people = new PeopleRepository(connections, TimeProvider.System);
        var references = new ConversationReferences(connections);
        var slotDate = new DateOnly(2026, 11, 27);
        var payload = new ReminderPayload([new ReminderItem(task.Task.Id, "1-1-1", "整改措施一", due, -7, 5, 1)], []).ToJson();
        var entries = new List<OutboxEntry>(digests);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; entries.Count < digests; i++)
        {
            var id = await people.AddAsync(new NewPerson($"收件人{i:0000}"), cancellationToken);
            var conversation = $"a:delivery-{i:0000}";
            await references.SaveAsync(Reference(id, conversation, serviceUrl), cancellationToken);
            entries.Add(new OutboxEntry($"{id}/overdue/{slotDate:yyyy-MM-dd}", id, "overdue", slotDate, Start, true, payload));
            expected[conversation] = 1;
            if (secondEvery > 0 && i % secondEvery == 0 && entries.Count < digests)
            {
                entries.Add(new OutboxEntry($"{id}/due_soon/{slotDate:yyyy-MM-dd}", id, "due_soon", slotDate, Start, true, payload));
                expected[conversation] = 2;
            }
        }
        var planned = await new ReminderOutbox(connections).PlanAsync(entries, Start, cancellationToken);
        return planned == digests ? expected : throw new BenchmarkFailedException($"delivery: {planned} of {digests} digests planned into the outbox");
    }

    private static StoredReference Reference(long personId, string conversation, string serviceUrl)
    {
        var json = new JObject
        {
            ["user"] = new JObject { ["id"] = $"29:user-{personId}" },
            ["bot"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["locale"] = "zh-CN",
        };
        return new StoredReference($"29:user-{personId}", conversation, null, personId, true, serviceUrl, "tenant-1", "msteams", "28:bot",
            json.ToString(), Start.AddDays(-10));
    }

    /// <summary>The reminder pipeline as the host wires it, behind the bot's own CloudAdapter with no app id (no token, as on a developer's loopback).</summary>
    private static ServiceProvider Services(DatabaseOptions database, IConfiguration configuration) => new ServiceCollection()
        .AddSingleton(configuration)
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Error))
        .AddHttpClient()
        .AddLedger()
        .Configure<DatabaseOptions>(o =>
        {
            o.Provider = database.Provider;
            o.ConnectionString = database.ConnectionString;
        })
        .AddSingleton(TimeProvider.System)
        .AddSingleton<IStorage>(sp => new LedgerStorage(new StateStore(sp.GetRequiredService<ConnectionFactory>(), TimeProvider.System)))
        .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
        .AddSingleton<TurnErrorHandler>()
        .AddSingleton<BotAdapter>(sp => new RectificationAdapter(
            new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()),
            new TenantFilter(Options.Create(new TeamsOptions()), configuration, sp.GetRequiredService<TenantBinding>(), NullLogger<TenantFilter>.Instance),
            sp.GetRequiredService<TurnErrorHandler>(), NullLogger<RectificationAdapter>.Instance))
        .AddReminders()
        .BuildServiceProvider();
}
