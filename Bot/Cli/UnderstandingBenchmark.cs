using System.Diagnostics;
using System.Globalization;
using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Understanding;

namespace Rectification.Bot.Cli;

/// <summary>
/// The understanding part of the benchmark: what the stage adds to start-up (loading the shipped intent model,
/// training it when the corpus changed, loading the cached one, compiling the recognizers) and the time to read one message, over
/// every corpus sentence in turn, after start. The readings are checked against the corpus labels, so a figure can
/// never come from a stage that answered nothing.
/// </summary>
internal static class UnderstandingBenchmark
{
    private const int Rounds = 3;

    public static async Task RunAsync(TextWriter output)
    {
        var cache = Path.Combine(Path.GetTempPath(), $"rectification-benchmark-{Environment.ProcessId}");
        try
        {
            var examples = IntentCorpus.All;
            var clock = Stopwatch.StartNew();
            var shipped = new IntentModel(examples, cache);
            shipped.WarmUp();
            var shipping = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var trained = new IntentModel(examples, cache, useShipped: false);
            trained.WarmUp();
            var training = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var loaded = new IntentModel(examples, cache, useShipped: false);
            loaded.WarmUp();
            var loading = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var recognizers = new Recognizers();
            recognizers.WarmUp();
            var compiling = clock.Elapsed.TotalMilliseconds;

            var understander = new Understander(new CommandParser(), new EntityExtractor(recognizers), loaded);
            var samples = new List<double>();
            var right = 0;
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var example in examples)
                {
                    var context = new UnderstandingContext(IntentCorpus.Today, IntentModel.RoleOf(example.As), IntentCorpus.Names);
                    var start = Stopwatch.GetTimestamp();
                    var reading = understander.Understand(example.Text, context);
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (string.IsNullOrEmpty(reading.Intent) || reading.Alternatives.Count == 0 && reading.Confidence < 1f)
                    {
                        throw new BenchmarkFailedException($"understanding \"{example.Text}\" gave no reading");
                    }
                    if (round > 0)
                    {
                        // The first round warms the recognizers' and the model's code paths; it is not "after start".
                        samples.Add(elapsed);
                        right += reading.Intent == example.Intent ? 1 : 0;
                    }
                }
            }
            // Trained on the whole corpus, the model must read back nearly all of it: else something did not run.
            var share = (double)right / samples.Count;
            if (share < 0.9)
            {
                throw new BenchmarkFailedException(string.Create(CultureInfo.InvariantCulture, $"understanding read only {share:P0} of the corpus back"));
            }
            samples.Sort();
            await output.WriteLineAsync("");
            await output.WriteLineAsync("| understanding | figure |");
            await output.WriteLineAsync("|---|---|");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| start-up: load the shipped intent model (first start, no cache) | {shipping:F0} ms |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| start-up: train the intent model ({examples.Count} sentences; corpus changed, no cache) | {training:F0} ms |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| start-up: load the cached intent model (after that training) | {loading:F0} ms |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| start-up: build and compile the recognizers | {compiling:F0} ms |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| one message after start, p50 / p95 / max ({samples.Count} readings) | {At(samples, 0.50):F2} / {At(samples, 0.95):F2} / {samples[^1]:F2} ms |"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| corpus read back with the right intent | {share:P1} |"));
        }
        finally
        {
            try
            {
                Directory.Delete(cache, recursive: true);
            }
            catch (IOException)
            {
                // A leftover cache folder in the temporary directory is harmless.
            }
        }
    }

    private static double At(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
