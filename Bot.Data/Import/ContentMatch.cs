using System.Text;

namespace Rectification.Data.Import;

/// <summary>
/// How alike two measures are, as a re-import needs it: the same problem and measure survive a renumbered 序号, a
/// corrected typo, full-width punctuation or an added clause. Text is compared on its letters and digits only, by the
/// Dice coefficient of character bigrams (which suits Chinese, where a bigram is roughly a word).
/// </summary>
public static class ContentMatch
{
    /// <summary>Below this a pair under different codes is two different measures.</summary>
    public const double Threshold = 0.6;

    /// <summary>A row keeping its code may be reworded further before we call it another measure.</summary>
    public const double SameCodeThreshold = 0.45;

    public static string Key(string? text)
    {
        var folded = TextFolding.Key(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>0 (nothing shared) to 1 (same letters in the same order); the measure weighs three times the problem.</summary>
    public static double Score(string problemA, string measureA, string problemB, string measureB) =>
        0.75 * Similarity(Key(measureA), Key(measureB)) + 0.25 * Similarity(Key(problemA), Key(problemB));

    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }
        var bigrams = new Dictionary<(char, char), int>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var key = (a[i], a[i + 1]);
            bigrams[key] = bigrams.GetValueOrDefault(key) + 1;
        }
        var shared = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            var key = (b[i], b[i + 1]);
            if (bigrams.TryGetValue(key, out var count) && count > 0)
            {
                bigrams[key] = count - 1;
                shared++;
            }
        }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}
