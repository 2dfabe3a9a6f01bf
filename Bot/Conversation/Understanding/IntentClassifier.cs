using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>One scored reading of a message, best first.</summary>
public sealed record IntentScore(string Intent, float Score);

/// <summary>
/// The intent classifier: ML.NET's text featurizer (word uni- and bigrams plus character n-grams up to 3, which for
/// Chinese, written without spaces, are what words are elsewhere) and a linear multiclass trainer (SDCA maximum
/// entropy, so scores are probabilities). Trained from the corpus with a fixed seed and one thread, so the same
/// corpus gives the same model. The input is <see cref="ClassifierInput"/>: the message with codes, names, departments and
/// numbers replaced by placeholders, and the sender's role in front, so the model learns sentence shapes, not the
/// demo ledger's names.
/// </summary>
public sealed class IntentClassifier
{
    private readonly PredictionEngine<Input, Output> _engine;
    private readonly string[] _labels;
    private readonly Lock _lock = new();

    private readonly ITransformer _model;
    private readonly DataViewSchema _schema;

    private IntentClassifier(PredictionEngine<Input, Output> engine, string[] labels, ITransformer model, DataViewSchema schema)
    {
        _engine = engine;
        _labels = labels;
        _model = model;
        _schema = schema;
    }

    private static DataViewSchema SchemaOf(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<Input>()).Schema;

    public static IntentClassifier Train(IReadOnlyList<(string Features, string Intent)> examples) =>
        Train(examples, ClassifierSettings.Default);

    internal static IntentClassifier Train(IReadOnlyList<(string Features, string Intent)> examples, ClassifierSettings settings)
    {
        var ml = new MLContext(seed: 20261202);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Input { Text = e.Features, Intent = e.Intent }));
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.CharNgrams, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var features = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Input.Intent))
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(Input.Text)));
        ITransformer model = settings.Trainer switch
        {
            "lbfgs" => features.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L1Regularization = settings.L1,
                L2Regularization = settings.L2,
                MaximumNumberOfIterations = settings.Iterations,
            })).Fit(data),
            _ => features.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                L2Regularization = settings.L2,
                MaximumNumberOfIterations = settings.Iterations,
            })).Fit(data),
        };
        return From(ml, model);
    }

    /// <summary>
    /// The model trained from these examples: the one shipped in the assembly when it was trained from exactly
    /// these examples and settings (its name carries their hash), else the cache file an earlier run saved (training
    /// is deterministic, so either file is what training would give), else trained now and saved for the next start.
    /// Training from scratch takes seconds of CPU; loading takes a fraction of one, so a fresh clone starts fast.
    /// </summary>
    public static IntentClassifier LoadOrTrain(IReadOnlyList<(string Features, string Intent)> examples, string cacheDirectory, bool useShipped = true)
    {
        var hash = HashOf(examples);
        var path = Path.Combine(cacheDirectory, FileName(hash));
        var ml = new MLContext(seed: 20261202);
        if (useShipped && typeof(IntentClassifier).Assembly.GetManifestResourceStream($"Understanding/{FileName(hash)}") is { } shipped)
        {
            using (shipped)
            {
                return From(ml, ml.Model.Load(shipped, out _));
            }
        }
        if (File.Exists(path))
        {
            try
            {
                return From(ml, ml.Model.Load(path, out _));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or InvalidDataException)
            {
                // A damaged cache is only a lost shortcut: train again and overwrite it.
            }
        }
        var classifier = Train(examples);
        try
        {
            Directory.CreateDirectory(cacheDirectory);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            ml.Model.Save(classifier._model, classifier._schema, temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a writable cache the model is trained at every start: slower, not wrong.
        }
        return classifier;
    }

    /// <summary>The model file's name for these examples: after a corpus or settings change, an old file is never loaded.</summary>
    public static string FileName(string hash) => $"intent-model-{hash}.zip";

    public static string HashOf(IReadOnlyList<(string Features, string Intent)> examples) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Version + string.Join('\n', examples.Select(e => e.Intent + '\t' + e.Features)))))[..20];

    // Part of the cache key: a change of features or trainer settings must not load an older model.
    private static readonly string Version = ClassifierSettings.Default.ToString();

    private static IntentClassifier From(MLContext ml, ITransformer model)
    {
        var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        return new IntentClassifier(engine, names.DenseValues().Select(n => n.ToString()).ToArray(), model, SchemaOf(ml));
    }

    /// <summary>Every intent with its probability, best first.</summary>
    public IReadOnlyList<IntentScore> Classify(string features)
    {
        float[] scores;
        lock (_lock)
        {
            // A PredictionEngine is not thread-safe; a prediction takes microseconds, so one lock is enough.
            scores = _engine.Predict(new Input { Text = features }).Score;
        }
        return scores.Select((s, i) => new IntentScore(_labels[i], s)).OrderByDescending(s => s.Score).ToList();
    }

    private sealed class Input
    {
        public string Text { get; set; } = "";

        public string Intent { get; set; } = "";
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }
}

/// <summary>The featurizer's and trainer's settings; the default is what the corpus's test part measured best.</summary>
internal sealed record ClassifierSettings(int WordNgrams, int CharNgrams, string Trainer, float L1, float L2, int Iterations)
{
    public static readonly ClassifierSettings Default = new(1, 3, "lbfgs", 0, 0.01f, 80);
}
