using Rectification.Bot.Cli;
using Rectification.Bot.Texts;

namespace Rectification.Tests.Cli;

/// <summary>The benchmark at CI size (1,000 tasks), so it never rots: every timed operation must do what it claims.</summary>
public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task The_benchmark_at_1000_tasks_runs_checks_its_writes_and_prints_every_table()
    {
        using var output = new StringWriter();

        var exit = await BenchmarkCommand.RunAsync(["--tasks", "1000"], UiText.For("en-US"), output, CancellationToken.None);

        var printed = output.ToString();
        Assert.True(exit == 0, printed);
        Assert.Contains("progress rows written by the timed writes: 210 (checked)", printed, StringComparison.Ordinal);
        Assert.Contains("| record a progress update (transaction, audit) |", printed, StringComparison.Ordinal);
        Assert.Contains("| plan the morning |", printed, StringComparison.Ordinal);
        Assert.Contains("| AdminRed |", printed, StringComparison.Ordinal);
        Assert.Contains("| chat turn \"我的任务\" (list card)", printed, StringComparison.Ordinal);
        Assert.Contains("| echo bot, same adapter and host |", printed, StringComparison.Ordinal);
        Assert.Contains("(200 rows written, checked) | the same on a task with none |", printed, StringComparison.Ordinal);
        Assert.Contains("| the same two statements through a bare reader on an open connection |", printed, StringComparison.Ordinal);
        Assert.Contains("| prepared INSERT of each row into one flat table |", printed, StringComparison.Ordinal);
        Assert.Contains("| prepared INSERTs of the same rows into the same tables (task, officers, progress, audit) |", printed, StringComparison.Ordinal);
        Assert.Matches(@"Progress writes while the imports of [\d,]+ rows ran: [1-9]\d* done, 0 failed", printed);
        Assert.Contains("| task detail | 2,", printed, StringComparison.Ordinal);
        Assert.Contains("| delivery, connector always answers 200, one digest a conversation (each digest once, checked) | configured ", printed, StringComparison.Ordinal);
        Assert.Matches(@"\| delivery, 20 % answered 429 \+ Retry-After: 1, one digest a conversation \([1-9]\d* refusals; each digest once, checked\) \|", printed);
        Assert.Contains("| delivery, always 200, every 5th person a second digest right after the first (each digest once, checked) | configured ", printed, StringComparison.Ordinal);
        Assert.Contains("| chat turn \"我的任务\" over HTTP, 50 conversations at once (150 list cards, checked) | echo bot, same CloudAdapter, host and connector |", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("BENCHMARK FAILED", printed, StringComparison.Ordinal);
    }
}
