using Rectification.Bot.Conversation.Understanding;

namespace Rectification.Tests.Conversation.Understanding;

/// <summary>
/// The intent model shipped in the assembly must be the one the current corpus and settings train, or every fresh
/// start trains for seconds (correct, only slow). After a corpus change: run the bot or <c>understand</c> once, then
/// copy the new intent-model-*.zip from the temp folder's rectification-bot cache into Bot/Conversation/Understanding/
/// in place of the old one.
/// </summary>
public sealed class ShippedModelTests
{
    [Fact]
    public void The_shipped_intent_model_is_the_one_the_corpus_trains()
    {
        var name = IntentClassifier.FileName(IntentClassifier.HashOf(IntentModel.Featurised(IntentCorpus.All)));
        var shipped = typeof(IntentClassifier).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Understanding/intent-model-", StringComparison.Ordinal)).ToList();

        Assert.True(shipped.SequenceEqual([$"Understanding/{name}"]),
            $"Ship {name} (and only it) in Bot/Conversation/Understanding/; shipped: {string.Join(", ", shipped)}");
    }

    [Fact]
    public void The_shipped_model_reads_like_a_freshly_trained_one()
    {
        var cache = Directory.CreateTempSubdirectory("rectification-model-test").FullName;
        try
        {
            var shipped = new IntentModel(IntentCorpus.All, cache).Classifier;
            var trained = new IntentModel(IntentCorpus.All, cache, useShipped: false).Classifier;
            foreach (var example in IntentCorpus.All.Where((_, i) => i % 50 == 0))
            {
                var features = ClassifierInput.For(IntentModel.Fold(example.Text), IntentModel.RoleOf(example.As), IntentCorpus.Names);
                Assert.Equal(trained.Classify(features)[0], shipped.Classify(features)[0]);
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }
}
