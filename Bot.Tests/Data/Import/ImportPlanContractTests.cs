using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Tests.Data.Import;

/// <summary>
/// Messy, real-style sheets (not the demo) read, planned and applied on SQLite and PostgreSQL: status words in 完成情况,
/// the feedback date above the header, renumbered re-imports, kind and deadline changes, measures dropped from the sheet.
/// </summary>
public abstract class ImportPlanContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly SheetFiles _files = new();

    protected abstract DatabaseProvider Provider { get; }

    private ImportPlanner Planner => new(_database.Connections);

    private LedgerQueries Queries => new(_database.Connections);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _files.Dispose();
    }

    private static readonly DateTimeOffset Now = TestLedger.Now;

    private static readonly object?[] Header = ["序号", "问题类别", "存在问题", "整改措施", "分管领导", "牵头单位", "具体责任人", "完成时限", "完成情况"];

    /// <summary>A county bureau's ledger: title, a fill-in line, the feedback date in a cell of its own, merged problem cells.</summary>
    private string Sheet(string name, params object?[][] rows)
    {
        var content = new Dictionary<int, object?[]>
        {
            [1] = ["XX县林业局落实县委第二巡察组反馈意见整改台账"],
            [2] = ["填报单位（盖章）：XX县林业局", null, null, null, null, null, "反馈时间：2026年3月20日"],
            [4] = Header,
        };
        for (var i = 0; i < rows.Length; i++)
        {
            content[5 + i] = rows[i];
        }
        return _files.Xlsx(name, content, "A1:I1");
    }

    private static object?[] Row(string code, string problem, string measure, object? limit, string? progress, string officers = "周琳", string department = "办公室", string leader = "韩冬") =>
        [code, "一、政治建设方面", problem, measure, leader, department, officers, limit, progress];

    private ImportPlan? _lastPlan;

    private async Task<ImportPlan> PlanAsync(string path)
    {
        var read = LedgerSheetReader.Read(path);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        return _lastPlan = await Planner.PlanAsync(read.Draft!);
    }

    private async Task<ImportSummary> ImportAsync(string path, DateTimeOffset? at = null)
    {
        var plan = await PlanAsync(path);
        var result = await Planner.ApplyAsync(plan, Actor.System("test"), at ?? Now);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Summary!;
    }

    private async Task<TaskDetail> TaskAsync(string code) => (await Queries.FindByCodeAsync(code))!;

    [Fact]
    public async Task Reads_the_status_from_the_leading_words_of_完成情况_and_keeps_the_rest_as_the_note()
    {
        var path = Sheet("status.xlsx",
            Row("1", "理论学习不深入", "制定年度学习计划", "2026年6月底前", "已完成，学习计划已印发"),
            Row("2", "理论学习不深入", "开展专题研讨", "2026年12月31日", "正在整改。已开展2次"),
            Row("3", "制度执行不严格", "修订财务制度", "2027年3月", "【未开始】"),
            Row("4", "制度执行不严格", "清理违规报销", "2026.9.30", "基本完成，待审计确认"),
            Row("5", "制度执行不严格", "建立长效机制", "长期坚持", "持续推进，每季度检查"),
            Row("6", "制度执行不严格", "退还违规款项", "立行立改", "已办结"),
            Row("7", "制度执行不严格", "通报典型案例", "2026年10月", "Done - notice issued"));

        var summary = await ImportAsync(path);

        Assert.Equal(new StatusCounts(Done: 3, InProgress: 2, NotStarted: 1, Ongoing: 1, WrittenOff: 0), summary.Statuses);
        var expected = new (string Code, RectificationStatus Status, int Percent, string? Note)[]
        {
            ("1", RectificationStatus.Done, 100, "学习计划已印发"),
            ("2", RectificationStatus.InProgress, 0, "已开展2次"),
            ("3", RectificationStatus.NotStarted, 0, null),
            ("4", RectificationStatus.InProgress, 0, "待审计确认"),
            ("5", RectificationStatus.Ongoing, 0, "每季度检查"),
            ("6", RectificationStatus.Done, 100, null),
            ("7", RectificationStatus.Done, 100, "notice issued"),
        };
        foreach (var (code, status, percent, note) in expected)
        {
            var task = await TaskAsync(code);
            Assert.Equal((code, status, percent, note), (code, task.Task.Status, task.Task.Percent, task.ProgressNote));
        }
        Assert.Equal(TimeLimit.Immediate(new DateOnly(2026, 3, 20)), (await TaskAsync("6")).Task.TimeLimit);
        Assert.Equal(TimeLimit.On(new DateOnly(2026, 6, 30)), (await TaskAsync("1")).Task.TimeLimit);
        var inspection = Assert.Single(await Queries.InspectionsAsync());
        Assert.Equal((new DateOnly(2026, 3, 20), "XX县林业局"), (inspection.FeedbackDate, inspection.InspectedUnit));
    }

    [Fact]
    public async Task A_progress_cell_without_a_status_is_a_row_error_naming_the_cell()
    {
        var path = Sheet("unclear.xlsx",
            Row("1", "理论学习不深入", "制定年度学习计划", "2026年6月底前", "已完成"),
            Row("2", "理论学习不深入", "开展专题研讨", "2026年12月31日", "已召开会议2次"),
            Row("3", "理论学习不深入", "建立台账", "2026年12月31日", "未完成"));

        var read = LedgerSheetReader.Read(path);

        Assert.Null(read.Draft);
        Assert.Equal([(6, "完成情况", ImportErrorCodes.StatusUnclear), (7, "完成情况", ImportErrorCodes.StatusUnclear)], read.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Empty(await Queries.InspectionsAsync());
    }

    [Fact]
    public async Task Immediate_rows_without_a_known_feedback_date_refuse_the_sheet_with_one_error()
    {
        var path = _files.Xlsx("no-feedback.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["XX县林业局整改台账"],
            [2] = Header,
            [3] = Row("1", "问题一", "措施一", "立行立改", "正在整改"),
            [4] = Row("2", "问题一", "措施二", "2026年12月31日", "未开始"),
            [5] = Row("3", "问题一", "措施三", "立行立改", "已完成"),
        });
        var read = LedgerSheetReader.Read(path);

        var plan = await Planner.PlanAsync(read.Draft!);
        var applied = await Planner.ApplyAsync(plan, Actor.System("test"), Now);

        Assert.Equal(new ImportError(0, null, ImportErrorCodes.FeedbackDateMissing, "3, 5"), Assert.Single(plan.Errors));
        Assert.False(applied.Succeeded);
        Assert.Empty(await Queries.InspectionsAsync());

        var given = LedgerSheetReader.Read(path, new LedgerReadOptions(FeedbackDate: new DateOnly(2026, 4, 2)));
        var withDate = await Planner.PlanAsync(given.Draft!);
        Assert.True(withDate.Succeeded);
        Assert.All(withDate.Tasks.Where(t => t.TimeLimit.Kind == TimeLimitKind.Immediate), t => Assert.Equal(new DateOnly(2026, 4, 2), t.TimeLimit.Date));
    }

    [Fact]
    public async Task A_renumbered_reimport_keeps_progress_with_its_measure_and_reports_every_code_change()
    {
        var v1 = Sheet("v1.xlsx",
            Row("1", "理论学习不深入", "制定年度学习计划", "2026年12月31日", "未开始"),
            Row("2", "理论学习不深入", "开展专题研讨，每季度不少于一次", "2026年12月31日", "未开始", officers: "钱进"),
            Row("3", "制度执行不严格", "修订财务报销制度", "2027年3月", "未开始"));
        await ImportAsync(v1, Now.AddDays(-10));
        var seminar = await TaskAsync("2");
        var qian = (await new PeopleRepository(_database.Connections, TimeProvider.System).FindByNameAsync("钱进")).Single();
        await new LedgerChanges(_database.Connections).RecordProgressAsync(new ProgressReport(seminar.Task.Id, qian.Id, 50, null, "已开展1次", "chat", "k-1", Now.AddDays(-5)));

        // A measure inserted at the top, 序号 renumbered, a typo fixed in the last one.
        var v2 = Sheet("v2.xlsx",
            Row("1", "理论学习不深入", "落实第一议题制度", "立行立改", "已完成"),
            Row("2", "理论学习不深入", "制定年度学习计划", "2026年12月31日", "未开始"),
            Row("3", "理论学习不深入", "开展专题研讨，每季度不少于一次", "2026年12月31日", "正在整改，已开展1次", officers: "钱进"),
            Row("4", "制度执行不严格", "修订完善财务报销制度", "2027年3月", "未开始"));
        var plan = await PlanAsync(v2);

        Assert.Equal((1, 3, 0, 0), (plan.New.Count, plan.Renumbered.Count, plan.Updated.Count, plan.Removed.Count));
        Assert.Equal([("1", "2"), ("2", "3"), ("3", "4")], plan.CodeChanges.OrderBy(c => c.From));
        Assert.Equal("落实第一议题制度", plan.New[0].Draft.Measure);
        var summary = (await Planner.ApplyAsync(plan, Actor.System("test"), Now)).Summary!;

        Assert.Equal((1, 3), (summary.Created, summary.Renumbered));
        var moved = await TaskAsync("3");
        Assert.Equal(seminar.Task.Id, moved.Task.Id);
        Assert.Equal((50, RectificationStatus.InProgress), (moved.Task.Percent, moved.Task.Status));
        Assert.Equal(["chat"], moved.Progress.Select(p => p.Source));
        Assert.Equal("修订完善财务报销制度", (await TaskAsync("4")).Task.Measure);
        Assert.Equal("制定年度学习计划", (await TaskAsync("2")).Task.Measure);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var audited = await connection.QueryAsync<string>("SELECT after_json FROM audit_log WHERE entity = 'task' AND entity_id = @Id AND action = 'import_code'", new { Id = seminar.Task.Id });
        Assert.Contains("\"3\"", Assert.Single(audited));
    }

    [Fact]
    public async Task A_changed_deadline_is_recorded_like_an_extension_and_a_changed_kind_rederives_the_status()
    {
        await ImportAsync(Sheet("v1.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2026年12月31日", "正在整改"),
            Row("2", "问题一", "规范公务用车管理", "长期坚持", null),
            Row("3", "问题一", "清退多占住房", "2026年6月30日", "未开始")), Now.AddDays(-30));

        var plan = await PlanAsync(Sheet("v2.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2027年3月31日", "正在整改"),
            Row("2", "问题一", "规范公务用车管理", "2026年10月31日", null),
            Row("3", "问题一", "清退多占住房", "长期坚持", "持续推进")));
        Assert.Equal(["1"], plan.DeadlineChanges.Select(t => t.Code));
        var summary = (await Planner.ApplyAsync(plan, Actor.System("test"), Now)).Summary!;

        Assert.Equal(1, summary.DeadlinesChanged);
        var moved = await TaskAsync("1");
        Assert.Equal((new DateOnly(2027, 3, 31), new DateOnly(2026, 12, 31), 1), (moved.Task.DueDate, moved.OriginalDueDate, moved.ExtensionCount));
        var extension = Assert.Single(moved.Extensions);
        Assert.Equal((RequestState.Approved, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 31), "import"), (extension.State, extension.FromDate, extension.ToDate, extension.Reason));
        var dated = await TaskAsync("2");
        Assert.Equal((TimeLimit.On(new DateOnly(2026, 10, 31)), RectificationStatus.NotStarted), (dated.Task.TimeLimit, dated.Task.Status));
        Assert.True(dated.Task.IsOverdue(TestLedger.Today));
        var ongoing = await TaskAsync("3");
        Assert.Equal((TimeLimit.Ongoing, RectificationStatus.Ongoing), (ongoing.Task.TimeLimit, ongoing.Task.Status));
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal("import", await connection.ExecuteScalarAsync<string>("SELECT source FROM extensions WHERE id = @Id", new { extension.Id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'import_deadline' AND entity_id = @Id", new { Id = moved.Task.Id }));
    }

    [Fact]
    public async Task A_measure_gone_from_the_sheet_is_kept_and_gives_up_its_code_to_the_row_that_took_it()
    {
        await ImportAsync(Sheet("v1.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2026年12月31日", "已完成"),
            Row("2", "问题一", "规范公务接待", "2026年12月31日", "未开始")), Now.AddDays(-30));
        var kept = await TaskAsync("2");

        var plan = await PlanAsync(Sheet("v2.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2026年12月31日", "已完成"),
            Row("2", "问题二", "建立干部谈心谈话制度", "2027年6月30日", "未开始")));
        await Planner.ApplyAsync(plan, Actor.System("test"), Now);

        var removed = Assert.Single(plan.Removed);
        Assert.Equal((kept.Task.Id, "2", $"2~{kept.Task.Id}"), (removed.TaskId, removed.Code, removed.NewCode));
        Assert.Equal("建立干部谈心谈话制度", (await TaskAsync("2")).Task.Measure);
        Assert.Equal("规范公务接待", (await Queries.GetAsync(kept.Task.Id))!.Task.Measure);
    }

    [Fact]
    public async Task Applying_writes_exactly_the_plan_and_refuses_a_plan_the_ledger_moved_past()
    {
        var v1 = Sheet("v1.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2026年12月31日", "正在整改"),
            Row("2", "问题一", "规范公务接待", "2026年12月31日", "未开始"));
        await ImportAsync(v1, Now.AddDays(-30));
        var v2 = Sheet("v2.xlsx",
            Row("1", "问题一", "整治办公用房超标", "2026年12月31日", "已完成，已腾退"),
            Row("2", "问题一", "规范公务接待", "2026年12月31日", "未开始"));
        var stale = await PlanAsync(v2);
        var task = await TaskAsync("1");
        var officer = task.OfficerList[0].Id;
        await new LedgerChanges(_database.Connections).RecordProgressAsync(new ProgressReport(task.Task.Id, officer, 70, null, "腾退过半", "chat", "k-2", Now.AddHours(-1)));

        var refused = await Planner.ApplyAsync(stale, Actor.System("test"), Now);
        var fresh = await PlanAsync(v2);
        var applied = await Planner.ApplyAsync(fresh, Actor.System("test"), Now);
        var again = await PlanAsync(v2);

        Assert.Equal(ImportErrorCodes.PlanStale, Assert.Single(refused.Errors).Code);
        Assert.True(applied.Succeeded);
        Assert.Equal([PlannedTaskKind.Updated, PlannedTaskKind.Unchanged], fresh.Tasks.Select(t => t.Kind));
        Assert.Equal((RectificationStatus.Done, 100, "已腾退"), ((await TaskAsync("1")).Task.Status, (await TaskAsync("1")).Task.Percent, (await TaskAsync("1")).ProgressNote));
        Assert.False(again.HasChanges);
        Assert.All(again.Tasks, t => Assert.Equal(PlannedTaskKind.Unchanged, t.Kind));
    }

    [Fact]
    public async Task A_cell_over_excels_limit_is_refused()
    {
        var path = Sheet("long.xlsx", Row("1", "问题一", new string('措', CellLimits.MaxCellLength + 1), "2026年12月31日", "未开始"));

        var read = LedgerSheetReader.Read(path);

        var error = Assert.Single(read.Errors);
        Assert.Equal((5, "整改措施", ImportErrorCodes.CellTooLong, "32768"), (error.Row, error.Column, error.Code, error.Value));
    }
}

public sealed class SqliteImportPlanContractTests : ImportPlanContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresImportPlanContractTests : ImportPlanContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
