using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Tests.Data;

/// <summary>
/// The data layer's contract. Every test runs once on a SQLite file and once on a PostgreSQL server, each time
/// on a freshly migrated database of its own.
/// </summary>
public abstract class LedgerContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    private LedgerQueries Queries => new(_database.Connections);

    private LedgerChanges Changes => new(_database.Connections);

    private LedgerImportWriter Writer => new(_database.Connections, TestLedger.Calendar);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<TaskDetail> TaskAsync(string code) => (await Queries.FindByCodeAsync(code))!;

    [Fact]
    public async Task Migrating_again_applies_nothing_and_records_each_script_once()
    {
        var again = await new MigrationRunner(_database.Connections, TimeProvider.System).MigrateAsync(CancellationToken.None);

        Assert.Empty(again);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(MigrationRunner.Scripts(Provider).Select(s => s.Version), versions);
    }

    [Fact]
    public async Task Import_writes_aspects_problems_and_tasks_in_sheet_order_with_their_people()
    {
        await TestLedger.LoadAsync(_database);

        var page = await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, TestLedger.Today);
        Assert.Equal(["1-1-1", "1-1-2", "1-2-1", "2-1-1", "2-1-2", "2-1-3"], page.Items.Select(t => t.Code));
        var shared = page.Items[1];
        Assert.Equal(("方面一", "问题一", "措施二", "宣传教育科", "李明", "孙丽、刘洋"), (shared.Aspect, shared.Problem, shared.Measure, shared.LeadDepartment, shared.Leader, shared.Officers));
        var detail = await TaskAsync("1-1-2");
        Assert.Equal(["办公室"], detail.CoDepartments);
        var inspection = Assert.Single(await Queries.InspectionsAsync());
        Assert.Equal((TestLedger.Title, new DateOnly(2026, 6, 10)), (inspection.Title, inspection.FeedbackDate));
    }

    [Fact]
    public async Task Import_gives_immediate_items_the_feedback_date_and_ongoing_items_no_date()
    {
        await TestLedger.LoadAsync(_database);

        var immediate = await TaskAsync("2-1-3");
        var ongoing = await TaskAsync("2-1-1");
        Assert.Equal(TimeLimit.Immediate(new DateOnly(2026, 6, 10)), immediate.Task.TimeLimit);
        Assert.Equal((TimeLimit.Ongoing, RectificationStatus.Ongoing), (ongoing.Task.TimeLimit, ongoing.Task.Status));
    }

    [Fact]
    public async Task Import_makes_the_responsible_leader_supervisor_of_the_lead_department()
    {
        var people = await TestLedger.LoadAsync(_database);

        var departments = new PeopleRepository(_database.Connections, TimeProvider.System);
        var liMing = (await departments.GetAsync(people.LiMing.Id, CancellationToken.None))!;
        Assert.Equal(2, liMing.SupervisedDepartmentIds.Count);
        var supervisors = await departments.ListSupervisorsAsync((await TaskAsync("1-2-1")).LeadDepartmentId!.Value, CancellationToken.None);
        Assert.Equal(["王建国"], supervisors.Select(p => p.Name));
    }

    [Fact]
    public async Task Reimporting_an_updated_sheet_updates_tasks_in_place_and_keeps_their_history()
    {
        var people = await TestLedger.LoadAsync(_database);
        var before = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(before.Task.Id, people.LiuYang.Id, 30, null, "开了会", "chat", "k1", TestLedger.Now));

        var updated = TestLedger.Draft() with
        {
            Tasks = TestLedger.Draft().Tasks.Select(t => t.Code == "1-1-1"
                ? t with { Measure = "措施一（修订）", Officers = ["刘洋", "孙丽"], Percent = 60, Progress = "制度已起草" }
                : t).ToList(),
        };
        var result = await Writer.WriteAsync(updated, Actor.System("test"), TestLedger.Now.AddHours(1));

        Assert.Equal((0, 1, 5), (result.Summary!.Created, result.Summary.Updated, result.Summary.Unchanged));
        var after = await TaskAsync("1-1-1");
        Assert.Equal(before.Task.Id, after.Task.Id);
        Assert.Equal(("措施一（修订）", 60, RectificationStatus.InProgress, "刘洋、孙丽"), (after.Task.Measure, after.Task.Percent, after.Task.Status, after.Task.Officers));
        Assert.Equal(["chat", "import"], after.Progress.Select(p => p.Source));
        Assert.Equal(6, (await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, TestLedger.Today)).Total);
    }

    [Fact]
    public async Task Reimporting_the_same_sheet_changes_nothing()
    {
        await TestLedger.LoadAsync(_database);

        var result = await Writer.WriteAsync(TestLedger.Draft(), Actor.System("test"), TestLedger.Now);

        Assert.Equal((0, 0, 6), (result.Summary!.Created, result.Summary.Updated, result.Summary.Unchanged));
    }

    [Fact]
    public async Task An_ambiguous_person_refuses_the_whole_import_and_writes_nothing()
    {
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        await people.AddAsync(new NewPerson("张伟", "办公室"));
        await people.AddAsync(new NewPerson("张伟", "宣传教育科"));

        var draft = TestLedger.Draft(TestLedger.Task(9, "3-1-1", "方面三", "问题", "措施", "李明", "办公室", ["张伟"], TimeLimit.On(TestLedger.Today)));
        var result = await Writer.WriteAsync(draft, Actor.System("test"), TestLedger.Now);

        Assert.False(result.Succeeded);
        Assert.Equal(new ImportError(9, "officers", LedgerImportWriter.AmbiguousPerson, "张伟"), Assert.Single(result.Errors));
        Assert.Empty(await Queries.InspectionsAsync());
        Assert.Equal(2, (await people.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_officer_sees_exactly_their_own_tasks()
    {
        var people = await TestLedger.LoadAsync(_database);

        var liuYang = await Queries.ListAsync(new TaskScope.Officer(people.LiuYang.Id), TaskFilter.All, TestLedger.Today);
        var zhouTao = await Queries.ListAsync(new TaskScope.Officer(people.ZhouTao.Id), TaskFilter.Active, TestLedger.Today);

        Assert.Equal(["1-1-1", "1-1-2", "2-1-2", "2-1-3"], liuYang.Items.Select(t => t.Code));
        Assert.Equal(["1-2-1", "2-1-1"], zhouTao.Items.Select(t => t.Code));
    }

    [Fact]
    public async Task A_leader_sees_the_tasks_of_the_departments_they_supervise()
    {
        var people = await TestLedger.LoadAsync(_database);

        var wang = await Queries.ListAsync(new TaskScope.Leader(people.WangJianguo.Id), TaskFilter.All, TestLedger.Today);
        var bystander = await Queries.ListAsync(new TaskScope.Leader(people.Bystander.Id), TaskFilter.All, TestLedger.Today);

        Assert.Equal(["1-2-1", "2-1-1"], wang.Items.Select(t => t.Code));
        Assert.Empty(bystander.Items);
    }

    [Fact]
    public async Task Overdue_lists_open_items_due_before_today_most_overdue_first()
    {
        var people = await TestLedger.LoadAsync(_database);

        var all = await Queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, TestLedger.Today);
        var liMing = await Queries.ListAsync(new TaskScope.Leader(people.LiMing.Id), TaskFilter.Overdue, TestLedger.Today);

        Assert.Equal(["2-1-3", "1-1-1", "1-2-1"], all.Items.Select(t => t.Code));
        Assert.Equal([170, 7, 1], all.Items.Select(t => t.DaysOverdue(TestLedger.Today)));
        Assert.Equal(["2-1-3", "1-1-1"], liMing.Items.Select(t => t.Code));
    }

    [Fact]
    public async Task A_deadline_ends_at_midnight_in_the_ledger_time_zone()
    {
        await TestLedger.LoadAsync(_database);
        var lastMinute = new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.FromHours(8));

        var onTheDay = await Queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, TestLedger.Calendar.Today(lastMinute));
        var nextDay = await Queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, TestLedger.Calendar.Today(lastMinute.AddMinutes(1)));

        Assert.DoesNotContain("1-1-2", onTheDay.Items.Select(t => t.Code));
        Assert.Contains("1-1-2", nextDay.Items.Select(t => t.Code));
        Assert.Equal(lastMinute.AddMinutes(1), TestLedger.Calendar.DeadlineEnds(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task Due_soon_lists_open_items_due_from_today_within_the_window()
    {
        await TestLedger.LoadAsync(_database);

        var week = await Queries.ListAsync(TaskScope.Everything, TaskFilter.DueSoon, TestLedger.Today, dueWithinDays: 7);
        var twoDays = await Queries.ListAsync(TaskScope.Everything, TaskFilter.DueSoon, TestLedger.Today, dueWithinDays: 2);

        Assert.Equal(["1-1-2"], week.Items.Select(t => t.Code));
        Assert.Empty(twoDays.Items);
    }

    [Fact]
    public async Task Lists_page_with_a_total()
    {
        await TestLedger.LoadAsync(_database);

        var first = await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, TestLedger.Today, skip: 0, take: 4);
        var second = await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, TestLedger.Today, skip: 4, take: 4);

        Assert.Equal((4, 6, true), (first.Items.Count, first.Total, first.HasMore));
        Assert.Equal((2, false), (second.Items.Count, second.HasMore));
    }

    [Fact]
    public async Task Figures_count_each_aspect_by_state()
    {
        var people = await TestLedger.LoadAsync(_database);

        var all = await Queries.FiguresAsync(TaskScope.Everything, TestLedger.Today);
        var wang = await Queries.FiguresAsync(new TaskScope.Leader(people.WangJianguo.Id), TestLedger.Today);

        Assert.Equal(
            [new AspectFigures(all[0].AspectId, 1, "方面一", 3, 0, 0, 0, 3, 0, 2), new AspectFigures(all[1].AspectId, 2, "方面二", 3, 1, 0, 0, 1, 1, 1)],
            all);
        Assert.Equal(1.0 / 3, all[1].CompletionRate, 6);
        Assert.Equal([1, 1], wang.Select(f => f.Total));
    }

    [Fact]
    public async Task Progress_is_recorded_with_history_and_moves_the_status()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");

        var first = await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 40, null, "召开专题会议", "chat", "a", TestLedger.Now));
        var second = await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, null, RectificationStatus.Done, "纪要已归档", "card", "b", TestLedger.Now.AddHours(1)));

        Assert.True(first.Succeeded && second.Succeeded);
        var after = await TaskAsync("1-1-1");
        Assert.Equal((RectificationStatus.Done, 100, "纪要已归档", TestLedger.Now.AddHours(1)), (after.Task.Status, after.Task.Percent, after.ProgressNote, after.Task.LastProgressAt));
        Assert.Equal([(40, RectificationStatus.InProgress, "召开专题会议", "刘洋"), (100, RectificationStatus.Done, "纪要已归档", "刘洋")],
            after.Progress.Select(p => (p.Percent, p.Status, p.Note!, p.PersonName!)));
        Assert.Equal(task.Task.Version + 2, after.Task.Version);
    }

    [Fact]
    public async Task The_same_report_delivered_twice_is_recorded_once()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");
        var report = new ProgressReport(task.Task.Id, people.LiuYang.Id, 50, null, "一半", "chat", "activity-42", TestLedger.Now);

        var first = await Changes.RecordProgressAsync(report);
        var again = await Changes.RecordProgressAsync(report with { At = TestLedger.Now.AddSeconds(15) });

        Assert.Equal((ChangeOutcome.Done, ChangeOutcome.Duplicate), (first.Outcome, again.Outcome));
        Assert.Single((await TaskAsync("1-1-1")).Progress);
    }

    [Fact]
    public async Task Someone_who_is_not_an_officer_or_supervisor_cannot_report_and_nothing_changes()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");

        var result = await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.ZhouTao.Id, 90, null, null, "chat", "x", TestLedger.Now));

        Assert.Equal(LedgerChangeResult.Refused(ChangeReasons.NotAnOfficer), result);
        var after = await TaskAsync("1-1-1");
        Assert.Equal(task.Task, after.Task);
        Assert.Empty(after.Progress);
    }

    [Fact]
    public async Task A_written_off_item_takes_no_more_progress()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("2-1-2");

        var result = await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 50, null, null, "chat", "x", TestLedger.Now));

        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.WrittenOff), result);
    }

    [Fact]
    public async Task Concurrent_reports_on_one_task_lose_no_update()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-2");
        var reporters = new[] { people.SunLi.Id, people.LiuYang.Id };

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => Changes.RecordProgressAsync(
            new ProgressReport(task.Task.Id, reporters[i % 2], i, null, $"第{i}次", "chat", $"c{i}", TestLedger.Now.AddSeconds(i))))));

        Assert.All(results, r => Assert.Equal(ChangeOutcome.Done, r.Outcome));
        var after = await TaskAsync("1-1-2");
        Assert.Equal(16, after.Progress.Count);
        Assert.Equal(task.Task.Version + 16, after.Task.Version);
    }

    [Fact]
    public async Task A_write_off_is_approved_once_by_the_supervising_leader()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 100, null, "完成", "chat", "d", TestLedger.Now));

        var request = await Changes.RequestWriteOffAsync(task.Task.Id, people.LiuYang.Id, "会议纪要 https://example.org/minutes", TestLedger.Now);
        var outsider = await Changes.DecideWriteOffAsync(request.Id!.Value, people.WangJianguo.Id, true, null, TestLedger.Now);
        var approved = await Changes.DecideWriteOffAsync(request.Id.Value, people.LiMing.Id, true, "同意", TestLedger.Now.AddHours(2));
        var twice = await Changes.DecideWriteOffAsync(request.Id.Value, people.LiMing.Id, false, "再议", TestLedger.Now.AddHours(3));

        Assert.Equal(LedgerChangeResult.Refused(ChangeReasons.NotSupervisor), outsider);
        Assert.True(approved.Succeeded);
        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.AlreadyDecided) with { TaskId = task.Task.Id }, twice);
        var after = await TaskAsync("1-1-1");
        var writeOff = Assert.Single(after.WriteOffs);
        Assert.Equal((RectificationStatus.WrittenOff, RequestState.Approved, people.LiMing.Id, "会议纪要 https://example.org/minutes"),
            (after.Task.Status, writeOff.State, writeOff.DecidedBy, writeOff.Evidence));
    }

    [Fact]
    public async Task Nobody_decides_their_own_request()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiMing.Id, null, RectificationStatus.Done, null, "chat", "h1", TestLedger.Now));
        var writeOff = await Changes.RequestWriteOffAsync(task.Task.Id, people.LiMing.Id, "自查完成", TestLedger.Now);
        var extension = await Changes.RequestExtensionAsync(task.Task.Id, people.LiMing.Id, new DateOnly(2027, 1, 1), "协调", TestLedger.Today, TestLedger.Now);

        Assert.Equal(LedgerChangeResult.Refused(ChangeReasons.OwnRequest), await Changes.DecideWriteOffAsync(writeOff.Id!.Value, people.LiMing.Id, true, null, TestLedger.Now));
        Assert.Equal(LedgerChangeResult.Refused(ChangeReasons.OwnRequest), await Changes.DecideExtensionAsync(extension.Id!.Value, people.LiMing.Id, true, null, TestLedger.Now));
        Assert.True((await Changes.DecideWriteOffAsync(writeOff.Id.Value, people.ChenJing.Id, true, null, TestLedger.Now)).Succeeded);
    }

    [Fact]
    public async Task A_write_off_is_not_approved_once_the_item_was_reported_unfinished()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, null, RectificationStatus.Done, null, "chat", "g1", TestLedger.Now));
        var request = await Changes.RequestWriteOffAsync(task.Task.Id, people.LiuYang.Id, "完成", TestLedger.Now);
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 90, RectificationStatus.InProgress, "还差一项", "chat", "g2", TestLedger.Now));

        var approve = await Changes.DecideWriteOffAsync(request.Id!.Value, people.LiMing.Id, true, null, TestLedger.Now);
        var reject = await Changes.DecideWriteOffAsync(request.Id.Value, people.LiMing.Id, false, "尚未完成", TestLedger.Now);

        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.NotDone) with { TaskId = task.Task.Id }, approve);
        Assert.True(reject.Succeeded);
        Assert.Equal(RectificationStatus.InProgress, (await TaskAsync("1-1-1")).Task.Status);
    }

    [Fact]
    public async Task A_rejected_write_off_sends_the_item_back_to_work()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-2-1");
        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.ZhouTao.Id, null, RectificationStatus.Done, null, "chat", "e", TestLedger.Now));
        var request = await Changes.RequestWriteOffAsync(task.Task.Id, people.ZhouTao.Id, "已完成", TestLedger.Now);

        var duplicate = await Changes.RequestWriteOffAsync(task.Task.Id, people.ZhouTao.Id, "再次申请", TestLedger.Now);
        var rejected = await Changes.DecideWriteOffAsync(request.Id!.Value, people.ChenJing.Id, false, "缺少佐证材料", TestLedger.Now);

        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.PendingExists), duplicate);
        Assert.True(rejected.Succeeded);
        var after = await TaskAsync("1-2-1");
        Assert.Equal((RectificationStatus.InProgress, "缺少佐证材料"), (after.Task.Status, after.WriteOffs.Single().DecisionNote));
    }

    [Fact]
    public async Task An_approved_extension_moves_the_deadline_and_keeps_the_original()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");

        var first = await Changes.RequestExtensionAsync(task.Task.Id, people.LiuYang.Id, new DateOnly(2026, 12, 31), "需协调盟民委", TestLedger.Today, TestLedger.Now);
        await Changes.DecideExtensionAsync(first.Id!.Value, people.LiMing.Id, true, null, TestLedger.Now);
        var second = await Changes.RequestExtensionAsync(task.Task.Id, people.LiuYang.Id, new DateOnly(2027, 1, 15), "节假日", TestLedger.Today, TestLedger.Now);
        await Changes.DecideExtensionAsync(second.Id!.Value, people.ChenJing.Id, true, null, TestLedger.Now);

        var after = await TaskAsync("1-1-1");
        Assert.Equal((new DateOnly(2027, 1, 15), new DateOnly(2026, 11, 20), 2), (after.Task.DueDate, after.OriginalDueDate, after.ExtensionCount));
        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 31)], after.Extensions.Select(e => e.FromDate!.Value));
        Assert.DoesNotContain("1-1-1", (await Queries.ListAsync(TaskScope.Everything, TaskFilter.Overdue, TestLedger.Today)).Items.Select(t => t.Code));
    }

    [Fact]
    public async Task Extensions_into_the_past_for_ongoing_items_or_by_outsiders_are_refused()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-2");
        var ongoing = await TaskAsync("2-1-1");

        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.DateNotLater),
            await Changes.RequestExtensionAsync(task.Task.Id, people.SunLi.Id, TestLedger.Today, "x", TestLedger.Today, TestLedger.Now));
        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.DateNotLater),
            await Changes.RequestExtensionAsync(task.Task.Id, people.SunLi.Id, new DateOnly(2026, 11, 29), "x", TestLedger.Today, TestLedger.Now));
        Assert.Equal(LedgerChangeResult.Invalid(ChangeReasons.OngoingHasNoDeadline),
            await Changes.RequestExtensionAsync(ongoing.Task.Id, people.ZhouTao.Id, new DateOnly(2027, 1, 1), "x", TestLedger.Today, TestLedger.Now));
        Assert.Equal(LedgerChangeResult.Refused(ChangeReasons.NotAnOfficer),
            await Changes.RequestExtensionAsync(task.Task.Id, people.ZhouTao.Id, new DateOnly(2027, 1, 1), "x", TestLedger.Today, TestLedger.Now));
        Assert.Empty((await TaskAsync("1-1-2")).Extensions);
    }

    [Fact]
    public async Task Every_change_leaves_an_audit_entry_with_actor_and_before_and_after()
    {
        var people = await TestLedger.LoadAsync(_database);
        var task = await TaskAsync("1-1-1");

        await Changes.RecordProgressAsync(new ProgressReport(task.Task.Id, people.LiuYang.Id, 70, null, "推进中", "chat", "f", TestLedger.Now));

        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var entries = await AuditLog.ReadAsync(connection, "task", task.Task.Id, CancellationToken.None);
        Assert.Equal(["import_create", "progress"], entries.Select(e => e.Action));
        var progress = entries[1];
        Assert.Equal((people.LiuYang.Id, "刘洋", TestLedger.Now), (progress.ActorId!.Value, progress.Actor, progress.At));
        Assert.Contains("\"percent\":0", progress.BeforeJson, StringComparison.Ordinal);
        Assert.Contains("\"percent\":70", progress.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_is_reached_only_in_their_personal_chat_with_the_bot()
    {
        var people = await TestLedger.LoadAsync(_database);
        var references = new ConversationReferences(_database.Connections);
        StoredReference Reference(string conversation, bool personal, int minutes) => new("29:li", conversation, "aad-li", people.LiMing.Id, personal,
            "https://smba.example.org/", "tenant", "msteams", "28:bot", "{}", TestLedger.Now.AddMinutes(minutes));

        await references.SaveAsync(Reference("group-chat", personal: false, 0));
        var groupOnly = await references.FindForPersonAsync(people.LiMing.Id);
        await references.SaveAsync(Reference("personal-chat", personal: true, 1));
        await references.SaveAsync(Reference("group-chat", personal: false, 2));

        Assert.Null(groupOnly);
        Assert.Equal("personal-chat", (await references.FindForPersonAsync(people.LiMing.Id))!.ConversationId);
    }

    [Fact]
    public async Task People_are_found_by_teams_id_email_or_name()
    {
        var people = await TestLedger.LoadAsync(_database);
        var repository = new PeopleRepository(_database.Connections, TimeProvider.System);

        await repository.LinkTeamsUserAsync(people.LiuYang.Id, "aad-liu", CancellationToken.None);

        Assert.Equal("刘洋", (await repository.FindByTeamsUserIdAsync("aad-liu", CancellationToken.None))!.Name);
        Assert.Equal("陈静", (await repository.FindByEmailAsync("Chen.Jing@Example.org", CancellationToken.None))!.Name);
        Assert.True((await repository.FindByEmailAsync("chen.jing@example.org", CancellationToken.None))!.IsAdmin);
        Assert.Null(await repository.FindByTeamsUserIdAsync("aad-nobody", CancellationToken.None));
    }
}

public sealed class SqliteLedgerContractTests : LedgerContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresLedgerContractTests : LedgerContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
