using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Tests.Data;

namespace Rectification.Tests.Reminders;

/// <summary>
/// kill -9 in the middle of a batch, for real: <c>reminders run</c> runs as a child process (the bot's own dll) against
/// a fake Bot Connector on loopback that holds one request unanswered; the test kills the process while that request
/// is open, waits out the lease, and runs a second process on the same database. Every digest must then have been
/// received exactly once, or be reported unknown (with its request having left); none may be lost or sent twice.
/// </summary>
public abstract class ReminderCrashTests : IAsyncLifetime
{
    private const int People = 24;
    private const int KillOnRequest = 3;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Saturday 28 Nov 2026, 10:00 in Asia/Shanghai: the policy plans nothing, only the seeded rows go out.</summary>
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<string> _arrivals = new();
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TestDatabase _database = null!;
    private WebApplication _connector = null!;
    private string _serviceUrl = "";
    private volatile bool _holding = true;
    private int _counted;
    private string? _heldConversation;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _connector = builder.Build();
        _connector.MapPost("/v3/conversations/{**rest}", (Delegate)ReceiveAsync);
        await _connector.StartAsync();
        _serviceUrl = _connector.Urls.Single() + "/";
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>The Bot Connector's "send to conversation": answers after a short while, except the request it is told to hold.</summary>
    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var conversation = Uri.UnescapeDataString(context.Request.Path.Value!.Split('/')[3]);
        _arrivals.Enqueue(conversation);
        if (_holding && Interlocked.Increment(ref _counted) == KillOnRequest)
        {
            _heldConversation = conversation;
            _held.TrySetResult();
            await _release.Task;
        }
        await Task.Delay(50);
        return Results.Json(new { id = "reply-" + Guid.NewGuid().ToString("N") });
    }

    [Fact]
    public async Task After_kill_9_mid_batch_every_digest_arrives_exactly_once_or_is_reported_unknown_and_none_is_lost()
    {
        await TestLedger.LoadAsync(_database);
        var task = (await new Rectification.Data.Ledger.LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        var peopleRepository = new PeopleRepository(_database.Connections, TimeProvider.System);
        var references = new ConversationReferences(_database.Connections);
        var conversations = new Dictionary<long, string>();
        var entries = new List<OutboxEntry>();
        for (var i = 0; i < People; i++)
        {
            var id = await peopleRepository.AddAsync(new NewPerson($"收件人{i}"));
            var conversation = $"a:crash-{i}";
            conversations[id] = conversation;
            await references.SaveAsync(Reference(id, conversation));
            var payload = new ReminderPayload([new ReminderItem(task.Task.Id, "1-1-1", "措施一", task.Task.DueDate, -8, 6, 30)], []).ToJson();
            entries.Add(new OutboxEntry($"{id}/overdue/2026-11-27", id, "overdue", new DateOnly(2026, 11, 27), Start, true, payload));
        }
        var outbox = new ReminderOutbox(_database.Connections);
        Assert.Equal(People, await outbox.PlanAsync(entries, Start));

        // The first process: killed while the connector holds one of its requests open.
        using (var first = StartRun())
        {
            var held = await Task.WhenAny(_held.Task, first.WaitForExitAsync(), Task.Delay(Patience));
            if (held != _held.Task)
            {
                Assert.Fail("the first run never reached the held request: " + await first.StandardOutput.ReadToEndAsync());
            }
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        var killedAt = DateTimeOffset.UtcNow;
        _holding = false;
        _release.TrySetResult();
        var arrivedBeforeKill = _arrivals.Count;

        var afterKill = await outbox.ListAsync();
        Assert.Contains(afterKill, r => r.State == OutboxState.Sending && r.SendStartedAt is null);
        Assert.Contains(afterKill, r => r.State == OutboxState.Sending && r.SendStartedAt is not null);
        var leaseEnds = afterKill.Where(r => r.LeaseUntil is not null).Max(r => r.LeaseUntil!.Value);
        var wait = leaseEnds - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // The second process picks up what the first left behind.
        using var second = StartRun();
        var standardOutput = await second.StandardOutput.ReadToEndAsync();
        await second.WaitForExitAsync().WaitAsync(Patience);
        // A run that needs attention exits 1 and says so on standard error: read both streams.
        string output;
        lock (_errors)
        {
            output = standardOutput + _errors;
        }

        var rows = await outbox.ListAsync();
        var arrivals = _arrivals.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(rows, r => Assert.True(r.State is OutboxState.Sent or OutboxState.Unknown, $"{r.SlotKey} is {r.State}: {r.LastError}"));
        // Never twice; a sent row arrived exactly once; an unknown row is one whose request had left.
        Assert.All(arrivals, a => Assert.Equal(1, a.Value));
        Assert.All(rows.Where(r => r.State == OutboxState.Sent), r => Assert.True(arrivals.ContainsKey(conversations[r.PersonId]), $"{r.SlotKey} sent but never arrived"));
        var unknown = rows.Where(r => r.State == OutboxState.Unknown).ToList();
        Assert.InRange(unknown.Count, 1, 10);
        Assert.All(unknown, r => Assert.Equal((ReminderOutbox.InterruptedReason, true), (r.LastError, r.SendStartedAt is not null)));
        Assert.Contains(unknown, r => conversations[r.PersonId] == _heldConversation);
        // The rows the first process had claimed but not started were sent by the second, once.
        var requeued = rows.Where(r => r.Attempts == 2).ToList();
        Assert.NotEmpty(requeued);
        Assert.All(requeued, r => Assert.Equal(OutboxState.Sent, r.State));
        Assert.True(arrivedBeforeKill < _arrivals.Count);

        // The run reports what happened, and asks for attention through its exit code.
        Assert.Equal(1, second.ExitCode);
        var text = UiText.For("en-US");
        Assert.Contains(text.RemindersRequeuedNote(requeued.Count), output, StringComparison.Ordinal);
        Assert.Contains(text.RemindersUnknownWarning(0, unknown.Count), output, StringComparison.Ordinal);
        var sentBySecond = rows.Count(r => r.State == OutboxState.Sent && r.SentAt > killedAt);
        Assert.Contains(text.RemindersRunSummary(new ReminderRunResult(0, 0, sentBySecond, 0, 0, 0, 0, requeued.Count, unknown.Count)), output,
            StringComparison.Ordinal);
    }

    private readonly System.Text.StringBuilder _errors = new();

    private Process StartRun()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Rectification.Bot.dll"));
        foreach (var argument in new[] { "reminders", "run", "--at", Start.ToString("O", CultureInfo.InvariantCulture), "--lang", "en-US" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = _database.Options.Provider.ToString();
        start.Environment["Database__ConnectionString"] = _database.Options.ConnectionString;
        start.Environment["Reminders__Delivery__MessagesPerSecond"] = "5";
        start.Environment["Reminders__Delivery__BatchSize"] = "10";
        start.Environment["Reminders__Delivery__MaxConcurrentSends"] = "3";
        start.Environment["Reminders__Delivery__Lease"] = Lease.ToString("c", CultureInfo.InvariantCulture);
        start.Environment["MicrosoftAppId"] = "";
        start.Environment["MicrosoftAppPassword"] = "";
        var process = Process.Start(start)!;
        // Drained so a chatty child never blocks on a full pipe.
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
            {
                _errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    private StoredReference Reference(long personId, string conversation)
    {
        var json = new JObject
        {
            ["user"] = new JObject { ["id"] = $"29:user-{personId}" },
            ["bot"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["channelId"] = "msteams",
            ["serviceUrl"] = _serviceUrl,
            ["locale"] = "en-US",
        };
        return new StoredReference($"29:user-{personId}", conversation, null, personId, true, _serviceUrl, "tenant-1", "msteams", "28:bot",
            json.ToString(), Start.AddDays(-10));
    }
}

public sealed class SqliteReminderCrashTests : ReminderCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReminderCrashTests : ReminderCrashTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
