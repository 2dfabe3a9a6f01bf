using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Data.State;
using Rectification.Tests.Data;

namespace Rectification.Tests.Reminders;

/// <summary>
/// Delivery at the configured rate, on the real clock, through the bot's adapter and proactive sender to a connector
/// that answers after a realistic delay and, in the second case, throttles a fifth of the requests with 429 and
/// Retry-After: 1. Sends run side by side, so the rate holds; a 429 holds only its own conversation.
/// </summary>
public sealed class ReminderThroughputTests : IAsyncLifetime
{
    private const int PerSecond = 10;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // The rate reached is the benchmark's figure (`benchmark --delivery`: 1.01-1.05 and 0.83-0.84 of the configured
    // rate), not this test's: it runs beside the rest of the suite on a 2-core CI machine, where late timer wake-ups
    // cost rate (6.4 of 10 a second was seen). Its floors only tell the design from a broken one: a dispatcher sending
    // one at a time, whose every Retry-After stalls all conversations, reaches about 0.2 in the throttled case.
    [Theory]
    [InlineData(0.0, 0.4, 40)]
    [InlineData(0.2, 0.4, 120)]
    public async Task Digests_go_out_at_the_configured_rate_each_once_and_never_faster_than_one_a_second_per_conversation(double throttled, double target, int people)
    {
        await TestLedger.LoadAsync(_database);
        var task = (await new Rectification.Data.Ledger.LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        var repository = new PeopleRepository(_database.Connections, TimeProvider.System);
        var references = new ConversationReferences(_database.Connections);
        var entries = new List<OutboxEntry>();
        for (var i = 0; i < people; i++)
        {
            var id = await repository.AddAsync(new NewPerson($"收件人{i}"));
            await references.SaveAsync(Reference(id, $"a:rate-{i}"));
            var payload = new ReminderPayload([new ReminderItem(task.Task.Id, "1-1-1", "措施一", task.Task.DueDate, -8, 6, 30)], []).ToJson();
            entries.Add(new OutboxEntry($"{id}/overdue/2026-11-27", id, "overdue", new DateOnly(2026, 11, 27), Start, true, payload));
        }
        await new ReminderOutbox(_database.Connections).PlanAsync(entries, Start);
        using var connector = new ThrottlingConnector(throttled, seed: 42);

        await using var services = Services(connector);
        var result = await services.GetRequiredService<ReminderDispatcher>().RunAsync(Start, CancellationToken.None);

        Assert.Equal((people, 0, 0), (result.Sent, result.Failed, result.Unknown));
        var delivered = connector.Requests.Where(r => r.Status == HttpStatusCode.OK).OrderBy(r => r.At).ToList();
        Assert.Equal(people, delivered.Count);
        Assert.Equal(people, delivered.Select(r => r.Conversation).Distinct().Count());
        if (throttled > 0)
        {
            Assert.Contains(connector.Requests, r => r.Status == HttpStatusCode.TooManyRequests);
        }
        var rate = (delivered.Count - 1) / (delivered[^1].At - delivered[0].At).TotalSeconds;
        Assert.True(rate >= target * PerSecond, $"{rate:F1} messages/s against {PerSecond} configured");

        // Measured where the connector receives them, so allow for a few milliseconds of jitter on the way.
        var all = connector.Requests.OrderBy(r => r.At).ToList();
        foreach (var conversation in all.GroupBy(r => r.Conversation))
        {
            var list = conversation.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].At - list[i - 1].At >= TimeSpan.FromSeconds(0.95), $"{conversation.Key}: {list[i - 1].At:O} then {list[i].At:O}");
            }
        }
        // The app-wide limit, as the connector sees it. The pacer's last gate counts real departures, but between it
        // and the wire lie a database write and Bot Framework's pipeline, whose delay a busy host stretches unevenly;
        // so the check is over two-second windows with a quarter second of slack (a burst released at a window edge). Without the limit, 16 sends
        // side by side would exceed it many times over.
        for (var i = 0; i < all.Count; i++)
        {
            Assert.True(all.Count(r => r.At >= all[i].At && r.At < all[i].At.AddSeconds(2)) <= 2 * PerSecond + (PerSecond / 4) + 2, $"too many requests in the two seconds from {all[i].At:O}: " + string.Join(" ", all.Select(r => $"{r.At:ss.fff}/{r.Conversation[^3..]}/{(int)r.Status}")));
        }
    }

    private ServiceProvider Services(ThrottlingConnector connector)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:Delivery:MessagesPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IStorage>(sp => new LedgerStorage(new StateStore(sp.GetRequiredService<ConnectionFactory>(), TimeProvider.System)))
            .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
            .AddSingleton<TurnErrorHandler>()
            .AddSingleton<BotAdapter>(sp => new RectificationAdapter(
                new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: connector),
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
            ["serviceUrl"] = ThrottlingConnector.ServiceUrl,
            ["locale"] = "zh-CN",
        };
        return new StoredReference($"29:user-{personId}", conversation, null, personId, true, ThrottlingConnector.ServiceUrl, "tenant-1", "msteams", "28:bot",
            json.ToString(), Start.AddDays(-10));
    }
}

/// <summary>
/// A Bot Connector that answers each send after 30-80 ms, and 429 (Retry-After: 1) to the given share of them, but
/// never to one conversation three times running: the sender gives up after its retries, and a digest refused every
/// time (0.2 to the fifth, over 120 conversations: a run in 25) would fail the test by chance, not by the pacer.
/// </summary>
internal sealed class ThrottlingConnector(double throttled, int seed) : HttpMessageHandler, IHttpClientFactory
{
    public const string ServiceUrl = "https://connector.test/";

    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _refusedInARow = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Conversation, DateTimeOffset At, HttpStatusCode Status)> Requests { get; } = new();

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        var conversation = request.RequestUri!.AbsolutePath.Split('/')[3];
        bool throttle;
        int delay;
        lock (_lock)
        {
            throttle = _random.NextDouble() < throttled && _refusedInARow.GetValueOrDefault(conversation) < 2;
            _refusedInARow[conversation] = throttle ? _refusedInARow.GetValueOrDefault(conversation) + 1 : 0;
            delay = _random.Next(30, 80);
        }
        await Task.Delay(delay, cancellationToken);
        if (throttle)
        {
            Requests.Enqueue((conversation, at, HttpStatusCode.TooManyRequests));
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { { "Retry-After", "1" } } };
        }
        Requests.Enqueue((conversation, at, HttpStatusCode.OK));
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(new JObject { ["id"] = Guid.NewGuid().ToString("N") }.ToString(), Encoding.UTF8, "application/json"),
        };
    }
}
