using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cli;
using Rectification.Data.Db;
using Rectification.Data.People;
using Rectification.Tests.Data.Import;

namespace Rectification.Tests.Cli;

/// <summary>The people verb end to end: real roster files, a real SQLite file, the real host services and texts.</summary>
public sealed class PeopleCommandTests : IDisposable
{
    private readonly SheetFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Database => _files.Path("ledger.db");

    // An admin's own ledger: no demo (the roster alone does not make the ledger non-empty).
    private Task<(int ExitCode, string[] Lines)> RunAsync(params string[] args) => RunAsync(seedDemo: false, args);

    private async Task<(int ExitCode, string[] Lines)> RunAsync(bool seedDemo, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, s =>
        {
            s.Configure<DatabaseOptions>(o => o.ConnectionString = Database);
            s.Configure<Rectification.Bot.Hosting.LedgerOptions>(o => o.SeedDemoLedger = seedDemo);
        });
        return (exitCode, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private string Roster(string name = "名单.xlsx", string role = "整改办") => _files.Xlsx(name, new Dictionary<int, object?[]>
    {
        [1] = ["姓名", "部门", "邮箱", "角色", "分管部门"],
        [2] = ["高洁", "整改办", "gaojie@city.gov.cn", role, null],
        [3] = ["马骏", "区领导", null, "领导", "城建科"],
        [4] = ["何平", "城建科", null, null, null],
    });

    private async Task<IReadOnlyList<Person>> PeopleAsync()
    {
        using var connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = Database });
        return await new PeopleRepository(connections, TimeProvider.System).ListAsync();
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_writes_nothing_then_the_real_run_writes_it()
    {
        var (dryExit, dryLines) = await RunAsync("people", "import", Roster(), "--dry-run", "--lang", "zh-CN");

        Assert.Equal(0, dryExit);
        Assert.Equal("新增3人，更新0人，无变化0人。", dryLines[0]);
        Assert.Contains("新增：马骏｜区领导｜（无邮箱）｜（未关联账号）｜领导｜分管：城建科", dryLines);
        Assert.Equal("以上为预览（--dry-run），未写入任何数据。", dryLines[^1]);
        Assert.Empty(await PeopleAsync());

        var (exit, lines) = await RunAsync("people", "import", Roster(), "--lang", "zh-CN");

        Assert.Equal(0, exit);
        Assert.Equal("人员名单已导入：新增3人，更新0人，无变化0人。", lines[^1]);
        Assert.Equal(["高洁"], (await PeopleAsync()).Where(p => p.IsAdmin).Select(p => p.Name));
    }

    [Fact]
    public async Task A_bad_roster_prints_every_error_in_the_users_language_and_exits_1()
    {
        var (exit, lines) = await RunAsync("people", "import", Roster("bad.xlsx", role: "科长"), "--lang", "en-US");

        Assert.Equal(1, exit);
        Assert.Equal(["The roster was not imported: 1 error(s), nothing was written.", "Row 2, column '角色': Unknown role '科长': use officer, leader or admin."], lines);
        Assert.Empty(await PeopleAsync());
    }

    [Fact]
    public async Task Set_list_and_export_work_on_the_imported_roster()
    {
        await RunAsync("people", "import", Roster());

        var (setExit, setLines) = await RunAsync("people", "set", "何平", "--admin", "--object-id", "0f8fad5b-d9cb-469f-a165-70867728950e", "--lang", "en-US");
        Assert.Equal(0, setExit);
        Assert.Contains("Updated: 何平's admin from 'no' to 'yes'", setLines);

        var (refusedExit, refused) = await RunAsync("people", "set", "马骏", "--leader", "城建科、不存在科", "--lang", "zh-CN");
        Assert.Equal(1, refusedExit);
        Assert.Equal("分管部门“不存在科”不在台账和名单的部门中，请核对名称。", refused[^1]);

        var (_, list) = await RunAsync("people", "list", "--lang", "en-US");
        Assert.Contains("何平 | 城建科 | (no email) | 0f8fad5b-d9cb-469f-a165-70867728950e | admin", list);

        // --object-id none unlinks the account: previewed like any edit, then written.
        var (previewExit, preview) = await RunAsync("people", "set", "何平", "--object-id", "none", "--dry-run", "--lang", "en-US");
        Assert.Equal(0, previewExit);
        Assert.Contains(preview, l => l.StartsWith("Updated: 何平's", StringComparison.Ordinal) && l.EndsWith("from '0f8fad5b-d9cb-469f-a165-70867728950e' to '(none)'", StringComparison.Ordinal));
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", (await PeopleAsync()).Single(p => p.Name == "何平").TeamsUserId);
        Assert.Equal(0, (await RunAsync("people", "set", "何平", "--object-id", "None", "--lang", "en-US")).ExitCode);
        Assert.Null((await PeopleAsync()).Single(p => p.Name == "何平").TeamsUserId);

        var target = _files.Path("out/roster.xlsx");
        var (exportExit, _) = await RunAsync("people", "export", target);
        Assert.Equal(0, exportExit);
        var read = RosterSheet.Read(target);
        Assert.Equal(["高洁", "马骏", "何平"], read.Entries.Select(e => e.Name));
        Assert.True(read.Entries[2].IsAdmin);
    }

    [Fact]
    public async Task On_a_fresh_local_database_list_shows_the_demo_like_the_host_and_import_does_not_seed()
    {
        var (_, importLines) = await RunAsync(seedDemo: true, "people", "import", Roster(), "--dry-run", "--lang", "en-US");
        Assert.Equal("3 new, 0 updated, 0 unchanged.", importLines[0]);

        var (exit, lines) = await RunAsync(seedDemo: true, "people", "list", "--lang", "en-US");

        Assert.Equal(0, exit);
        Assert.Equal((await PeopleAsync()).Count, lines.Length);
        Assert.Contains(await PeopleAsync(), p => p.IsAdmin);
    }

    [Theory]
    [InlineData("people", "set", "何平")]
    [InlineData("people", "set", "何平", "--admin", "--officer")]
    [InlineData("people", "import")]
    [InlineData("people", "list", "extra")]
    [InlineData("people", "rename", "何平")]
    public async Task Usage_errors_exit_2_and_print_the_usage(params string[] args)
    {
        var (exit, lines) = await RunAsync([.. args, "--lang", "en-US"]);

        Assert.Equal(2, exit);
        Assert.StartsWith("Usage: people import", lines[0]);
    }

    [Fact]
    public async Task An_unknown_option_fails_closed()
    {
        var (exit, _) = await RunAsync("people", "set", "何平", "--superuser");

        Assert.Equal(2, exit);
    }
}
