namespace Rectification.Bot.Conversation;

/// <summary>Keyword tables matched at a position of a folded key (see <see cref="TextNormalizer.Fold"/>).</summary>
internal static class KeywordMatcher
{
    /// <summary>Characters that separate parts of a message: spaces and the punctuation people type between them.</summary>
    public static bool IsSeparator(char c) => c is ' ' or ',' or ':' or ';' or '、' or '，' or '：' or '；' or '。' or '.';

    public static int SkipSeparators(string key, int position)
    {
        while (position < key.Length && IsSeparator(key[position]))
        {
            position++;
        }

        return position;
    }

    public static int SkipSpaces(string key, int position)
    {
        while (position < key.Length && key[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// The length of the longest word found at <paramref name="position"/>, or null. A word ending in a
    /// Latin letter or digit must not run on into another one ("done" matches "done," but not "doner");
    /// Chinese words need no boundary.
    /// </summary>
    public static int? MatchAt(string key, int position, IReadOnlyList<string> words)
    {
        int? best = null;
        foreach (var word in words)
        {
            if (position + word.Length > key.Length
                || (best is not null && best >= word.Length)
                || string.CompareOrdinal(key, position, word, 0, word.Length) != 0)
            {
                continue;
            }

            var end = position + word.Length;
            if (end < key.Length && IsLatinWordChar(word[^1]) && IsLatinWordChar(key[end]))
            {
                continue;
            }

            best = word.Length;
        }

        return best;
    }

    /// <summary>The whole key is one of the words.</summary>
    public static bool IsOneOf(string key, IReadOnlyList<string> words) => words.Contains(key, StringComparer.Ordinal);

    public static bool IsLatinWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
