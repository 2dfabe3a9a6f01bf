using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>Who is speaking, as far as meaning goes: 同意 from a leader decides, from an officer it confirms.</summary>
public enum SenderRole
{
    Officer,
    Leader,
    Admin,
}

/// <summary>
/// What the classifier sees of a message: the folded text with task codes, ledger names, departments and digits
/// replaced by placeholders, Chinese characters spaced apart (so word n-grams are character n-grams), and the
/// sender's role as a first token. Placeholders keep the model from learning the demo ledger's names instead of
/// the shape of the sentence.
/// </summary>
public static partial class ClassifierInput
{
    public static string For(string key, SenderRole role, LedgerNames names)
    {
        var text = EntityExtractor.FindCode(key).Masked;
        text = CodeBlank().Replace(text, " zcode ");
        foreach (var person in names.People)
        {
            text = text.Replace(person.Folded, " zperson ", StringComparison.Ordinal);
            foreach (var alias in person.Aliases)
            {
                text = ReplaceWord(text, alias, " zperson ");
            }
        }
        foreach (var (_, folded) in names.FoldedDepartmentsLongestFirst)
        {
            text = text.Replace(folded, " zdept ", StringComparison.Ordinal);
        }
        while (EnglishDepartmentNames.Find(text, names) is { } english)
        {
            text = string.Concat(text.AsSpan(0, english.Index), " zdept ", text.AsSpan(english.Index + english.Length));
        }
        text = Digits().Replace(text, "0");

        var builder = new StringBuilder("zrole").Append(role.ToString().ToLowerInvariant()).Append(' ');
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is >= 0x3400 and <= 0x9fff)
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol)
            {
                // An emoji (👍, 🙏, ✅) is a whole answer in chat, but the featurizer drops symbols: a word keeps it.
                builder.Append(" zsym").Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append(' ');
            }
            else if (rune.Value is 0xfe0f or 0x200d)
            {
                // Emoji presentation selectors and joiners carry no meaning of their own.
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }
        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    /// <summary>Replaces a Latin word (liu yang) where it stands alone, not inside another word.</summary>
    private static string ReplaceWord(string text, string word, string replacement)
    {
        var at = text.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiLetter(text[at - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end])))
            {
                text = string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(end));
                end = at + replacement.Length;
            }
            at = text.IndexOf(word, end, StringComparison.Ordinal);
        }
        return text;
    }

    [GeneratedRegex("\uE000+")]
    private static partial Regex CodeBlank();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
