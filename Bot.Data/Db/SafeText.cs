using System.Text;

namespace Rectification.Data.Db;

/// <summary>
/// Text as the ledger stores it: no control characters except tab and line breaks, no unpaired surrogates.
/// PostgreSQL refuses NUL in text, and XML (the .docx report, the .xlsx export) cannot hold most C0 characters, so
/// a stray BEL pasted into a note would otherwise break a confirmation or a report long after it was typed.
/// Used at the input boundary (chat, cards) and again by the writers, so no path around the first check matters.
/// </summary>
public static class SafeText
{
    /// <summary>The text with NUL and other control characters removed, line breaks normalised to \n; null stays null.</summary>
    public static string? Clean(string? value)
    {
        if (value is null || !NeedsCleaning(value))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t')
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (!IsUnsafe(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsCleaning(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r' || IsUnsafe(c) && c is not ('\n' or '\t'))
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    // C0 and C1 controls, DEL, and the two non-characters XML forbids.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is '\uFFFE' or '\uFFFF';
}
