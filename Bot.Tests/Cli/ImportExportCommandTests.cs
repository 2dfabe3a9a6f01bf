using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rectification.Bot.Cli;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Tests.Data.Import;

namespace Rectification.Tests.Cli;

/// <summary>The import and export verbs end to end: real files, a real SQLite file, the real host services.</summary>
public sealed class ImportExportCommandTests : IDisposable
{
    private readonly SheetFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly object?[] Header =
        ["序号", "方面", "存在问题", "整改措施", "责任领导", "责任部门", "配合部门", "责任人", "整改时限", "整改进展", "状态", "完成进度"];

    private string MessySheet(string name = "messy.xlsx", string secondMeasure = "建立制度", object? secondStatus = null, object? secondPercent = null) =>
        _files.Xlsx(name, new Dictionary<int, object?[]>
        {
            [1] = ["2021年XX县委第三轮巡察整改台账"],
            [2] = ["填报单位：XX县民政局", null, null, null, null, null, null, null, "反馈时间：2021年6月10日"],
            [3] = Header,
            [4] = ["一、聚焦贯彻落实方面"],
            [5] = ["1.", null, "学习不深入", "组织专题学习", "王建国", "办公室", "机关党支部、宣传科", "张三、李四", new DateTime(2021, 12, 31), "已学习", "已完成", null],
            [6] = ["２", null, null, secondMeasure, "王建国", "办公室", null, "张三，李四", "2021年12月底前", null, secondStatus, secondPercent],
            [7] = ["3", null, null, "立即抓", "王建国", "办公室", null, "李四", "立行立改", null, null, null],
            [9] = ["4", "第二方面", "问题二", "措施四", null, "财务科", null, "赵六", "下半年", null, "未开始", null],
            [10] = ["5", "第二方面", "问题二", "措施五", "李明", "财务科", null, "王五", "长期坚持", "每月检查", null, "30%"],
        }, "A1:L1", "A4:L4", "C5:C7");

    private string BadSheet() => _files.Xlsx("bad.xlsx", new Dictionary<int, object?[]>
    {
        [1] = ["2021年XX县委第三轮巡察整改台账"],
        [2] = Header,
        [3] = ["1", "方面一", "问题一", null, null, "办公室", null, "张三", "2021-12-31", null, null, null],
        [4] = ["2", "方面一", "问题一", "措施二", null, "办公室", null, null, "尽快", null, null, null],
        [5] = ["2", "方面一", "问题一", "措施三", null, "办公室", null, "张三", "2021年13月", null, null, null],
    });

    private sealed class Database : IDisposable
    {
        private readonly ConnectionFactory _connections;

        public Database(string path)
        {
            Path = path;
            _connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = path });
            Queries = new LedgerQueries(_connections);
            Changes = new LedgerChanges(_connections);
        }

        public string Path { get; }

        public LedgerQueries Queries { get; }

        public LedgerChanges Changes { get; }

        public async Task<IReadOnlyList<TaskSummary>> TasksAsync() =>
            (await Queries.ListAsync(TaskScope.Everything, TaskFilter.All, new DateOnly(2021, 7, 1), 0, 1000)).Items;

        public void Dispose() => _connections.Dispose();
    }

    private Database NewDatabase(string name = "ledger.db") => new(_files.Path(name));

    private static Task<(int ExitCode, string[] Lines)> RunAsync(Database database, params string[] args) => RunAsync(database, null, args);

    private static async Task<(int ExitCode, string[] Lines)> RunAsync(Database database, TimeProvider? time, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, s =>
        {
            s.Configure<DatabaseOptions>(o => o.ConnectionString = database.Path);
            if (time is not null)
            {
                s.AddSingleton(time);
            }
        });
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Imports_a_messy_sheet_into_the_database()
    {
        using var database = NewDatabase();

        var (exitCode, _) = await RunAsync(database, "import", MessySheet(), "--lang", "zh-CN");

        Assert.Equal(0, exitCode);
        var tasks = await database.TasksAsync();
        Assert.Equal(["1", "2", "3", "4", "5"], tasks.Select(t => t.Code));
        var second = (await database.Queries.FindByCodeAsync("2"))!;
        Assert.Equal(["张三", "李四"], second.OfficerList.Select(o => o.Name));
        Assert.Equal("学习不深入", second.Task.Problem);
        Assert.Equal("聚焦贯彻落实方面", second.Task.Aspect);
        Assert.Equal(TimeLimit.On(new DateOnly(2021, 12, 31)), second.Task.TimeLimit);
        Assert.Equal(TimeLimit.On(new DateOnly(2021, 12, 31)), tasks[3].TimeLimit);
        Assert.Equal(TimeLimitKind.Immediate, tasks[2].TimeLimit.Kind);
        Assert.NotNull(tasks[2].TimeLimit.Date);
        Assert.Equal(RectificationStatus.Done, tasks[0].Status);
        Assert.Equal((RectificationStatus.Ongoing, 30), (tasks[4].Status, tasks[4].Percent));
        Assert.Equal("2021年XX县委第三轮巡察整改台账", Assert.Single(await database.Queries.InspectionsAsync()).Title);
    }

    [Fact]
    public async Task Rejects_a_bad_sheet_printing_every_error_in_chinese_and_writes_nothing()
    {
        using var database = NewDatabase();
        await RunAsync(database, "import", MessySheet());
        var before = await database.TasksAsync();

        var (exitCode, lines) = await RunAsync(database, "import", BadSheet(), "--lang", "zh-CN");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "导入失败，共6处错误，未写入任何数据。",
                "第3行“整改措施”列：缺少整改措施。",
                "第4行“责任人”列：缺少责任人，每项整改措施都要有责任人（不留盲区）。",
                "第4行“整改时限”列：无法识别整改时限“尽快”，请写明日期（如2021年12月31日、2021年12月底前）、立行立改或长期坚持。",
                "第4行“序号”列：序号“2”重复。",
                "第5行“整改时限”列：整改时限“2021年13月”不是有效日期。",
                "第5行“序号”列：序号“2”重复。",
            ],
            lines);
        Assert.Equal(before, await database.TasksAsync());
    }

    [Fact]
    public async Task Rejects_a_bad_sheet_in_english_with_lang_en_us()
    {
        using var database = NewDatabase();

        var (exitCode, lines) = await RunAsync(database, "import", BadSheet(), "--lang", "en-US");

        Assert.Equal(1, exitCode);
        Assert.Equal("Import failed with 6 error(s); nothing was written.", lines[0]);
        Assert.Equal("Row 3, column '整改措施': The measure is missing.", lines[1]);
        Assert.Equal("Row 5, column '序号': The number '2' is used more than once.", lines[6]);
        Assert.Equal(7, lines.Length);
        Assert.Empty(await database.TasksAsync());
        Assert.Empty(await database.Queries.InspectionsAsync());
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "a.xlsx", "b.xlsx")]
    [InlineData("import", "ledger.txt")]
    [InlineData("import", "missing.xlsx")]
    [InlineData("import", "missing.xlsx", "--inspection")]
    [InlineData("import", "missing.xlsx", "--sheet", "2")]
    [InlineData("export")]
    [InlineData("export", "ledger.csv")]
    public async Task Answers_usage_errors_with_exit_code_2(params string[] args)
    {
        using var database = NewDatabase();

        var (exitCode, lines) = await RunAsync(database, [.. args, "--lang", "en-US"]);

        Assert.Equal(2, exitCode);
        Assert.NotEmpty(lines);
    }

    [Fact]
    public async Task Reimporting_an_updated_sheet_updates_the_tasks_and_keeps_their_progress_history()
    {
        using var database = NewDatabase();
        await RunAsync(database, "import", MessySheet("v1.xlsx", secondPercent: "20%"));
        var first = (await database.Queries.FindByCodeAsync("2"))!;
        var officer = first.OfficerList[0];
        var reported = await database.Changes.RecordProgressAsync(new ProgressReport(first.Task.Id, officer.Id, 40, RectificationStatus.InProgress,
            "草稿已完成", "chat", "test:1", DateTimeOffset.UtcNow));
        Assert.True(reported.Succeeded, reported.ToString());

        var (exitCode, _) = await RunAsync(database, "import", MessySheet("v2.xlsx", "建立并印发制度", "整改中", "60%"));

        Assert.Equal(0, exitCode);
        Assert.Equal(5, (await database.TasksAsync()).Count);
        var updated = (await database.Queries.FindByCodeAsync("2"))!;
        Assert.Equal(first.Task.Id, updated.Task.Id);
        Assert.Equal(("建立并印发制度", 60, RectificationStatus.InProgress), (updated.Task.Measure, updated.Task.Percent, updated.Task.Status));
        Assert.Equal([("import", 20), ("chat", 40), ("import", 60)], updated.Progress.Select(p => (p.Source, p.Percent)));
    }

    [Fact]
    public async Task Immediate_items_are_due_from_the_feedback_date_above_the_header_and_keep_it_on_reimport()
    {
        using var database = NewDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 7, 1, 2, 0, 0, TimeSpan.Zero));
        await RunAsync(database, time, "import", MessySheet());
        time.Advance(TimeSpan.FromDays(30));

        var (exitCode, _) = await RunAsync(database, time, "import", MessySheet());

        Assert.Equal(0, exitCode);
        var immediate = (await database.Queries.FindByCodeAsync("3"))!.Task.TimeLimit;
        Assert.Equal(new TimeLimit(TimeLimitKind.Immediate, new DateOnly(2021, 6, 10)), immediate);
        var inspection = Assert.Single(await database.Queries.InspectionsAsync());
        Assert.Equal((new DateOnly(2021, 6, 10), "XX县民政局"), (inspection.FeedbackDate, inspection.InspectedUnit));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task Exporting_and_importing_into_a_fresh_database_gives_back_the_same_ledger(string language)
    {
        using var original = NewDatabase("original.db");
        await RunAsync(original, "import", MessySheet("v1.xlsx"));
        await RunAsync(original, "import", MessySheet("v2.xlsx", "建立并印发制度", "整改中", "60%"));
        await AttachEvidenceAsync(original, "2", "专题会议纪要.pdf", "制度文件.pdf");
        var exported = _files.Path("export.xlsx");

        var (exportCode, _) = await RunAsync(original, "export", exported, "--lang", language);
        using var copy = NewDatabase("copy.db");
        var (importCode, lines) = await RunAsync(copy, "import", exported, "--lang", language);

        Assert.Equal(0, exportCode);
        Assert.True(importCode == 0, string.Join('\n', lines));
        Assert.Equal((await original.Queries.InspectionsAsync()).Select(i => i with { Id = 0 }), (await copy.Queries.InspectionsAsync()).Select(i => i with { Id = 0 }));
        Assert.Equal(await LedgerAsync(original), await LedgerAsync(copy));
    }

    /// <summary>Evidence files on a task, as an officer's report in chat leaves them (stored beside the ledger file, claimed).</summary>
    private async Task AttachEvidenceAsync(Database database, string code, params string[] names)
    {
        using var connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = database.Path });
        var evidence = new Rectification.Data.Evidence.EvidenceRepository(connections, new Rectification.Data.Evidence.FolderEvidenceStore(_files.Path("evidence")));
        var task = (await database.Queries.FindByCodeAsync(code))!;
        var officer = task.OfficerList[0].Id;
        foreach (var name in names)
        {
            await evidence.AddAsync(new Rectification.Data.Evidence.NewEvidence(officer, name, System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7\n% {name}\n%%EOF"),
                Rectification.Data.Evidence.FileTypes.Pdf, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        await evidence.ClaimAsync(officer, task.Task.Id, null, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
    }

    private static async Task<List<string>> LedgerAsync(Database database)
    {
        var rows = new List<string>();
        foreach (var task in await database.TasksAsync())
        {
            var detail = (await database.Queries.GetAsync(task.Id))!;
            rows.Add(string.Join(" | ", task.Code, task.Aspect, task.Problem, task.Measure, task.Leader, task.LeadDepartment,
                string.Join('、', detail.CoDepartments), task.Officers, task.TimeLimit, task.TimeLimitText, task.Status, task.Percent,
                detail.ProgressNote));
        }
        return rows;
    }

    [Fact]
    public async Task Export_writes_status_percent_last_update_and_days_overdue()
    {
        using var database = NewDatabase();
        await RunAsync(database, "import", MessySheet());
        await AttachEvidenceAsync(database, "1", "学习记录.pdf", "签到表.pdf");
        var exported = _files.Path("export.xlsx");

        await RunAsync(database, "export", exported, "--lang", "zh-CN");

        var rows = MiniExcelLibs.MiniExcel.Query(exported, useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        Assert.Equal("2021年XX县委第三轮巡察整改台账", rows[0][0]);
        Assert.StartsWith("填报单位：XX县民政局", rows[1][0], StringComparison.Ordinal);
        // The particulars ride on the same line, so import reads them back.
        Assert.Contains("反馈日期：2021-06-10", rows[1][0], StringComparison.Ordinal);
        Assert.Equal(["序号", "方面", "存在问题", "整改措施", "责任领导", "责任部门", "配合部门", "责任人", "整改时限", "截止日期", "状态", "完成进度", "整改进展", "最后更新", "逾期天数", "佐证材料"], rows[2]);
        Assert.Equal(("2：学习记录.pdf、签到表.pdf", ""), (rows[3][15], rows[4][15]));
        var second = rows[4];
        Assert.Equal(("2", "2021年12月底前", "未开始", "0"), (second[0], second[8], second[10], second[11]));
        Assert.StartsWith("12/31/2021", second[9], StringComparison.Ordinal);
        Assert.True(int.Parse(second[14], System.Globalization.CultureInfo.InvariantCulture) > 300);
        Assert.Equal(("已完成", "1", "0"), (rows[3][10], rows[3][11], rows[3][14]));
    }
}
