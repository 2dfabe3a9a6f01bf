using System.Globalization;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// Finds the entities of a message anywhere in the sentence. Works on the folded key of <see cref="TextNormalizer"/>
/// (half-width, lower case). Codes are found first and blanked out, so "2-1-1" never reads as numbers or a date.
/// Percents and dates come from Microsoft.Recognizers.Text (<see cref="Recognizers"/>); what they do not cover in
/// the way a ledger speaks (一半, 过半, 月底, "about halfway") is added here.
/// </summary>
public sealed partial class EntityExtractor(Recognizers recognizers)
{
    public MessageEntities Extract(string key, DateOnly today, LedgerNames names, bool wantDate)
    {
        var (code, masked) = FindCode(key);
        var percent = FindPercent(masked);
        var date = wantDate ? FindDate(masked, today) : null;
        // A length is the request only when no other date is named: "延期到12月31日，还需要两周采购设备" asks for 31 December.
        var shift = wantDate && DeadlineShift.Find(masked) is { } length && (date is null || date == length.Apply(null, today)) ? length : null;
        return new MessageEntities(
            code,
            percent,
            // "完成三分之二", "three quarters done": a partial percent says how far, not that it is finished.
            SaysDone(masked) && percent is null or 100,
            date,
            FindDepartment(key, names),
            FindPerson(key, names),
            FindDecision(masked),
            shift);
    }

    /// <summary>Fills the place of a code in the masked key: no digit, letter or space, so nothing else matches it.</summary>
    internal const char CodeMark = '\uE000';

    /// <summary>The first task code and the key with every code blanked (same length, so positions still match).</summary>
    internal static (string? Code, string Masked) FindCode(string key)
    {
        string? code = null;
        var masked = key;
        foreach (var pattern in new[] { DashedCode(), NumberedCode() })
        {
            masked = pattern.Replace(masked, m =>
            {
                code ??= Normalise(m.Groups["code"].Value);
                return new string(CodeMark, m.Length);
            });
        }
        return (code, masked);
    }

    private static string Normalise(string code)
    {
        var parts = CodeSeparator().Split(code.Trim()).Where(p => p.Length > 0).Select(p => p.TrimStart('0') is { Length: > 0 } t ? t : "0");
        var joined = string.Join('-', parts);
        return ChineseNumber.Parse(joined) is { } n && !joined.All(char.IsAsciiDigit) ? n.ToString(CultureInfo.InvariantCulture) : joined;
    }

    internal int? FindPercent(string masked)
    {
        if (ArabicPercent().Match(masked) is { Success: true } arabic)
        {
            return InRange(arabic.Groups["n"].Value);
        }
        // The recognizer is the slow part of reading a message: ask it only when the text has a number or a percent word.
        if (PercentCue().IsMatch(masked) && recognizers.Percent(masked.Replace(CodeMark, ' ')) is { } recognised)
        {
            return recognised is >= 0 and <= 100 ? recognised : null;
        }
        if (KeywordNumber().Match(masked) is { Success: true } after)
        {
            return InRange(after.Groups["n"].Value);
        }
        if (KeywordChineseNumber().Match(masked) is { Success: true } spelled && ChineseNumber.Parse(spelled.Groups["n"].Value) is >= 0 and <= 100 and var number)
        {
            // 进度九十, 进度零: a number spelled out after the progress word, as voice input writes it.
            return number;
        }
        if (DigitFraction().Match(masked) is { Success: true } share
            && int.Parse(share.Groups["n"].Value, CultureInfo.InvariantCulture) is var top
            && int.Parse(share.Groups["d"].Value, CultureInfo.InvariantCulture) is var bottom && top < bottom)
        {
            return (int)Math.Round(100.0 * top / bottom, MidpointRounding.AwayFromZero);
        }
        if (Half().IsMatch(masked))
        {
            return 50;
        }
        if (Fraction().Match(masked) is { Success: true } fraction
            && ChineseNumber.Parse(fraction.Groups["d"].Value) is > 0 and var denominator
            && ChineseNumber.Parse(fraction.Groups["n"].Value) is { } numerator && numerator <= denominator)
        {
            return (int)Math.Round(100.0 * numerator / denominator, MidpointRounding.AwayFromZero);
        }
        if (EnglishFraction().Match(masked) is { Success: true } english)
        {
            return english.Groups[1].Value switch
            {
                "third" => 33,
                "two thirds" or "two-thirds" => 67,
                "quarter" => 25,
                "three quarters" or "three-quarters" => 75,
                _ => null,
            };
        }
        return null;

        static int? InRange(string digits) =>
            int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100 ? value : null;
    }

    /// <summary>Says the work is finished: 完成了, 搞定, 整改到位, done… but not 完成了一半, 完成80%, 完成率, 没完成 or 完成了吗.</summary>
    internal static bool SaysDone(string masked)
    {
        foreach (Match match in DoneWords().Matches(masked))
        {
            var before = masked[Math.Max(0, match.Index - 12)..match.Index];
            var after = masked[(match.Index + match.Length)..];
            if (Negation().IsMatch(before) || NotReallyDone().IsMatch(after))
            {
                continue;
            }
            return true;
        }
        return false;
    }

    internal DateOnly? FindDate(string masked, DateOnly today)
    {
        if (HolidayDates.Find(masked, today) is { } holiday)
        {
            return holiday;
        }
        if (recognizers.Date(masked.Replace(CodeMark, ' '), today) is { } recognised)
        {
            return recognised;
        }
        if (OrdinalDay().Match(masked) is { Success: true } ordinal
            && int.Parse(ordinal.Groups["d"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 31 and var day)
        {
            // "extend to the 18th": that day of this month, or of the next when it has passed.
            for (var month = new DateOnly(today.Year, today.Month, 1); ; month = month.AddMonths(1))
            {
                if (day <= DateTime.DaysInMonth(month.Year, month.Month) && new DateOnly(month.Year, month.Month, day) is var date && date >= today)
                {
                    return date;
                }
            }
        }
        // What the recognizers do not know of the ledger's deadline phrases (月底, 年底前) the chat date parser does.
        for (var i = 0; i < masked.Length; i++)
        {
            if (char.IsWhiteSpace(masked[i]) || masked[i] == CodeMark || (i > 0 && char.IsAsciiLetterOrDigit(masked[i - 1]) && char.IsAsciiLetterOrDigit(masked[i])))
            {
                continue;
            }
            if (ChatDateParser.MatchAtStart(masked[i..], today) is { Result.Date: { } date })
            {
                return date;
            }
        }
        return null;
    }

    internal static string? FindDepartment(string key, LedgerNames names)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var (department, folded) in names.FoldedDepartments)
        {
            var length = key.Contains(folded, StringComparison.Ordinal) ? folded.Length
                : Stem(folded) is { } stem && key.Contains(stem, StringComparison.Ordinal) ? stem.Length
                : 0;
            if (length > bestLength)
            {
                (best, bestLength) = (department, length);
            }
        }
        return best ?? EnglishDepartmentNames.Find(key, names)?.Department;
    }

    /// <summary>
    /// A department's name without its unit word (民族宗教科 → 民族宗教), as people say it. Only stems of three or more
    /// characters: shorter ones (办公, 整改) are everyday words.
    /// </summary>
    private static string? Stem(string department)
    {
        foreach (var suffix in UnitWords)
        {
            if (department.EndsWith(suffix, StringComparison.Ordinal) && department.Length - suffix.Length >= 3)
            {
                return department[..^suffix.Length];
            }
        }
        return null;
    }

    private static readonly string[] UnitWords = ["支部", "中心", "科室", "科", "室", "处", "部", "办", "局", "组", "股", "队"];

    internal static string? FindPerson(string key, LedgerNames names)
    {
        string? best = null;
        var bestLength = 0;
        foreach (var person in names.People)
        {
            if (person.Name.Length >= 2 && key.Contains(person.Folded, StringComparison.Ordinal) && person.Name.Length > bestLength)
            {
                (best, bestLength) = (person.Name, person.Name.Length);
            }
            foreach (var alias in person.Aliases)
            {
                if (alias.Length > bestLength && ContainsWord(key, alias))
                {
                    (best, bestLength) = (person.Name, alias.Length);
                }
            }
        }
        return best;
    }

    private static bool ContainsWord(string key, string word)
    {
        var at = key.IndexOf(word, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiLetter(key[at - 1])) && (end == key.Length || !char.IsAsciiLetter(key[end])))
            {
                return true;
            }
            at = key.IndexOf(word, at + 1, StringComparison.Ordinal);
        }
        return false;
    }

    internal static Verdict? FindDecision(string masked)
    {
        if (RejectWords().IsMatch(masked))
        {
            return Verdict.Reject;
        }
        return ApproveWords().IsMatch(masked) ? Verdict.Approve : null;
    }

    // A code is digits joined by dashes (1-2-2, 1—2—2 after folding, 1.2.2 or 1 - 2 - 2 as typed); never a date
    // (2026-12-31), a decimal or the start of a percent.
    [GeneratedRegex(@"(?<![\d./-])(?<code>(?>\d{1,3}(?:\s?[-－.]\s?\d{1,3}){1,4}))(?![\d%]|\.\d|\s*(?:%|percent)|(?:个?月|日|号|天|周|年))")]
    private static partial Regex DashedCode();

    // #12, 第12项, 第十二项, 任务12, task 12, item 12, no. 12
    [GeneratedRegex(@"(?:#\s*|(?:任务|事项|task|item|no\.?|extend|close|write off|urge|chase|催办|销号|延期)\s*#?\s*)(?<code>\d{1,5})(?![\d%.])(?!\s*(?:%|percent|天|日|号|月|年|周|个|days?|weeks?|months?))|^\s*(?<code>\d{1,4})(?=\s+(?:done|finished|进度|已|完成|销号|延期))|第\s*(?<code>\d{1,5}|[一二两三四五六七八九十百]{1,4})\s*(?:项|条|个任务|号任务|个问题)")]
    private static partial Regex NumberedCode();

    [GeneratedRegex(@"\d|[零一二两三四五六七八九十百]|percent|per ?cent|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")]
    private static partial Regex PercentCue();

    [GeneratedRegex(@"\bthe (?<d>\d{1,2})(?:st|nd|rd|th)\b(?! of)")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"\s*[-－.]\s*")]
    private static partial Regex CodeSeparator();

    [GeneratedRegex(@"(?<![\d.])(?<n>\d{1,3})\s*(?:%|％|percent\b|per cent\b|pct\b)")]
    private static partial Regex ArabicPercent();

    [GeneratedRegex(@"(?:进度|进展|完成度|完成了|完成|progress(?: is| at| to)?|at)\s*[:：]?\s*(?<n>\d{1,3})(?![\d.])(?!\s*(?:天|日|号|月|年|周|个|项|条|人|次|days?|weeks?|months?))")]
    private static partial Regex KeywordNumber();

    // 一半, 过半, 大半 are halfway; 半个月 / half a month is a duration, not progress.
    // Only where the number ends the phrase (进度九十, 进度零了): 进展一般 and 完成三项 are no percents.
    [GeneratedRegex(@"(?:进度|进展|完成度|完成了|progress)\s*[:：]?\s*(?<n>[零一二两三四五六七八九十百]{1,4})(?=\s*(?:%|％|了|啦|左右|多|$|[,，。.!！;；]))")]
    private static partial Regex KeywordChineseNumber();

    // 3/4, 2/3 done: a share with a small denominator, never after a word that makes it a date (到3/4, by 3/4, due 3/4).
    [GeneratedRegex(@"(?<![\d/.\-]|到\s*|至\s*|\b(?:to|by|until|till|due|on|before)\s*)(?<n>[1-9])\s*/\s*(?<d>[2-5]|10)(?![\d/])")]
    private static partial Regex DigitFraction();

    [GeneratedRegex(@"(?:一半|过半|半数|完成了?半|做了?半|half ?way|halfway|midway|half done|done half|half of it|50-50|half (?:the|of the) work)(?!个?月|年|天|周|小时)")]
    private static partial Regex Half();

    [GeneratedRegex(@"(?<d>[二两三四五六七八九十]|\d{1,2})分之(?<n>[一二两三四五六七八九十]|\d{1,2})")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\b(two[ -]thirds|three[ -]quarters|third|quarter)\b(?! of (?:a|the) (?:month|year|day|week))")]
    private static partial Regex EnglishFraction();

    [GeneratedRegex(@"已经?(?:全部|基本)?(?:完成|完工|办结|整改|落实|解决|做完|弄完|结束)|(?:全部|基本|都)?完成了?|搞定|弄完|做完|干完|搞完|办完|弄好了|干好了|整改(?:到位|完毕|完成|好了)|落实到位|办结|已结|\b(?:finished|done|completed?|wrapped up|fixed|all set|rectified)\b")]
    private static partial Regex DoneWords();

    // Before the done word: not yet (没完成), to come (要完成, 马上就完成了, 明天就完成了, 快完成了, 还差一点就完成了), almost
    // (almost done), or a share of it (3/4 done). 早就完成了 and 昨天就完成了 are done.
    [GeneratedRegex(@"(?:未|没|没有|还没|尚未|不|无法|要|需要|需|待|应|能否|将|快要?|即将|(?:差[^，,。]{0,6}|马上|明天|后天|很快|下周|周末|月底前?|待会儿?|一会儿?)就|not|n't|never|yet|to be|will be|percentage|\b(?:almost|nearly|mostly|not quite|about to be|partly|partially)|\d\s*/\s*\d{1,3})\s*$")]
    private static partial Regex Negation();

    // 基本完成，就差最后验收 / 调研已经完成了，督查还差两个旗县 / done, only need the sign-off: something is still missing
    // in the same sentence, so not done (the flow asks how far); 3-1-1 done or not? asks.
    [GeneratedRegex(@"^\s*(?:了?一半|了?\d|了?百分|了?[一二三四五六七八九]成|了?大半|了?多少|率|度|情况|时限|时间|期限|了?吗|了?么|了?没|没有|与否|了?\?|[?？]|的?话|后|之后|以后|yet\?|\?|\s*%|\s*percent|了?[,，、\s]*(?:就|只|还)差|\s*except\b|\s*or not\b|\s*(?:yet|already)\s*\?|[^。.!！?？]{0,12}?(?:就差|只差|还差|还剩|还需|还得|仍需|尚需|尚待|only need|still need|but still|apart from|other than|pending))")]
    private static partial Regex NotReallyDone();

    [GeneratedRegex(@"不同意|不批准|不予|不能批|不批|驳回|退回|打回|拒绝|否决|\breject(?:ed)?\b|\bdeny\b|\bdecline (?:the )?(?:write-?off|extension|request)?\b|\bdenied\b|\bdecline the (?:request|extension|write-?off)\b|\bturn (?:it )?down\b|\bsend (?:it )?back\b|\bnot approved?\b|\bdon't approve\b")]
    private static partial Regex RejectWords();

    [GeneratedRegex(@"同意|批准|准予|准了|通过|批了|可以销号|予以销号|\bapprove[sd]?\b|\bapproval granted\b|\bgranted?\b|\bsign(?:ed)? off\b|\bok to (?:close|write off|extend)\b|\baccept(?:ed)?\b|\bgo ahead\b")]
    private static partial Regex ApproveWords();
}
