using System.Globalization;
using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Understanding;
using Xunit.Abstractions;

namespace Rectification.Tests.Conversation.Understanding;

/// <summary>
/// The understanding stage measured the way the held-out evaluation measures it: trained on the corpus's train part,
/// read on its test part, and a message counts as right only when its intent and every slot are right.
/// </summary>
public sealed class UnderstandingAccuracyTests(ITestOutputHelper output)
{
    // Issue 8 asks for 90 % (intent and every slot right).
    private const double Required = 0.90;

    [Fact]
    public void The_test_part_of_the_corpus_is_understood_with_every_slot_right()
    {
        var (train, test) = IntentCorpus.Split();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = new IntentModel(train);
        _ = model.Classifier;
        output.WriteLine($"trained in {clock.ElapsedMilliseconds} ms");
        var understander = new Understander(new CommandParser(), new EntityExtractor(new Recognizers()), model);

        var misses = new List<string>();
        var confusion = new Dictionary<(string Expected, string Actual), int>();
        foreach (var example in test)
        {
            var context = new UnderstandingContext(IntentCorpus.Today, IntentModel.RoleOf(example.As), IntentCorpus.Names);
            var understanding = understander.Understand(example.Text, context);
            var actual = UnderstandingResult.From(example.Text, understanding);
            var wrong = Differences(example, actual);
            if (wrong.Count > 0)
            {
                misses.Add($"{example.Text} → {string.Join("; ", wrong)} ({actual.Confidence:F2}; model: {string.Join(", ", understanding.Alternatives.Take(2).Select(a => $"{a.Intent} {a.Score:F2}"))})");
                var key = (example.Intent, actual.Intent);
                confusion[key] = confusion.GetValueOrDefault(key) + 1;
            }
        }

        output.WriteLine($"read in {clock.ElapsedMilliseconds} ms");
        var accuracy = 1.0 - ((double)misses.Count / test.Count);
        output.WriteLine($"train {train.Count}, test {test.Count}, all right {accuracy:P1}");
        foreach (var ((expected, actual), count) in confusion.OrderByDescending(c => c.Value))
        {
            output.WriteLine($"  {expected} → {actual}: {count}");
        }
        foreach (var miss in misses)
        {
            output.WriteLine("  " + miss);
        }
        Assert.True(accuracy >= Required, $"{accuracy:P1} of the test part right (intent and every slot); {Required:P0} required. Misses:\n{string.Join('\n', misses)}");
    }

    internal static List<string> Differences(CorpusExample expected, UnderstandingResult actual)
    {
        var wrong = new List<string>();
        Check("intent", expected.Intent, actual.Intent);
        Check("code", expected.Code, actual.Code);
        Check("percent", expected.Percent?.ToString(CultureInfo.InvariantCulture), actual.Percent?.ToString(CultureInfo.InvariantCulture));
        Check("done", expected.Done == true ? "true" : null, actual.Done == true ? "true" : null);
        Check("date", expected.Date, actual.Date);
        Check("department", expected.Department, actual.Department);
        Check("person", expected.Person, actual.Person);
        Check("decision", expected.Decision, actual.Decision);
        return wrong;

        void Check(string slot, string? want, string? got)
        {
            if (want != got)
            {
                wrong.Add($"{slot}: expected {want ?? "-"}, got {got ?? "-"}");
            }
        }
    }
}
