using System.Text;
using System.Xml;

namespace Rectification.Bot.Report;

/// <summary>
/// Text as a Word file can hold it. Notes come from chat and from spreadsheets, where a pasted control character or a
/// broken surrogate is common; XML 1.0 forbids them, and one would make the whole .docx unreadable.
/// </summary>
public static class SafeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\r' or '\n' or '\u2028' or '\u2029')
            {
                // Line structure is the report's, not the note's: a break inside a sentence becomes a space.
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (XmlConvert.IsXmlChar(c) && !char.IsControl(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Trim();
    }
}
