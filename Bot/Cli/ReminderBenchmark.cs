using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Rectification.Bot.Cards;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Cli;

/// <summary>
/// The reminder part of the benchmark, on the synthetic ledger: planning one morning against reading its snapshot
/// (interleaved, same run), and the size of the largest digest card of each kind. Two thirds of the people count as
/// having opened the bot, so the admins' digest carries the rest as unreachable.
/// </summary>
internal static class ReminderBenchmark
{
    private const int Rounds = 5;
    private const int CardLimit = 24 * 1024;

    public static async Task RunAsync(ConnectionFactory connections, DateTimeOffset now, TextWriter output, CancellationToken cancellationToken)
    {
        var calendar = WorkingDayCalendar.Load(Path.Combine(AppContext.BaseDirectory, "holidays.json"));
        var ledger = LedgerCalendar.ChinaStandardTime;
        var policy = new ReminderPolicy(new ReminderOptions(), calendar, ledger);
        var zone = ledger.TimeZone;
        var day = calendar.WorkingDayOnOrAfter(ledger.Today(now).AddDays(1));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 5)), zone.GetUtcOffset(day.ToDateTime(new TimeOnly(9, 5))));
        var queries = new ReminderSnapshotQueries(connections);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        var reads = new List<double>();
        var plans = new List<double>();
        IReadOnlyList<PlannedReminder> plan = [];
        ReminderSnapshot snapshot = null!;
        for (var round = 0; round < Rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            var rows = await queries.ReadAsync(day.AddDays(-31), cancellationToken);
            snapshot = ReminderSnapshotSource.Map(rows);
            snapshot = snapshot with { People = [.. snapshot.People.Select(p => p with { HasConversationReference = p.Id % 3 != 0 })] };
            reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            plan = policy.Plan(snapshot, at);
            plans.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (snapshot.Tasks.Count == 0 || plan.Count == 0)
            {
                throw new BenchmarkFailedException($"reminder planning: {snapshot.Tasks.Count} open tasks read, {plan.Count} digests planned");
            }
        }
        reads.Sort();
        plans.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Reminder planning for {at:yyyy-MM-dd HH:mm} ({snapshot.Tasks.Count:N0} open tasks, {snapshot.People.Count:N0} people, {plan.Count:N0} digests planned, checked > 0):"));
        await output.WriteLineAsync("");
        await output.WriteLineAsync("| step | median ms | ratio to snapshot read |");
        await output.WriteLineAsync("|---|---|---|");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| read the snapshot (baseline) | {reads[Rounds / 2]:F0} | 1.00 |"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| plan the morning | {plans[Rounds / 2]:F0} | {plans[Rounds / 2] / reads[Rounds / 2]:F2} |"));
        await output.WriteLineAsync("");

        await output.WriteLineAsync("| largest digest card | items | unreachable | zh-CN bytes | en-US bytes |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        foreach (var largest in plan.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => g.MaxBy(r => r.Items.Count + r.Unreachable.Count)!))
        {
            var digest = new ReminderDigest(largest.Kind, largest.SlotKey, largest.SlotDate, largest.IsCatchUp, largest.Items, largest.Unreachable, [], 0);
            var sizes = new[] { "zh-CN", "en-US" }.Select(l => Encoding.UTF8.GetByteCount(ReminderCards.Digest(UiText.For(l), digest).Json)).ToArray();
            if (sizes.Max() >= CardLimit)
            {
                throw new BenchmarkFailedException($"the {largest.Kind} digest card is {sizes.Max():N0} bytes, over {CardLimit:N0}");
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {largest.Kind} | {largest.Items.Count:N0} | {largest.Unreachable.Count:N0} | {sizes[0]:N0} | {sizes[1]:N0} |"));
        }
    }
}
