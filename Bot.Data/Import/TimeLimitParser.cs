using System.Globalization;
using System.Text.RegularExpressions;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>A 整改时限 cell as read: the time limit, or the code of what is wrong with it. <see cref="Text"/> is the cell as written.</summary>
public sealed record TimeLimitParse(TimeLimit? Value, string Text, string? Error)
{
    public bool Succeeded => Value is not null;
}

/// <summary>
/// Reads 整改时限 as real ledgers write it. Pure: the only context is the year that phrases without one (下半年, 年底前,
/// 三季度) belong to, which the caller finds (the cell itself, the sheet title, the inspection). Rules:
/// <list type="bullet">
/// <item>Full dates in any common spelling (2021-12-31, 2021/12/31, 2021.12.31, 2021年12月31日, 20211231) and Excel date cells.</item>
/// <item>A month with its year (2022年3月, 2021年12月底前, 2022.3) is the last day of that month; 上半年 is 30 June, 下半年 and
/// 年底 31 December, a quarter its last day.</item>
/// <item>立行立改 is Immediate without a date (the writer dates it); with a date beside it, Immediate on that date.</item>
/// <item>长期坚持 / 长期 / 持续推进 / 持续整改 is Ongoing; it wins over 立行立改 ("立行立改，长期坚持" is Ongoing), but a
/// deadline beside it wins over it ("2021年底前完成并长期坚持" is due 2021-12-31: the part that can be checked).</item>
/// <item>Anything else is an error, never a guess: 尽快, 12月 (which year?), two deadlines in one cell, 2021年13月, 2021-02-30.</item>
/// </list>
/// </summary>
public static partial class TimeLimitParser
{
    private static readonly string[] OngoingWords = ["长期坚持", "持续推进", "持续整改", "长期"];

    private static readonly string[] ImmediateWords = ["立行立改", "立即整改", "即知即改"];

    /// <summary>English sheets: the same phrases, matched on the compacted lower-case text.</summary>
    private static readonly (string English, string Chinese)[] EnglishWords =
    [
        ("firsthalf", "上半年"), ("secondhalf", "下半年"), ("endoftheyear", "年底"), ("endofyear", "年底"), ("yearend", "年底"),
        ("immediately", "立行立改"), ("immediate", "立行立改"), ("long-term", "长期"), ("longterm", "长期"), ("ongoing", "长期"),
    ];

    private static readonly HashSet<string> Fillers = ["并", "且", "并且", "和", "及", "完成", "整改"];

    public static TimeLimitParse Parse(string? text, int? contextYear)
    {
        var written = TextFolding.Clean(text);
        if (written.Length == 0)
        {
            return Fail(written, ImportErrorCodes.TimeLimitMissing);
        }
        var compact = Whitespace().Replace(TimeOfDay().Replace(TextFolding.Fold(written), ""), "").ToLowerInvariant();
        foreach (var (english, chinese) in EnglishWords)
        {
            compact = compact.Replace(english, chinese, StringComparison.Ordinal);
        }
        var ongoing = OngoingWords.Any(compact.Contains);
        var immediate = ImmediateWords.Any(compact.Contains);
        foreach (var word in OngoingWords.Concat(ImmediateWords))
        {
            compact = compact.Replace(word, ",", StringComparison.Ordinal);
        }
        var pieces = ClauseSeparators().Split(compact)
            .Select(StripFiller)
            .Where(p => p.Length > 0 && !Fillers.Contains(p))
            .ToList();

        if (pieces.Count == 0)
        {
            return ongoing ? new TimeLimitParse(TimeLimit.Ongoing, written, null)
                : immediate ? new TimeLimitParse(new TimeLimit(TimeLimitKind.Immediate, null), written, null)
                : Fail(written, ImportErrorCodes.TimeLimitUnrecognised);
        }
        if (pieces.Count > 1)
        {
            return Fail(written, ImportErrorCodes.TimeLimitUnrecognised);
        }
        var (date, error) = DatePhrase(pieces[0], contextYear);
        if (date is not { } due)
        {
            return Fail(written, error);
        }
        var kind = immediate && !ongoing ? TimeLimitKind.Immediate : TimeLimitKind.Date;
        return new TimeLimitParse(new TimeLimit(kind, due), written, null);
    }

    /// <summary>A cell as MiniExcel or a CSV gives it: text, an Excel date, or a number that is an Excel date serial.</summary>
    public static TimeLimitParse ParseCell(object? value, int? contextYear)
    {
        if (ExcelDate(value) is { } date)
        {
            return new TimeLimitParse(TimeLimit.On(date), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
        }
        if (value is double or float or decimal or int or long && CellText(value) is var number && !EightDigits().IsMatch(number))
        {
            // 2021.12 typed into a number cell: Excel may have dropped a trailing zero (2021.10), so it is no month we trust.
            return Fail(number, ImportErrorCodes.TimeLimitUnrecognised);
        }
        return Parse(CellText(value), contextYear);
    }

    /// <summary>An exact date (the export's 截止日期 column): an Excel date or a full date in text; null when the cell is blank.</summary>
    public static (DateOnly? Date, bool Valid) ParseExactDate(object? value)
    {
        if (ExcelDate(value) is { } date)
        {
            return (date, true);
        }
        var text = Whitespace().Replace(TimeOfDay().Replace(TextFolding.Fold(CellText(value)), ""), "");
        if (text.Length == 0)
        {
            return (null, true);
        }
        var (parsed, _) = FullDate(text);
        return (parsed, parsed is not null);
    }

    /// <summary>The first year (1990-2099) written in a text such as a sheet title or an inspection title.</summary>
    public static int? YearIn(string? text)
    {
        var match = Year().Match(TextFolding.Fold(text));
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    internal static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static DateOnly? ExcelDate(object? value)
    {
        switch (value)
        {
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case DateOnly dateOnly:
                return dateOnly;
            case double or float or decimal or int or long:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                // Serials from 1927 to 2118: a plain number in that range in a deadline column is a date whose cell lost its format.
                return number is >= 10000 and < 80000 ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))) : null;
            default:
                return null;
        }
    }

    private static string StripFiller(string piece)
    {
        var stripped = LeadingFiller().Replace(piece, "");
        stripped = TrailingDone().Replace(stripped, "");
        return TrailingBefore().Replace(stripped, "");
    }

    private static (DateOnly? Date, string Error) DatePhrase(string piece, int? contextYear)
    {
        if (FullDatePattern().IsMatch(piece) || EightDigits().IsMatch(piece))
        {
            var (date, error) = FullDate(piece);
            return (date, error ?? "");
        }
        if (MonthPattern().Match(piece) is { Success: true } month)
        {
            var monthNumber = int.Parse(month.Groups["m1"].Success ? month.Groups["m1"].Value : month.Groups["m2"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture);
            return monthNumber is >= 1 and <= 12
                ? (EndOfMonth(year, monthNumber), "")
                : (null, ImportErrorCodes.TimeLimitInvalidDate);
        }
        if (YearEndPattern().Match(piece) is { Success: true } yearEnd)
        {
            return (new DateOnly(int.Parse(yearEnd.Groups["y"].Value, CultureInfo.InvariantCulture), 12, 31), "");
        }
        if (HalfYearPattern().Match(piece) is { Success: true } half)
        {
            var year = half.Groups["y"].Success ? int.Parse(half.Groups["y"].Value, CultureInfo.InvariantCulture) : contextYear;
            if (year is not { } y)
            {
                return (null, ImportErrorCodes.TimeLimitNoYear);
            }
            return (half.Groups["w"].Value == "上半年" ? new DateOnly(y, 6, 30) : new DateOnly(y, 12, 31), "");
        }
        if (QuarterPattern().Match(piece) is { Success: true } quarter)
        {
            var year = quarter.Groups["y"].Success ? int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture) : contextYear;
            if (year is not { } y)
            {
                return (null, ImportErrorCodes.TimeLimitNoYear);
            }
            var q = "一二三四".IndexOf(quarter.Groups["q"].Value[0], StringComparison.Ordinal) is var i and >= 0
                ? i + 1
                : int.Parse(quarter.Groups["q"].Value, CultureInfo.InvariantCulture);
            return (EndOfMonth(y, q * 3), "");
        }
        return (null, ImportErrorCodes.TimeLimitUnrecognised);
    }

    private static (DateOnly? Date, string? Error) FullDate(string text)
    {
        var match = FullDatePattern().Match(text);
        if (!match.Success)
        {
            match = EightDigits().Match(text);
        }
        if (!match.Success)
        {
            return (null, ImportErrorCodes.TimeLimitUnrecognised);
        }
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, ImportErrorCodes.TimeLimitInvalidDate);
        }
        return (new DateOnly(year, month, day), null);
    }

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static TimeLimitParse Fail(string written, string error) => new(null, written, error);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "2021/12/31 0:00:00" and "2021-12-31T00:00:00" as CSV files and ISO writers put them.
    [GeneratedRegex(@"(?<=\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"[,;、。()（）！!]+")]
    private static partial Regex ClauseSeparators();

    [GeneratedRegex(@"^(?:于|在|截至|截止|截止到|到|by|before)")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"(?:完成整改|整改完成|整改到位|完成|到位)$")]
    private static partial Regex TrailingDone();

    [GeneratedRegex(@"(?:之前|以前|前)$")]
    private static partial Regex TrailingBefore();

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.]|年)(?<m>\d{1,2})(?:[-/.]|月)(?<d>\d{1,2})(?:日|号)?$")]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex EightDigits();

    [GeneratedRegex(@"^(?<y>\d{4})(?:年(?<m1>\d{1,2})月(?:底|末|份)?|[-/.](?<m2>\d{1,2}))$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(?<y>\d{4})年(?:底|末|年底|年末)$")]
    private static partial Regex YearEndPattern();

    [GeneratedRegex(@"^(?:(?<y>\d{4})年?)?(?<w>上半年|下半年|年底|年末|年内)$")]
    private static partial Regex HalfYearPattern();

    [GeneratedRegex(@"^(?:(?<y>\d{4})年)?第?(?<q>[一二三四1-4])季度(?:末|底)?$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex Year();
}
