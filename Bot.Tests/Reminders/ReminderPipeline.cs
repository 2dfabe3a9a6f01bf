using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Rectification.Bot.Conversation;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Tests.Data;

namespace Rectification.Tests.Reminders;

/// <summary>
/// The bot's reminder services as the host registers them (AddLedger + AddReminders), over a real SQLite file, on
/// a fake clock, with a recording channel in place of Teams. Restart builds new instances over the same file.
/// </summary>
internal sealed class ReminderPipeline : IAsyncDisposable
{
    private ServiceProvider _services;

    private ReminderPipeline(TestDatabase database, FakeTimeProvider time, RecordingChannel channel)
    {
        Database = database;
        Time = time;
        Channel = channel;
        _services = Build();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public RecordingChannel Channel { get; }

    public static async Task<ReminderPipeline> StartAsync(TestDatabase database, DateTimeOffset start)
    {
        var pipeline = new ReminderPipeline(database, new FakeTimeProvider(start), new RecordingChannel());
        pipeline.Channel.Time = pipeline.Time;
        await pipeline.Get<DatabaseStartup>().RunAsync(seedDemo: false, CancellationToken.None);
        return pipeline;
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A new process over the same database: new scheduler, dispatcher, outbox and policy instances.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    /// <summary>Moves the clock to <paramref name="at"/> and lets the scheduler tick, as its timer would.</summary>
    public async Task<ReminderRunResult?> TickAtAsync(DateTimeOffset at)
    {
        Time.AdjustTime(at);
        return await Get<ReminderScheduler>().TickAsync(CancellationToken.None);
    }

    private ServiceProvider Build() => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddLedger()
        .Configure<DatabaseOptions>(o =>
        {
            o.Provider = Database.Options.Provider;
            o.ConnectionString = Database.Options.ConnectionString;
        })
        .AddSingleton<TimeProvider>(Time)
        .AddReminders()
        .AddSingleton<IReminderChannel>(Channel)
        .BuildServiceProvider();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>One digest as it reached a person: when, the slot key, and the item codes of its buttons.</summary>
internal sealed record Received(DateTimeOffset At, long PersonId, string SlotKey, IReadOnlyList<string> Codes, string Json)
{
    public SlotKeyParts Slot => SlotKeyParts.TryParse(SlotKey)!;

    public override string ToString() => $"{Slot.Date:yyyy-MM-dd} {PersonId} {Slot.Kind.ToCode()} {string.Join(",", Codes)}";
}

/// <summary>Stands in for Teams behind the channel seam: records every digest; can be told to defer one person's next send.</summary>
internal sealed class RecordingChannel : IReminderChannel
{
    public FakeTimeProvider Time { get; set; } = null!;

    public ConcurrentQueue<Received> Received { get; } = new();

    public ConcurrentDictionary<long, DeliveryResult> NextResult { get; } = new();

    public Task<string?> LocaleAsync(long personId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<DeliveryResult> DeliverAsync(long personId, IReadOnlyList<Reply> replies, Func<CancellationToken, Task<bool>> starting,
        CancellationToken cancellationToken)
    {
        if (NextResult.TryRemove(personId, out var result))
        {
            return result;
        }
        if (!await starting(cancellationToken))
        {
            return new DeliveryResult(DeliveryOutcome.Deferred, Error: "not started");
        }
        foreach (var card in replies.OfType<Reply.Card>())
        {
            var buttons = JsonNode.Parse(card.Json)!.AsObject().Descendants().Where(n => n["type"]?.GetValue<string>() == "Action.Submit").Select(n => n["data"]!).ToList();
            var slot = buttons.Single(b => b["action"]!.GetValue<string>() == "reminder_ack")["slot"]!.GetValue<string>();
            // An item's first button: progress for the officers' digests, 巩固良好 for the 回头看 digest.
            var codes = buttons.Where(b => b["action"]!.GetValue<string>() is "progress_start" or "recheck_ok").Select(b => b["code"]!.GetValue<string>()).ToList();
            Received.Enqueue(new Received(Time.GetUtcNow(), personId, slot, codes, card.Json));
        }
        return DeliveryResult.Sent;
    }
}

internal static class JsonNodeWalk
{
    public static IEnumerable<JsonObject> Descendants(this JsonNode node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.Select(p => p.Value).Where(v => v is not null))
            {
                foreach (var d in child!.Descendants())
                {
                    yield return d;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var d in array.Where(v => v is not null).SelectMany(v => v!.Descendants()))
            {
                yield return d;
            }
        }
    }

    public static string Day(this DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
