using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cli;
using Rectification.Bot.Report;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;
using Rectification.Data.Report;
using Rectification.Tests.Data;

namespace Rectification.Tests.Cli;

/// <summary>`inspection group|meeting|recheck` on a real SQLite ledger: edits that the 通报 then uses, audited, and refusals that change nothing.</summary>
public sealed class InspectionSetupCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CommandLine.RunAsync(["inspection", .. args, "--lang", "zh-CN"], output, s => s.Configure<DatabaseOptions>(o =>
        {
            o.Provider = _database.Options.Provider;
            o.ConnectionString = _database.Options.ConnectionString;
        }));
        return (exit, output.ToString());
    }

    [Fact]
    public async Task The_leading_group_and_meetings_are_edited_listed_and_used_by_the_report()
    {
        var empty = await RunAsync("group", "list");
        Assert.Equal((0, "整改领导小组尚未填写。"), (empty.Exit, empty.Output.Trim()));
        Assert.Equal(0, (await RunAsync("group", "add", "--role", "成员", "--name", "赵志刚", "--title", "党外干部科科长")).Exit);
        Assert.Equal(0, (await RunAsync("group", "add", "--role", "leader", "--name", "王建国", "--title", "常务副部长")).Exit);
        Assert.Equal(0, (await RunAsync("group", "add", "--role", "副组长", "--name", "李明")).Exit);
        Assert.Equal(0, (await RunAsync("group", "add", "--role", "成员", "--name", "孙丽")).Exit);

        var listed = (await RunAsync("group")).Output;
        Assert.Equal(["组长：王建国（常务副部长）", "副组长：李明", "成员：赵志刚（党外干部科科长）", "成员：孙丽"], listed.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, (await RunAsync("group", "remove", "--name", "孙丽")).Exit);
        var added = await RunAsync("meeting", "add", "--date", "2026-06-15", "--kind", "专项推进会", "--topic", "研究部署巡察反馈问题整改工作");
        Assert.Equal(0, added.Exit);
        Assert.Contains("2026年6月15日　专项推进会：研究部署巡察反馈问题整改工作", (await RunAsync("meeting", "list")).Output, StringComparison.Ordinal);

        var setup = new ReportSetup(_database.Connections);
        var inspection = Assert.Single(await new LedgerQueries(_database.Connections).InspectionsAsync());
        Assert.Equal(["王建国", "李明", "赵志刚"], (await setup.LeadingGroupAsync(inspection.Id)).Select(m => m.Name));
        var meeting = Assert.Single(await setup.MeetingsAsync(inspection.Id));
        Assert.Equal(("专项推进会", new DateOnly(2026, 6, 15)), (meeting.Kind, meeting.HeldOn));
        await using (var connection = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            Assert.Equal(5, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'inspection' AND action = 'leading_group'"));
        }

        // The 通报's 一、组织开展情况 names the group.
        var drafter = new ReportDrafter(new ReportHistory(_database.Connections), setup, TestLedger.Calendar);
        var input = await drafter.GatherAsync(UiText.ZhCn, inspection, TestLedger.Today, TestLedger.Now, charts: false, CancellationToken.None);
        var text = string.Join("\n", RectificationReport.Build(UiText.ZhCn, input).Blocks.OfType<ReportBlock.Paragraph>().Select(p => p.Text));
        Assert.Contains("王建国", text, StringComparison.Ordinal);
        Assert.Contains("专项推进会", text, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync("meeting", "remove", "--id", meeting.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Exit);
        Assert.Empty(await setup.MeetingsAsync(inspection.Id));
    }

    [Theory]
    [InlineData(2, "“主任”不是有效的职务", "group", "add", "--role", "主任", "--name", "王建国")]
    [InlineData(2, "缺少 --name", "group", "add", "--role", "组长")]
    [InlineData(1, "整改领导小组中没有“钱七”", "group", "remove", "--name", "钱七")]
    [InlineData(2, "“2026/6/15”不是有效的日期", "meeting", "add", "--date", "2026/6/15", "--kind", "推进会", "--topic", "部署")]
    [InlineData(2, "缺少 --topic", "meeting", "add", "--date", "2026-06-15", "--kind", "推进会")]
    [InlineData(1, "没有编号为 99 的会议", "meeting", "remove", "--id", "99")]
    [InlineData(2, "“3”不是有效的天数", "recheck", "--days", "3")]
    [InlineData(2, "“0”不是有效的天数", "recheck", "--days", "0")]
    [InlineData(2, "“-10”不是有效的天数", "recheck", "--days", "-10")]
    [InlineData(2, "“731”不是有效的天数", "recheck", "--days", "731")]
    [InlineData(1, "找不到", "group", "list", "--inspection", "没有这次巡察")]
    public async Task Bad_input_is_refused_plainly_and_changes_nothing(int exit, string expected, params string[] args)
    {
        const string Audited = "SELECT count(*) FROM audit_log WHERE entity = 'inspection'";
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var before = await connection.ExecuteScalarAsync<long>(Audited);

        var result = await RunAsync(args);

        Assert.Equal(exit, result.Exit);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await connection.ExecuteScalarAsync<long>(Audited));
    }

    [Fact]
    public async Task The_recheck_period_is_shown_set_and_reset()
    {
        Assert.Contains("按默认设置，事项销号 90 天后", (await RunAsync("recheck")).Output, StringComparison.Ordinal);
        Assert.Contains("销号 45 天后", (await RunAsync("recheck", "--days", "45")).Output, StringComparison.Ordinal);
        var inspection = Assert.Single(await new LedgerQueries(_database.Connections).InspectionsAsync());
        Assert.Equal(45, await new Rechecks(_database.Connections, TestLedger.Calendar).RecheckDaysAsync(inspection.Id));
        Assert.Contains("按默认设置", (await RunAsync("recheck", "--days", "default")).Output, StringComparison.Ordinal);
        Assert.Null(await new Rechecks(_database.Connections, TestLedger.Calendar).RecheckDaysAsync(inspection.Id));
    }
}
