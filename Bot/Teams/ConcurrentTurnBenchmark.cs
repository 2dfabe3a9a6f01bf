using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Cli;
using Rectification.Bot.Hosting;
using Rectification.Data.Db;

namespace Rectification.Bot.Teams;

/// <summary>
/// Chat-turn throughput with many conversations at once, over real HTTP: a loopback host posts each turn to the
/// bot's CloudAdapter (no app id), whose replies go to a fake connector on loopback that answers at once. The
/// baseline is a bare echo bot behind the same adapter, host and connector; echo and bot phases alternate round by
/// round. Unlike <see cref="TurnBenchmark"/> (one conversation, in process), this measures what the bot costs when its
/// turns share the cores and the ledger's write lock, as on a morning when everyone answers their reminders.
/// </summary>
public sealed class ConcurrentTurnBenchmark : IAsyncDisposable
{
    private const string Text = "我的任务";

    private readonly WebApplication _host;
    private readonly LoopbackConnector _connector;
    private readonly EchoBot _echo = new();
    private int _activityIds;

    private readonly HttpClient _client = new();

    private ConcurrentTurnBenchmark(WebApplication host, LoopbackConnector connector)
    {
        _host = host;
        _connector = connector;
    }

    /// <summary>
    /// Runs <paramref name="rounds"/> rounds of <paramref name="conversations"/> conversations (officers with open tasks,
    /// each in their own personal chat) sending <paramref name="turnsEach"/> messages one after another, all
    /// conversations at once, and prints one table row. Every bot turn must answer with its task list card.
    /// </summary>
    public static async Task RunAsync(DatabaseOptions database, int conversations, int rounds, int turnsEach, TextWriter output, CancellationToken cancellationToken)
    {
        var users = await OfficersAsync(database, conversations, cancellationToken);
        if (users.Count < conversations)
        {
            throw new BenchmarkFailedException($"concurrent turns: only {users.Count} officers with open tasks for {conversations} conversations");
        }
        await using var benchmark = await StartAsync(database, cancellationToken);
        // The first turn of each person greets and links them; the timed ones are ordinary turns.
        await benchmark.PhaseAsync(users, 1, useBot: true, cancellationToken);
        await benchmark.PhaseAsync(users, 1, useBot: false, cancellationToken);
        var echo = new List<double>();
        var bot = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            echo.Add(await benchmark.PhaseAsync(users, turnsEach, useBot: false, cancellationToken));
            bot.Add(await benchmark.PhaseAsync(users, turnsEach, useBot: true, cancellationToken));
        }
        echo.Sort();
        bot.Sort();
        var (echoRate, botRate) = (echo[rounds / 2], bot[rounds / 2]);
        await output.WriteLineAsync("| measure | baseline | baseline turns/s | ours turns/s | ratio (ours / baseline) |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| chat turn \"{Text}\" over HTTP, {conversations} conversations at once ({rounds * conversations * turnsEach:N0} list cards, checked) | echo bot, same CloudAdapter, host and connector | {echoRate:F0} | {botRate:F0} | {botRate / echoRate:F2} |"));
    }

    /// <summary>All conversations at once, each sending its turns one after another; returns turns per second.</summary>
    private async Task<double> PhaseAsync(IReadOnlyList<(int Index, string Name)> users, int turnsEach, bool useBot, CancellationToken cancellationToken)
    {
        var before = _connector.Requests.Count;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAll(users.Select(async user =>
        {
            for (var i = 0; i < turnsEach; i++)
            {
                using var response = await _client.PostAsync(useBot ? "/api/messages" : "/echo/api/messages", Message(user.Index, user.Name), cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new BenchmarkFailedException($"concurrent turns: a {(useBot ? "bot" : "echo")} turn was answered {(int)response.StatusCode}");
                }
            }
        }));
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        var replies = _connector.Requests.Skip(before).ToList();
        var turns = users.Count * turnsEach;
        // The echo answers each turn with its text; the bot with a task list card, in every conversation.
        var answered = useBot
            ? replies.Where(r => r.CarriedCard && r.Status == HttpStatusCode.OK).GroupBy(r => r.Conversation).Count(g => g.Count() >= turnsEach) == users.Count
            : replies.Count == turns && replies.All(r => !r.CarriedCard && r.Status == HttpStatusCode.OK);
        if (!answered)
        {
            throw new BenchmarkFailedException($"concurrent turns: {(useBot ? "bot" : "echo")} phase of {turns} turns got {replies.Count} replies, {replies.Count(r => r.CarriedCard)} with a card");
        }
        return turns / elapsed;
    }

    private StringContent Message(int index, string name)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = $"bench-{Interlocked.Increment(ref _activityIds)}",
            ["text"] = Text,
            ["locale"] = "zh-CN",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = $"29:bench-{index}", ["name"] = name, ["aadObjectId"] = $"00000000-0000-0000-0000-{index:000000000000}" },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "整改台账助手" },
            ["conversation"] = new JObject { ["id"] = $"a:turns-{index}", ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
        };
        return new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
    }

    private const string OpenTaskOfficers = """
        SELECT p.id AS "Index", p.name AS "Name" FROM people p
        WHERE EXISTS (SELECT 1 FROM task_officers o JOIN tasks t ON t.id = o.task_id WHERE o.person_id = p.id AND t.status IN ('not_started', 'in_progress'))
          AND (SELECT count(*) FROM people q WHERE q.name = p.name) = 1
        ORDER BY p.id
        LIMIT @Limit
        """;

    private static async Task<List<(int Index, string Name)>> OfficersAsync(DatabaseOptions database, int limit, CancellationToken cancellationToken)
    {
        using var connections = new ConnectionFactory(database);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Index, string Name)>(new CommandDefinition(OpenTaskOfficers, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => ((int)r.Index, r.Name))];
    }

    private static async Task<ConcurrentTurnBenchmark> StartAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        var connector = await LoopbackConnector.StartAsync(0, 1, (0, 0), cancellationToken);
        // No app id: requests carry no token and replies fetch none, as on a developer's loopback; people are matched
        // by display name on their first turn and by object id after.
        var configuration = new ConfigurationBuilder().Build();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Error))
            .AddBotFrameworkAuthentication(configuration)
            .AddLedger()
            .Configure<DatabaseOptions>(o =>
            {
                o.Provider = database.Provider;
                o.ConnectionString = database.ConnectionString;
            })
            .AddSingleton(TimeProvider.System)
            .AddSingleton<TenantFilter>()
            .AddSingleton<IStorage, LedgerStorage>()
            .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
            .AddSingleton<TurnErrorHandler>()
            .AddSingleton<RectificationAdapter>()
            .AddSingleton<BotAdapter>(sp => sp.GetRequiredService<RectificationAdapter>())
            .AddChat()
            .AddTransient<RectificationBot>();
        var host = builder.Build();
        var adapter = host.Services.GetRequiredService<RectificationAdapter>();
        var benchmark = new ConcurrentTurnBenchmark(host, connector);
        host.Run(context => context.Request.Path.StartsWithSegments("/echo", StringComparison.Ordinal)
            ? adapter.ProcessAsync(context.Request, context.Response, benchmark._echo, context.RequestAborted)
            : adapter.ProcessAsync(context.Request, context.Response, context.RequestServices.GetRequiredService<RectificationBot>(), context.RequestAborted));
        await host.StartAsync(cancellationToken);
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the loopback host has no address");
        benchmark._client.BaseAddress = new Uri(address);
        return benchmark;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }
}
