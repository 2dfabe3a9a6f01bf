using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation;

/// <summary>
/// A cleaned message in two forms of equal length, so a position found in <see cref="Key"/> slices
/// <see cref="Text"/>. Text keeps the user's characters (case, full-width punctuation) for notes;
/// Key is width-folded and lower-cased for matching.
/// </summary>
public sealed record NormalizedText(string Text, string Key)
{
    public static readonly NormalizedText Empty = new(string.Empty, string.Empty);

    public bool IsEmpty => Key.Length == 0;

    public NormalizedText Slice(int start) => new(Text[start..].Trim(), Key[start..].Trim());
}

/// <summary>
/// Strips what Teams wraps around a message and the polite words people put in front of a command.
/// Mentions: every leading &lt;at&gt;…&lt;/at&gt; goes (it is the bot being addressed), and elsewhere only
/// those naming one of <paramref name="botNames"/> (a mention of a colleague can be part of a note).
/// </summary>
public sealed partial class TextNormalizer(IEnumerable<string>? botNames = null)
{
    private static readonly string[] ChineseFillers =
    [
        "请你帮我", "请帮我", "请帮忙", "请您", "麻烦你帮我", "麻烦您帮我", "麻烦帮我", "麻烦你", "麻烦您", "麻烦",
        "帮我", "帮忙", "我想", "我要", "请",
    ];

    private static readonly string[] EnglishFillers =
    [
        "could you please", "can you please", "would you please", "could you", "can you", "would you",
        "can u", "please", "pls", "plz", "kindly",
    ];

    private readonly string[] _botNames = (botNames ?? []).Where(n => n.Length > 0).Select(n => n.Trim()).ToArray();

    public NormalizedText Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return NormalizedText.Empty;
        }

        var text = StripMarkup(raw);
        text = CollapseWhitespace(text).Trim();
        text = StripPlainMention(text);
        var key = Fold(text);
        var start = SkipFillers(key);
        (text, key) = (text[start..], key[start..]);

        // 一下 softens a verb (查一下, 汇报一下进度); only near the start, so notes keep it.
        var softener = key.IndexOf("一下", StringComparison.Ordinal);
        if (softener is >= 0 and <= 3)
        {
            text = CollapseWhitespace(text.Remove(softener, 2)).Trim();
            key = Fold(text);
        }

        return new NormalizedText(text, key);
    }

    /// <summary>Full-width to half-width, dash look-alikes to '-', Latin to lower case; one char for one char.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(FoldChar(c));
        }

        return builder.ToString();
    }

    // ASCII and the CJK block first: most of every message, and neither needs the culture tables (lower-casing a
    // Chinese character through ICU was a tenth of a turn's CPU when every roster name was folded per message).
    private static char FoldChar(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        < '\u0080' => c,
        >= '\u3400' and <= '\u9FFF' => c,
        >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE63' => '-',
        '\uFE6A' => '%',
        _ => char.ToLowerInvariant(c),
    };

    private string StripMarkup(string raw)
    {
        var text = LineBreakTags().Replace(raw, " ");
        text = TagOtherThanMention().Replace(text, string.Empty);
        text = LeadingMentions().Replace(text, " ");
        foreach (var name in _botNames)
        {
            text = text.Replace($"<at>{name}</at>", " ", StringComparison.OrdinalIgnoreCase);
        }

        // A colleague's mention stays as their name.
        text = MentionTag().Replace(text, string.Empty);
        return WebUtility.HtmlDecode(text);
    }

    private string StripPlainMention(string text)
    {
        if (!text.StartsWith('@'))
        {
            return text;
        }

        foreach (var name in _botNames)
        {
            if (text.AsSpan(1).StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return text[(1 + name.Length)..].TrimStart();
            }
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[(space + 1)..];
    }

    private static int SkipFillers(string key)
    {
        var position = 0;
        while (true)
        {
            var length = KeywordMatcher.MatchAt(key, position, ChineseFillers)
                ?? KeywordMatcher.MatchAt(key, position, EnglishFillers);
            if (length is null or 0 || position + length == key.Length)
            {
                return position;
            }

            position = KeywordMatcher.SkipSeparators(key, position + length.Value);
        }
    }

    private static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"^\s*(?:<at\b[^>]*>.*?</at>\s*)+", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LeadingMentions();

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|li)>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTags();

    [GeneratedRegex(@"</?(?!at\b)[a-zA-Z][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TagOtherThanMention();

    [GeneratedRegex(@"</?at\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
