using System.Collections.Concurrent;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Data.State;
using Rectification.Tests.Data;
using Rectification.Tests.Http;

namespace Rectification.Tests.Reminders;

/// <summary>
/// The real proactive sender behind the dispatcher, through CloudAdapter to a fake Bot Connector that answers 429
/// (with and without Retry-After), 502 and 403/404, chosen by a seeded random. Time is simulated: every wait (rate
/// limit, backoff) moves the fake clock forward by exactly its length, so the test takes no real time.
/// </summary>
public abstract class ReminderDeliveryTests : IAsyncLifetime
{
    private const int People = 20;
    private const int PerSecond = 5;

    /// <summary>Saturday 28 Nov 2026, 10:00 in Asia/Shanghai: the policy plans nothing, only the seeded rows go out.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeConnector _connector = new();
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        _connector.Dispose();
        await _database.DisposeAsync();
    }

    private enum Plan
    {
        Deliverable,
        Forbidden,
        NotFound,
    }

    [Fact]
    public async Task Every_deliverable_reminder_arrives_once_undeliverable_ones_are_recorded_and_the_rate_limit_holds()
    {
        var time = new SteppingTime(Start);
        var random = new Random(20261128);
        await TestLedger.LoadAsync(_database);
        var peopleRepository = new PeopleRepository(_database.Connections, TimeProvider.System);
        var references = new ConversationReferences(_database.Connections);
        var task = (await new Rectification.Data.Ledger.LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        var plans = new Dictionary<string, (long PersonId, Plan Plan, Queue<HttpResponseMessage> Faults)>();
        var entries = new List<OutboxEntry>();
        for (var i = 0; i < People; i++)
        {
            var id = await peopleRepository.AddAsync(new NewPerson($"收件人{i}"));
            var conversation = $"a:conversation-{i}";
            await references.SaveAsync(Reference(id, conversation));
            var plan = (i % 10) switch
            {
                3 => Plan.Forbidden,
                7 when i < 10 => Plan.NotFound,
                _ => Plan.Deliverable,
            };
            var faults = new Queue<HttpResponseMessage>();
            for (var f = random.Next(0, 4); f > 0; f--)
            {
                faults.Enqueue(random.Next(3) switch
                {
                    0 => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "3" } } },
                    1 => new HttpResponseMessage(HttpStatusCode.TooManyRequests),
                    _ => new HttpResponseMessage(HttpStatusCode.BadGateway),
                });
            }
            plans[Uri.EscapeDataString(conversation)] = (id, plan, faults);
            var payload = new ReminderPayload([new ReminderItem(task.Task.Id, "1-1-1", "措施一", task.Task.DueDate, -8, 6, 30)], []).ToJson();
            entries.Add(new OutboxEntry($"{id}/overdue/2026-11-27", id, "overdue", new DateOnly(2026, 11, 27), Start, true, payload));
        }
        await new ReminderOutbox(_database.Connections).PlanAsync(entries, Start);

        var requests = new ConcurrentQueue<(string Conversation, DateTimeOffset At, HttpStatusCode Status, TimeSpan? RetryAfter)>();
        _connector.FaultResponse = request =>
        {
            var conversation = request.RequestUri!.AbsolutePath.Split('/')[3];
            var (_, plan, faults) = plans[conversation];
            var response = plan switch
            {
                Plan.Forbidden => new HttpResponseMessage(HttpStatusCode.Forbidden),
                Plan.NotFound => new HttpResponseMessage(HttpStatusCode.NotFound),
                _ => faults.TryDequeue(out var fault) ? fault : null,
            };
            requests.Enqueue((conversation, time.GetUtcNow(), response?.StatusCode ?? HttpStatusCode.OK, response?.Headers.RetryAfter?.Delta));
            return response;
        };

        await using var services = Services(time);
        var result = await services.GetRequiredService<ReminderDispatcher>().RunAsync(Start, CancellationToken.None);

        var deliverable = plans.Where(p => p.Value.Plan == Plan.Deliverable).ToList();
        Assert.Equal((deliverable.Count, People - deliverable.Count, 0), (result.Sent, result.Failed, result.Unknown));
        // Exactly one card reached each deliverable conversation; none reached the others.
        var arrived = _connector.Sent.GroupBy(s => s.Path.Split('/')[3]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(deliverable.Select(d => d.Key).Order(), arrived.Keys.Order());
        Assert.All(arrived.Values, count => Assert.Equal(1, count));
        Assert.Contains(requests, r => r.Status == HttpStatusCode.TooManyRequests && r.RetryAfter is not null);
        Assert.Contains(requests, r => r.Status == HttpStatusCode.TooManyRequests && r.RetryAfter is null);
        Assert.Contains(requests, r => r.Status == HttpStatusCode.BadGateway);

        // Undeliverable people are recorded: their rows failed, and they no longer count as reachable.
        var rows = await new ReminderOutbox(_database.Connections).ListAsync();
        var undeliverable = plans.Values.Where(p => p.Plan != Plan.Deliverable).Select(p => p.PersonId).ToHashSet();
        Assert.All(rows, r => Assert.Equal(undeliverable.Contains(r.PersonId) ? OutboxState.Failed : OutboxState.Sent, r.State));
        Assert.All(rows.Where(r => undeliverable.Contains(r.PersonId)), r => Assert.Equal(1, r.Attempts));
        var snapshot = await new ReminderSnapshotQueries(_database.Connections).ReadAsync(new DateOnly(2026, 11, 1));
        Assert.All(snapshot.People.Where(p => undeliverable.Contains(p.Id)), p => Assert.False(p.HasConversationReference));
        Assert.Equal(undeliverable.Count, (await new ReminderOutbox(_database.Connections).FailedAsync(new DateOnly(2026, 11, 1))).Count);

        // The rate limit: one request per conversation per second, at most PerSecond app-wide in any second, and
        // Teams' Retry-After waited out before the conversation's next request.
        var ordered = requests.OrderBy(r => r.At).ToList();
        foreach (var conversation in ordered.GroupBy(r => r.Conversation))
        {
            var list = conversation.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].At - list[i - 1].At >= TimeSpan.FromSeconds(1), $"{conversation.Key}: {list[i - 1].At:O} then {list[i].At:O}");
                if (list[i - 1].RetryAfter is { } wait)
                {
                    Assert.True(list[i].At - list[i - 1].At >= wait, $"{conversation.Key} retried before Retry-After");
                }
            }
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            Assert.True(ordered.Count(r => r.At >= ordered[i].At && r.At < ordered[i].At.AddSeconds(1)) <= PerSecond, $"more than {PerSecond} requests in the second from {ordered[i].At:O}");
        }
    }

    private ServiceProvider Services(FakeTimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:Delivery:MessagesPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // One send at a time: the stepping clock advances by every wait, so concurrent waits would blur the instants
            // this test checks. Concurrency is checked on the real clock in ReminderThroughputTests.
            ["Reminders:Delivery:MaxConcurrentSends"] = "1",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddLedger()
            .Configure<DatabaseOptions>(o =>
            {
                o.Provider = _database.Options.Provider;
                o.ConnectionString = _database.Options.ConnectionString;
            })
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IStorage>(sp => new LedgerStorage(new StateStore(sp.GetRequiredService<ConnectionFactory>(), time)))
            .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
            .AddSingleton<TurnErrorHandler>()
            // The bot's own adapter, with its OnTurnError: a failed send must still reach the sender as an exception.
            .AddSingleton<BotAdapter>(sp => new RectificationAdapter(
                new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: _connector),
                new TenantFilter(Options.Create(new TeamsOptions()), configuration, sp.GetRequiredService<Rectification.Data.Trust.TenantBinding>(), NullLogger<TenantFilter>.Instance), sp.GetRequiredService<TurnErrorHandler>(),
                NullLogger<RectificationAdapter>.Instance))
            .AddReminders()
            .BuildServiceProvider();
    }

    private static StoredReference Reference(long personId, string conversation)
    {
        var json = new JObject
        {
            ["user"] = new JObject { ["id"] = $"29:user-{personId}" },
            ["bot"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelId"] = "msteams",
            ["serviceUrl"] = FakeConnector.ServiceUrl,
            ["locale"] = "zh-CN",
        };
        return new StoredReference($"29:user-{personId}", conversation, null, personId, true, FakeConnector.ServiceUrl, "tenant-1", "msteams", "28:bot",
            json.ToString(), Start.AddDays(-10));
    }

    /// <summary>A fake clock that moves forward by exactly the length of each wait someone starts on it.</summary>
    private sealed class SteppingTime(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
            }
            return timer;
        }
    }
}

public sealed class SqliteReminderDeliveryTests : ReminderDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReminderDeliveryTests : ReminderDeliveryTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
