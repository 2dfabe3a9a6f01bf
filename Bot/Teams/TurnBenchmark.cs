using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Rectification.Bot.Hosting;
using Rectification.Data.Db;

namespace Rectification.Bot.Teams;

/// <summary>
/// Chat turns of the real bot (handler, identity, engine, state in the ledger) against an echo bot, both behind the
/// same in-process adapter and host, interleaved round by round: the ratio is what the bot adds to a bare turn.
/// Lives here because it drives Bot Framework types; the benchmark verb calls it with plain values.
/// </summary>
public sealed class TurnBenchmark : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestAdapter _adapter;
    private readonly EchoBot _echo = new();

    public TurnBenchmark(DatabaseOptions database, TimeProvider time)
    {
        _adapter = new TestAdapter(TestAdapter.CreateConversation("benchmark", "bench"));
        _services = new ServiceCollection()
            // No app id: as on a developer's loopback, people are matched by display name.
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddLedger()
            .Configure<DatabaseOptions>(o =>
            {
                o.Provider = database.Provider;
                o.ConnectionString = database.ConnectionString;
            })
            .AddSingleton(time)
            .AddSingleton<IStorage, LedgerStorage>()
            .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
            .AddSingleton<TurnErrorHandler>()
            .AddSingleton<BotAdapter>(_adapter)
            .AddChat()
            .AddTransient<RectificationBot>()
            .BuildServiceProvider();
        _adapter.OnTurnError = _services.GetRequiredService<TurnErrorHandler>().HandleAsync;
    }

    /// <summary>The bot's connection factory: the benchmark counts connections per turn with it.</summary>
    public ConnectionFactory Connections => _services.GetRequiredService<ConnectionFactory>();

    /// <summary>One turn of the real bot; returns the replies' text and card JSON, for the caller to check.</summary>
    public Task<IReadOnlyList<string>> BotTurnAsync(string userName, string text, CancellationToken cancellationToken) =>
        TurnAsync(userName, text, _services.GetRequiredService<RectificationBot>().OnTurnAsync, cancellationToken);

    public Task<IReadOnlyList<string>> EchoTurnAsync(string userName, string text, CancellationToken cancellationToken) =>
        TurnAsync(userName, text, _echo.OnTurnAsync, cancellationToken);

    private async Task<IReadOnlyList<string>> TurnAsync(string userName, string text, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        while (_adapter.ActiveQueue.Count > 0)
        {
            _adapter.ActiveQueue.Dequeue();
        }
        var activity = new Activity(ActivityTypes.Message)
        {
            Text = text,
            Locale = "zh-CN",
            From = new ChannelAccount("bench-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(userName)).ToLowerInvariant(), userName),
        };
        await _adapter.ProcessActivityAsync(activity, bot, cancellationToken);
        var replies = new List<string>();
        while (_adapter.ActiveQueue.Count > 0)
        {
            var reply = (IMessageActivity)_adapter.ActiveQueue.Dequeue();
            replies.Add((reply.Text ?? "") + string.Concat(reply.Attachments?.Select(a => a.Content?.ToString()) ?? []));
        }
        return replies;
    }

    /// <summary>Median milliseconds per turn of each, interleaved over rounds; check says whether a turn did its work.</summary>
    public async Task<(double Echo, double Bot)> CompareAsync(string userName, string text, int rounds, int turnsPerRound,
        Func<IReadOnlyList<string>, bool> check, CancellationToken cancellationToken)
    {
        var echo = new List<double>();
        var bot = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < turnsPerRound; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var echoed = await EchoTurnAsync(userName, text, cancellationToken);
                echo.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (echoed is not [var said] || said != text)
                {
                    throw new InvalidOperationException("the echo bot did not echo");
                }
                start = Stopwatch.GetTimestamp();
                var answered = await BotTurnAsync(userName, text, cancellationToken);
                bot.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!check(answered))
                {
                    throw new InvalidOperationException($"the bot's turn did not do its work: {string.Join(" | ", answered).Replace('\n', ' ')[..Math.Min(200, string.Join(" | ", answered).Length)]}");
                }
            }
        }
        return (Median(echo), Median(bot));
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken);
    }
}
