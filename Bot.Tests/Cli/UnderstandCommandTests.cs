using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cli;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Tests.Data.Import;

namespace Rectification.Tests.Cli;

/// <summary>
/// The `understand` verb, the contract the held-out evaluation reads: one JSON object with the field names,
/// absent fields left out, on a fresh database that it seeds with the demo as the host does.
/// </summary>
public sealed class UnderstandCommandTests : IDisposable
{
    private readonly SheetFiles _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<JsonElement> UnderstandAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["understand", .. args], output, s =>
        {
            s.Configure<DatabaseOptions>(o => o.ConnectionString = _files.Path("ledger.db"));
            s.Configure<Rectification.Bot.Hosting.LedgerOptions>(o => o.SeedDemoLedger = true);
        });
        Assert.Equal(0, exitCode);
        return JsonDocument.Parse(output.ToString().Trim()).RootElement;
    }

    [Fact]
    public async Task A_progress_report_gives_the_intent_the_code_and_the_percent_and_nothing_else()
    {
        var json = await UnderstandAsync("--as", "刘洋", "--today", "2026-12-07", "1-3-2 做到七成了，方案已经报上去了");

        Assert.Equal("report_progress", json.GetProperty("intent").GetString());
        Assert.Equal("1-3-2", json.GetProperty("code").GetString());
        Assert.Equal(70, json.GetProperty("percent").GetInt32());
        Assert.InRange(json.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.False(json.TryGetProperty("date", out _));
        Assert.False(json.TryGetProperty("decision", out _));
    }

    [Fact]
    public async Task An_extension_gives_the_requested_deadline_and_a_leaders_decision_its_verdict()
    {
        var extension = await UnderstandAsync("--as", "刘洋", "--today", "2026-12-07", "extend 1-4-1 to the end of March");
        var decision = await UnderstandAsync("--as", "李明", "--today", "2026-12-07", "驳回1-2-3，佐证材料不足");

        Assert.Equal(("extend", "1-4-1", "2027-03-31"),
            (extension.GetProperty("intent").GetString(), extension.GetProperty("code").GetString(), extension.GetProperty("date").GetString()));
        Assert.Equal(("decide", "1-2-3", "reject"),
            (decision.GetProperty("intent").GetString(), decision.GetProperty("code").GetString(), decision.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task An_extension_by_a_length_gives_the_deadline_moved_by_it()
    {
        // Today is the host's: the demo's 1-2-2 falls due in five days, so counting from today would give another date.
        var json = await UnderstandAsync("--as", "刘洋", "1-2-2 延期一个月，因为需等待盟民委联合发文");

        using var connections = new ConnectionFactory(new DatabaseOptions { ConnectionString = _files.Path("ledger.db") });
        var due = (await new LedgerQueries(connections).FindByCodeAsync("1-2-2"))!.Task.DueDate!.Value;
        Assert.Equal(("extend", "1-2-2", due.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (json.GetProperty("intent").GetString(), json.GetProperty("code").GetString(), json.GetProperty("date").GetString()));
    }
}
