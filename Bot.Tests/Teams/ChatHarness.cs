using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Hosting;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Tests.Data;

namespace Rectification.Tests.Teams;

/// <summary>
/// The real bot (handler, engine, flows, state in the ledger database) behind Bot Framework's TestAdapter, over
/// the demo ledger in a temp SQLite file, at a fixed "now". Each user talks from their own Teams identity.
/// </summary>
public sealed class ChatHarness : IAsyncDisposable
{
    /// <summary>Friday 2026-11-27, 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public TestAdapter Adapter { get; }

    public FakeTimeProvider Time { get; }

    public List<IActivity> Updates { get; } = [];

    private ChatHarness(TestDatabase database, bool ownsDatabase, ServiceProvider services, TestAdapter adapter, FakeTimeProvider time)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _services = services;
        Adapter = adapter;
        Time = time;
    }

    public static async Task<ChatHarness> StartAsync(TestDatabase? database = null)
    {
        var owns = database is null;
        database ??= await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var time = new FakeTimeProvider(Now);
        var adapter = new TestAdapter(TestAdapter.CreateConversation("chat", "someone"));
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddLedger()
            .Configure<DatabaseOptions>(o =>
            {
                o.Provider = database.Options.Provider;
                o.ConnectionString = database.Options.ConnectionString;
            })
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IStorage, LedgerStorage>()
            .AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()))
            .AddSingleton<TurnErrorHandler>()
            .AddSingleton<BotAdapter>(adapter)
            .AddChat()
            .AddTransient<RectificationBot>()
            .BuildServiceProvider();
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().HandleAsync;
        await services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo: true, CancellationToken.None);
        var harness = new ChatHarness(database, owns, services, adapter, time);
        adapter.Use(new RecordUpdates(harness.Updates));
        adapter.Use(new UniqueActivityIds());
        return harness;
    }

    /// <summary>A started bot that these people have already opened (帮助), so their next message is not their first.</summary>
    public static async Task<ChatHarness> OpenedByAsync(params string[] people)
    {
        var harness = await StartAsync();
        foreach (var person in people)
        {
            await harness.SayAsync(person, "帮助");
        }
        return harness;
    }

    /// <summary>A second bot process over the same database: what a restart looks like.</summary>
    public Task<ChatHarness> RestartAsync() => StartAsync(_database);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IServiceProvider Services => _services;

    public LedgerQueries Queries => Get<LedgerQueries>();

    public async Task<TaskDetail> TaskAsync(string code) => (await Queries.FindByCodeAsync(code))!;

    public async Task<Person> PersonAsync(string name) => (await Get<PeopleRepository>().FindByNameAsync(name)).Single();

    /// <summary>Sends a message as the named user and returns every activity the bot sent during the turn.</summary>
    public Task<IReadOnlyList<IActivity>> SayAsync(string user, string text, string locale = "zh-CN") =>
        SendAsync(user, new Activity(ActivityTypes.Message) { Text = text, Locale = locale });

    /// <summary>Presses a card button: the message carries the button's data (and the card's inputs) as its value.</summary>
    public Task<IReadOnlyList<IActivity>> SubmitAsync(string user, object value, string? replyToId = null, string locale = "zh-CN") =>
        SendAsync(user, new Activity(ActivityTypes.Message) { Value = JObject.FromObject(value), ReplyToId = replyToId, Locale = locale });

    public async Task<IReadOnlyList<IActivity>> SendAsync(string user, Activity activity)
    {
        activity.From ??= new ChannelAccount(UserId(user), user);
        while (Adapter.ActiveQueue.Count > 0)
        {
            Adapter.ActiveQueue.Dequeue();
        }
        var bot = _services.GetRequiredService<RectificationBot>();
        await Adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<IActivity>();
        while (Adapter.ActiveQueue.Count > 0)
        {
            replies.Add(Adapter.ActiveQueue.Dequeue());
        }
        return replies;
    }

    public static string UserId(string user) => "teams-" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(user)).ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>
    /// TestAdapter numbers activities from 0 in every process, and the bot answers each activity id once: a restarted
    /// harness would look like Teams redelivering old messages.
    /// </summary>
    private sealed class UniqueActivityIds : IMiddleware
    {
        private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.Activity.Id = $"{_prefix}-{turnContext.Activity.Id}";
            return next(cancellationToken);
        }
    }

    private sealed class RecordUpdates(List<IActivity> updates) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnUpdateActivity(async (_, activity, nextUpdate) =>
            {
                updates.Add(activity);
                return await nextUpdate();
            });
            await next(cancellationToken);
        }
    }
}

public static class Replies
{
    public static string Text(this IActivity activity) => ((IMessageActivity)activity).Text ?? "";

    public static JObject? Card(this IActivity activity) =>
        ((IMessageActivity)activity).Attachments?.FirstOrDefault(a => a.ContentType == "application/vnd.microsoft.card.adaptive")?.Content as JObject;

    /// <summary>Everything a person would read in the replies: texts and every card's text blocks and fact values.</summary>
    public static string Readable(this IEnumerable<IActivity> activities) => string.Join("\n", activities.Select(a =>
        a.Card() is { } card
            ? string.Join("\n", card.SelectTokens("$..text").Concat(card.SelectTokens("$..facts[*].value")).Concat(card.SelectTokens("$..title")).Select(t => t.ToString()))
            : a.Text()));

    /// <summary>The data objects of the card's Action.Submit buttons.</summary>
    public static IReadOnlyList<JObject> Buttons(this IActivity activity) =>
        activity.Card()?.SelectTokens("$..[?(@.type == 'Action.Submit')].data").OfType<JObject>().ToList() ?? [];
}
