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
        Assert.DoesNotContain("BENCHMARK FAILED", printed, StringComparison.Ordinal);
    }
}
