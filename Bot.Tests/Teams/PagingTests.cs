using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Tests.Data;

namespace Rectification.Tests.Teams;

/// <summary>Long lists come in pages with a "more" button; nothing is dropped silently.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync();
        var tasks = Enumerable.Range(1, 20).Select(i => TestLedger.Task(i + 1, $"9-1-{i}", "专项方面", "专项问题", $"专项措施{i}", "李明", "民族宗教科",
            ["刘洋"], TimeLimit.On(new DateOnly(2027, 1, i)))).ToList();
        var result = await _chat.Get<LedgerImportWriter>().WriteAsync(new LedgerDraft(new InspectionDraft("专项检查"), tasks), Actor.System("test"), ChatHarness.Now);
        Assert.True(result.Succeeded);
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task My_tasks_pages_and_the_more_button_shows_the_rest()
    {
        var first = Assert.Single(await _chat.SayAsync("刘洋", "我的任务"));
        var more = first.Buttons().Single(b => b.Value<string>("action") == "more");
        var second = Assert.Single(await _chat.SubmitAsync("刘洋", more));
        var third = Assert.Single(await _chat.SubmitAsync("刘洋", second.Buttons().Single(b => b.Value<string>("action") == "more")));
        var fourth = Assert.Single(await _chat.SubmitAsync("刘洋", third.Buttons().Single(b => b.Value<string>("action") == "more")));

        var pages = new[] { first, second, third, fourth };
        var codes = pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(new[] { p }.Readable(), @"\*\*([0-9-]+)\*\*").Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(26, codes.Count);
        Assert.Equal(26, codes.Distinct().Count());
        Assert.Contains("第1–8项，共26项", new[] { first }.Readable(), StringComparison.Ordinal);
        Assert.Contains("更多（还有18项）", new[] { first }.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain(fourth.Buttons(), b => b.Value<string>("action") == "more");
        Assert.All(pages, p => Assert.True(p.Card()!.ToString(Newtonsoft.Json.Formatting.None).Length < 28_000));
    }

    [Fact]
    public async Task Two_people_in_one_group_chat_keep_their_own_flows()
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度90% 报告已提交");
        await _chat.SayAsync("孙丽", "报告进展");

        var liu = await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("已记录：任务 1-2-2 进度 90%", liu.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_history_shows_the_latest_entries_and_the_earlier_button_pages_back()
    {
        var liu = await _chat.PersonAsync("刘洋");
        var task = await _chat.TaskAsync("9-1-3");
        for (var i = 1; i <= 23; i++)
        {
            var saved = await _chat.Get<LedgerChanges>().RecordProgressAsync(new ProgressReport(task.Task.Id, liu.Id, i, null, $"第{i}次报告", "chat", $"history-{i}",
                ChatHarness.Now.AddMinutes(i)));
            Assert.True(saved.Succeeded);
        }

        var first = Assert.Single(await _chat.SayAsync("刘洋", "9-1-3"));
        Assert.Contains("第23次报告", new[] { first }.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("第13次报告", new[] { first }.Readable(), StringComparison.Ordinal);
        Assert.Contains("显示第14–23条，共23条", new[] { first }.Readable(), StringComparison.Ordinal);
        var second = Assert.Single(await _chat.SubmitAsync("刘洋", first.Buttons().Single(b => b.Value<string>("action") == "history")));
        Assert.Contains("第13次报告", new[] { second }.Readable(), StringComparison.Ordinal);
        Assert.Contains("第4次报告", new[] { second }.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("第14次报告", new[] { second }.Readable(), StringComparison.Ordinal);
        var third = Assert.Single(await _chat.SubmitAsync("刘洋", second.Buttons().Single(b => b.Value<string>("action") == "history")));
        Assert.Contains("第1次报告", new[] { third }.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain(third.Buttons(), b => b.Value<string>("action") == "history");

        // Someone who may not see the task gets nothing from a forged button.
        var forged = await _chat.SubmitAsync("孙丽", new { action = "history", code = "9-1-3", skip = "10" });
        Assert.DoesNotContain("第13次报告", forged.Readable(), StringComparison.Ordinal);
    }
}
