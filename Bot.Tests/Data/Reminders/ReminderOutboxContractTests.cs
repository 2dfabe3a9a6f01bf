using System.Collections.Concurrent;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Data.Reminders;

namespace Rectification.Tests.Data.Reminders;

/// <summary>The outbox and the reminder snapshot, once on SQLite and once on PostgreSQL, each on a fresh database.</summary>
public abstract class ReminderOutboxContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TestLedger.Now;

    private TestDatabase _database = null!;
    private TestPeople _people = null!;

    protected abstract DatabaseProvider Provider { get; }

    private ReminderOutbox Outbox => new(_database.Connections);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _people = await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private OutboxEntry Entry(long personId, string kind = "overdue", int day = 0) =>
        new($"{personId}/{kind}/{TestLedger.Today.AddDays(day):yyyy-MM-dd}", personId, kind, TestLedger.Today.AddDays(day), Now.AddDays(day), false,
            """{"items":[{"taskId":1,"code":"1-1-1"}],"unreachable":[]}""");

    [Fact]
    public async Task Planning_the_same_slot_twice_keeps_one_row_with_the_first_payload()
    {
        var first = await Outbox.PlanAsync([Entry(_people.LiuYang.Id)], Now);
        var again = await Outbox.PlanAsync([Entry(_people.LiuYang.Id) with { PayloadJson = "{}" }, Entry(_people.SunLi.Id)], Now.AddMinutes(5));

        Assert.Equal((1, 1), (first, again));
        var rows = await Outbox.ListAsync();
        Assert.Equal(2, rows.Count);
        var liu = rows.Single(r => r.PersonId == _people.LiuYang.Id);
        Assert.Equal((OutboxState.Pending, 0, Now, TestLedger.Today), (liu.State, liu.Attempts, liu.CreatedAt, liu.SlotDate));
        Assert.Contains("1-1-1", liu.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claimed_row_is_given_once_and_only_its_owner_can_finish_it()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id)], Now);

        var claimed = Assert.Single(await Outbox.ClaimAsync("a", Now, Now.AddMinutes(10), 10));
        var second = await Outbox.ClaimAsync("b", Now, Now.AddMinutes(10), 10);
        var byOther = await Outbox.MarkSentAsync(claimed.Id, "b", Now);
        var byOwner = await Outbox.MarkSentAsync(claimed.Id, "a", Now.AddSeconds(1));

        Assert.Empty(second);
        Assert.Equal((OutboxState.Sending, 1, "a"), (claimed.State, claimed.Attempts, claimed.LeaseOwner));
        Assert.Equal((false, true), (byOther, byOwner));
        var row = Assert.Single(await Outbox.ListAsync());
        Assert.Equal((OutboxState.Sent, Now.AddSeconds(1), null), (row.State, row.SentAt, row.LeaseOwner));
    }

    [Fact]
    public async Task A_row_is_not_claimed_before_its_next_attempt_and_a_rescheduled_row_comes_back_then()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id)], Now);
        var claimed = Assert.Single(await Outbox.ClaimAsync("a", Now, Now.AddMinutes(10), 10));

        Assert.True(await Outbox.RescheduleAsync(claimed.Id, "a", Now.AddMinutes(3), "stopped", Now));

        Assert.Empty(await Outbox.ClaimAsync("a", Now.AddMinutes(2), Now.AddMinutes(12), 10));
        var again = Assert.Single(await Outbox.ClaimAsync("b", Now.AddMinutes(3), Now.AddMinutes(13), 10));
        Assert.Equal((2, "stopped"), (again.Attempts, again.LastError));
    }

    [Fact]
    public async Task A_row_whose_send_started_before_its_lease_ran_out_becomes_unknown_and_is_never_claimed_again()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id)], Now);
        var claimed = Assert.Single(await Outbox.ClaimAsync("crashed", Now, Now.AddMinutes(10), 10));
        Assert.True(await Outbox.StartSendingAsync(claimed.Id, "crashed", Now.AddSeconds(2)));

        Assert.Equal(ExpiredLeases.None, await Outbox.ExpireLeasesAsync(Now.AddMinutes(9)));
        Assert.Equal(new ExpiredLeases(0, 1), await Outbox.ExpireLeasesAsync(Now.AddMinutes(11)));

        Assert.Empty(await Outbox.ClaimAsync("b", Now.AddMinutes(11), Now.AddMinutes(21), 10));
        var row = Assert.Single(await Outbox.ListAsync());
        Assert.Equal((OutboxState.Unknown, ReminderOutbox.InterruptedReason, Now.AddSeconds(2)), (row.State, row.LastError, row.SendStartedAt));
        Assert.Equal(1, await Outbox.UnknownCountAsync(TestLedger.Today));
    }

    [Fact]
    public async Task Rows_claimed_but_never_started_go_back_to_pending_when_the_lease_runs_out_and_are_sent_by_the_next_dispatcher()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id), Entry(_people.SunLi.Id), Entry(_people.ZhouTao.Id)], Now);
        var claimed = await Outbox.ClaimAsync("crashed", Now, Now.AddMinutes(10), 10);
        Assert.Equal(3, claimed.Count);
        Assert.True(await Outbox.StartSendingAsync(claimed[0].Id, "crashed", Now));

        Assert.Equal(new ExpiredLeases(2, 1), await Outbox.ExpireLeasesAsync(Now.AddMinutes(11)));

        // Due as before (not pushed back), so the next run takes them at once, and nothing marks them unknown.
        var again = await Outbox.ClaimAsync("b", Now, Now.AddMinutes(21), 10);
        Assert.Equal(claimed.Skip(1).Select(r => r.Id).Order(), again.Select(r => r.Id).Order());
        Assert.All(again, r => Assert.Equal((2, null, ReminderOutbox.RequeuedReason), (r.Attempts, r.SendStartedAt, r.LastError)));
        Assert.Equal(1, await Outbox.UnknownCountAsync(TestLedger.Today));
    }

    [Fact]
    public async Task A_dispatcher_that_lost_its_lease_cannot_start_the_send_so_no_row_goes_out_twice()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id)], Now);
        var stale = Assert.Single(await Outbox.ClaimAsync("slow", Now, Now.AddMinutes(10), 10));
        await Outbox.ExpireLeasesAsync(Now.AddMinutes(11));
        var fresh = Assert.Single(await Outbox.ClaimAsync("b", Now.AddMinutes(11), Now.AddMinutes(21), 10));

        Assert.False(await Outbox.StartSendingAsync(stale.Id, "slow", Now.AddMinutes(12)));
        Assert.True(await Outbox.StartSendingAsync(fresh.Id, "b", Now.AddMinutes(12)));
        Assert.False(await Outbox.MarkSentAsync(stale.Id, "slow", Now.AddMinutes(12)));
        Assert.True(await Outbox.MarkSentAsync(fresh.Id, "b", Now.AddMinutes(12)));
        Assert.Equal((OutboxState.Sent, 2), (Assert.Single(await Outbox.ListAsync()).State, fresh.Attempts));
    }

    [Fact]
    public async Task Admins_see_failed_deliveries_with_names_and_an_acknowledgement_cancels_a_pending_row()
    {
        await Outbox.PlanAsync([Entry(_people.LiuYang.Id), Entry(_people.SunLi.Id), Entry(_people.ZhouTao.Id, "stale")], Now);
        var claimed = await Outbox.ClaimAsync("a", Now, Now.AddMinutes(10), 2);
        await Outbox.MarkFailedAsync(claimed[0].Id, "a", "Failed (502)", Now);
        await Outbox.CancelAsync(claimed[1].Id, "a", "nothing left to remind", Now);

        var cancelled = await Outbox.CancelPendingAsync(Entry(_people.ZhouTao.Id, "stale").SlotKey, "acknowledged", Now);

        Assert.True(cancelled);
        var failed = Assert.Single(await Outbox.FailedAsync(TestLedger.Today));
        Assert.Equal((_people.LiuYang.Id, "刘洋", "overdue", "Failed (502)"), (failed.PersonId, failed.PersonName, failed.Kind, failed.LastError));
        Assert.Empty(await Outbox.FailedAsync(TestLedger.Today.AddDays(1)));
        Assert.All(await Outbox.ListAsync(), r => Assert.NotEqual(OutboxState.Pending, r.State));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_reminder_exactly_once()
    {
        var people = new[] { _people.LiuYang, _people.SunLi, _people.ZhouTao, _people.LiMing, _people.WangJianguo, _people.ChenJing, _people.Bystander };
        var entries = Enumerable.Range(0, 10).SelectMany(day => people.Select(p => Entry(p.Id, day: -day))).ToList();
        await Outbox.PlanAsync(entries, Now);
        var sent = new ConcurrentBag<(string Owner, long Id)>();

        async Task DispatchAsync(string owner)
        {
            // A second connection factory: another process on the same database.
            using var connections = new ConnectionFactory(_database.Options);
            var outbox = new ReminderOutbox(connections);
            while (await outbox.ClaimAsync(owner, Now, Now.AddMinutes(10), 3) is { Count: > 0 } claimed)
            {
                foreach (var row in claimed)
                {
                    sent.Add((owner, row.Id));
                    Assert.True(await outbox.MarkSentAsync(row.Id, owner, Now));
                }
                await Task.Yield();
            }
        }

        await Task.WhenAll(Task.Run(() => DispatchAsync("one")), Task.Run(() => DispatchAsync("two")));

        Assert.Equal(entries.Count, sent.Count);
        Assert.Equal(entries.Count, sent.Select(s => s.Id).Distinct().Count());
        Assert.All(await Outbox.ListAsync(), r => Assert.Equal((OutboxState.Sent, 1), (r.State, r.Attempts)));
    }

    [Fact]
    public async Task The_snapshot_reads_open_and_ongoing_items_and_who_can_be_reached()
    {
        var references = new ConversationReferences(_database.Connections);
        await references.SaveAsync(Reference(_people.LiuYang.Id, Now.AddDays(-1)));
        await references.SaveAsync(Reference(_people.SunLi.Id, Now.AddDays(-1)));
        var recipients = new ReminderRecipients(_database.Connections);
        await recipients.MarkUnreachableAsync(_people.SunLi.Id, 403, Now);
        await recipients.SnoozeAsync(_people.LiuYang.Id, Now.AddDays(3), Now);
        await recipients.AcknowledgeAsync(_people.LiuYang.Id, "x/overdue/2026-11-27", TestLedger.Today, Now);
        await recipients.AcknowledgeAsync(_people.LiuYang.Id, "x/overdue/2026-10-01", new DateOnly(2026, 10, 1), Now);
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-2"))!;
        await new LedgerChanges(_database.Connections).RecordProgressAsync(new ProgressReport(task.Task.Id, _people.SunLi.Id, 50, null, "半程", "chat", "k1", Now.AddDays(-2)));

        var snapshot = await new ReminderSnapshotQueries(_database.Connections).ReadAsync(TestLedger.Today.AddDays(-7));

        // 2-1-2 is written off; everything else is open or ongoing.
        Assert.Equal(["1-1-1", "1-1-2", "1-2-1", "2-1-1", "2-1-3"], snapshot.Tasks.Select(t => t.Code).Order(StringComparer.Ordinal));
        var shared = snapshot.Tasks.Single(t => t.Code == "1-1-2");
        Assert.Equal([_people.SunLi.Id, _people.LiuYang.Id], shared.OfficerIds);
        Assert.Equal((Now.AddDays(-2), new DateOnly(2026, 11, 30), RectificationStatus.InProgress), (shared.LastProgressAt, shared.DueDate, shared.Status));
        var untouched = snapshot.Tasks.Single(t => t.Code == "1-1-1");
        Assert.Equal(Now.AddDays(-30), untouched.LastProgressAt);
        var ongoing = snapshot.Tasks.Single(t => t.Code == "2-1-1");
        Assert.Equal((true, null), (ongoing.IsOngoing, ongoing.DueDate));

        var liu = snapshot.People.Single(p => p.Id == _people.LiuYang.Id);
        Assert.Equal((true, Now.AddDays(3)), (liu.HasConversationReference, liu.SnoozedUntil));
        Assert.Equal(["x/overdue/2026-11-27"], liu.AcknowledgedSlotKeys);
        Assert.False(snapshot.People.Single(p => p.Id == _people.SunLi.Id).HasConversationReference);
        Assert.False(snapshot.People.Single(p => p.Id == _people.ZhouTao.Id).HasConversationReference);
        var admin = snapshot.People.Single(p => p.Id == _people.ChenJing.Id);
        Assert.True(admin.IsAdmin);
        Assert.Empty(admin.SupervisedDepartmentIds);
        Assert.Equal(2, snapshot.People.Single(p => p.Id == _people.LiMing.Id).SupervisedDepartmentIds.Count);

        // Writing to the bot again after the 403 makes 孙丽 reachable again.
        await references.SaveAsync(Reference(_people.SunLi.Id, Now.AddHours(1)));
        var later = await new ReminderSnapshotQueries(_database.Connections).ReadAsync(TestLedger.Today);
        Assert.True(later.People.Single(p => p.Id == _people.SunLi.Id).HasConversationReference);
    }

    private static StoredReference Reference(long personId, DateTimeOffset at) =>
        new($"user-{personId}", $"conversation-{personId}", null, personId, true, "https://connector.test/", "tenant", "msteams", "bot", "{}", at);
}

public sealed class SqliteReminderOutboxContractTests : ReminderOutboxContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresReminderOutboxContractTests : ReminderOutboxContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
