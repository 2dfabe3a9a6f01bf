using System.Text;
using System.Text.RegularExpressions;

namespace Rectification.Data.Import;

/// <summary>
/// What a cell "says", independent of how it was typed: full-width letters, digits and punctuation
/// (ＡＢＣ１２３，：) become half-width, the ideographic space a space, and runs of whitespace or newlines one space.
/// Chinese punctuation that has no half-width twin (、。“”) is left alone.
/// </summary>
public static partial class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' => ' ',
                _ => c,
            });
        }
        return Whitespace().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Folded, lower-case, without any whitespace: for matching words such as headers and statuses.</summary>
    public static string Key(string? text) => Whitespace().Replace(Fold(text), "").ToLowerInvariant();

    /// <summary>
    /// Prose (a problem, a measure, a progress note) keeps its punctuation as written: only the whitespace is tidied,
    /// newlines included.
    /// </summary>
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Whitespace().Replace(text.Replace('\u3000', ' ').Replace('\u00A0', ' '), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
