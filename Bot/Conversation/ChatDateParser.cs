using System.Globalization;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation;

/// <summary>A parsed date, or why there is none (one of <see cref="DateFailure"/>).</summary>
public sealed record DateParseResult(DateOnly? Date, string? Failure)
{
    public bool IsSuccess => Date is not null;

    public static DateParseResult Success(DateOnly date) => new(date, null);

    public static DateParseResult Fail(string failure) => new(null, failure);
}

public static class DateFailure
{
    public const string Empty = "empty";

    /// <summary>Not a date expression we know.</summary>
    public const string Unrecognized = "unrecognized";

    /// <summary>Shaped like a date but no such day (2月30日, 13/1, 2月29日 in a common year).</summary>
    public const string ImpossibleDate = "impossible_date";
}

/// <summary>
/// Dates as people type them in chat, in Chinese or English, relative to a "today" the caller takes from
/// TimeProvider in the ledger's time zone. Rules that decide a meaning:
/// <list type="bullet">
/// <item>A month and day without a year is the next such day on or after today (1月15日 said on 2026-11-27 is 2027-01-15);
/// if that year has no such day (2月29日) it fails rather than moving to another year.</item>
/// <item>周五 / 本周五 / 这周五 / friday / this friday: the coming Friday, today if today is Friday
/// (a deadline "by Friday" said on a Friday means today, matching the month/day rule).</item>
/// <item>下周五 / next friday: Friday of next calendar week (weeks start on Monday), so on a Monday it is
/// 11 days away, not 4; 下下周一 is Monday of the week after.</item>
/// <item>N/N (12/31) is month/day, never day/month: 31/12 fails instead of being guessed.</item>
/// <item>N天后 and N天内 both mean today + N; N个月后 / in N months uses calendar months (1月31日 + 1 month = 2月28日).</item>
/// <item>A trailing 前/之前/以前 (12月31日前) is the same day: the deadline includes it.</item>
/// </list>
/// Past dates are returned as they are; whether they are allowed is the caller's business.
/// </summary>
public static partial class ChatDateParser
{
    private const int MaxOffsetDays = 3660;

    private static readonly TextNormalizer Normalizer = new();

    private static readonly (Func<Regex> Pattern, Func<Match, DateOnly, DateParseResult> Resolve)[] Rules =
    [
        (ChineseYearMonthDay, (m, _) => Exact(Int(m, 1), Int(m, 2), Int(m, 3))),
        (ChineseYearMonthEnd, (m, _) => MonthEnd(Int(m, 1), Int(m, 2))),
        (IsoDate, (m, _) => Exact(Int(m, 1), Int(m, 2), Int(m, 3))),
        (UsDateWithYear, (m, _) => Exact(Int(m, 3), Int(m, 1), Int(m, 2))),
        (ChineseMonthDay, (m, today) => NextOccurrence(today, Int(m, 1), Int(m, 2))),
        (ChineseMonthEnd, (m, today) => NextMonthEnd(today, Int(m, 1))),
        (SlashMonthDay, (m, today) => NextOccurrence(today, Int(m, 1), Int(m, 2))),
        (ChineseRelativeDay, (m, today) => AddDays(today, RelativeDayOffset(m.Groups[1].Value))),
        (ChineseThisMonthEnd, (m, today) => RelativeMonthEnd(today, ChineseWeeksOrMonthsAhead(m.Groups[1].Value))),
        (ChineseYearEnd, (m, today) => Exact(today.Year + (m.Groups[1].Value == "明年" ? 1 : 0), 12, 31)),
        (ChineseWeekday, (m, today) => Weekday(today, ChineseWeekdayNumber(m.Groups[2].Value[0]), ChineseWeeksAhead(m.Groups[1].Value))),
        (ChineseOffset, (m, today) => Offset(today, ChineseNumber.Parse(m.Groups[1].Value), m.Groups[2].Value)),
        (EnglishRelativeDay, (m, today) => AddDays(today, RelativeDayOffset(m.Groups[1].Value))),
        (EnglishPeriodEnd, (m, today) => EnglishEnd(today, m.Groups[1].Value, m.Groups[2].Value)),
        (EnglishShortPeriodEnd, (m, today) => EnglishEnd(today, string.Empty, m.Groups[1].Value == "eom" ? "month" : "year")),
        (EnglishWeekday, (m, today) => Weekday(today, EnglishWeekdayNumber(m.Groups[2].Value), m.Groups[1].Value.StartsWith("next", StringComparison.Ordinal) ? 1 : null)),
        (EnglishInOffset, (m, today) => Offset(today, EnglishCount(m.Groups[1].Value), m.Groups[2].Value)),
        (EnglishOffsetFromNow, (m, today) => Offset(today, EnglishCount(m.Groups[1].Value), m.Groups[2].Value)),
        (EnglishDayMonth, (m, today) => EnglishDate(today, m.Groups[3].Value, Int(m, 1), m.Groups[2].Value)),
        (EnglishMonthDay, (m, today) => EnglishDate(today, m.Groups[3].Value, Int(m, 2), m.Groups[1].Value)),
    ];

    /// <summary>The whole text must be one date expression (a leading 到/至/by/until is allowed).</summary>
    public static DateParseResult Parse(string? text, DateOnly today)
    {
        var key = Normalizer.Normalize(text).Key;
        if (key.Length == 0)
        {
            return DateParseResult.Fail(DateFailure.Empty);
        }

        var start = LeadingConnector().Match(key).Length;
        var match = MatchAtStart(key[start..], today);
        if (match is null || KeywordMatcher.SkipSeparators(key, start + match.Value.Length) != key.Length)
        {
            return DateParseResult.Fail(DateFailure.Unrecognized);
        }

        return match.Value.Result;
    }

    /// <summary>The date expression at the start of a folded key, and how many characters it took.</summary>
    internal static DateMatch? MatchAtStart(string key, DateOnly today)
    {
        foreach (var (pattern, resolve) in Rules)
        {
            var match = pattern().Match(key);
            if (match.Success)
            {
                var length = match.Length + DeadlineSuffix().Match(key, match.Length).Length;
                return new DateMatch(length, resolve(match, today));
            }
        }

        return null;
    }

    private static int Int(Match match, int group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static DateParseResult Exact(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? DateParseResult.Success(new DateOnly(year, month, day))
            : DateParseResult.Fail(DateFailure.ImpossibleDate);

    private static DateParseResult NextOccurrence(DateOnly today, int month, int day)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return DateParseResult.Fail(DateFailure.ImpossibleDate);
        }

        var year = (month, day).CompareTo((today.Month, today.Day)) >= 0 ? today.Year : today.Year + 1;
        return Exact(year, month, day);
    }

    private static DateParseResult MonthEnd(int year, int month) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12
            ? DateParseResult.Success(new DateOnly(year, month, DateTime.DaysInMonth(year, month)))
            : DateParseResult.Fail(DateFailure.ImpossibleDate);

    private static DateParseResult NextMonthEnd(DateOnly today, int month) =>
        MonthEnd(month >= today.Month ? today.Year : today.Year + 1, month);

    private static DateParseResult RelativeMonthEnd(DateOnly today, int monthsAhead)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(monthsAhead);
        return MonthEnd(first.Year, first.Month);
    }

    private static DateParseResult AddDays(DateOnly today, int days) =>
        days is >= 0 and <= MaxOffsetDays ? DateParseResult.Success(today.AddDays(days)) : DateParseResult.Fail(DateFailure.ImpossibleDate);

    private static DateParseResult Offset(DateOnly today, int? count, string unit)
    {
        if (count is null or < 0 or > MaxOffsetDays)
        {
            return DateParseResult.Fail(DateFailure.ImpossibleDate);
        }

        return unit switch
        {
            "天" or "日" or "day" => AddDays(today, count.Value),
            "周" or "星期" or "礼拜" or "week" => AddDays(today, count.Value * 7),
            _ => count <= 120 ? DateParseResult.Success(today.AddMonths(count.Value)) : DateParseResult.Fail(DateFailure.ImpossibleDate),
        };
    }

    // isoDay: 1 = Monday ... 7 = Sunday. weeksAhead: null = the coming one (today included), 1 = next calendar week, 2 = the week after.
    private static DateParseResult Weekday(DateOnly today, int isoDay, int? weeksAhead)
    {
        var todayIso = today.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)today.DayOfWeek;
        if (weeksAhead is null)
        {
            return DateParseResult.Success(today.AddDays((isoDay - todayIso + 7) % 7));
        }

        var monday = today.AddDays(1 - todayIso);
        return DateParseResult.Success(monday.AddDays((7 * weeksAhead.Value) + isoDay - 1));
    }

    private static DateParseResult EnglishEnd(DateOnly today, string which, string period)
    {
        var ahead = which == "next" ? 1 : 0;
        return period == "month" ? RelativeMonthEnd(today, ahead) : Exact(today.Year + ahead, 12, 31);
    }

    private static DateParseResult EnglishDate(DateOnly today, string year, int day, string monthName)
    {
        var month = Array.FindIndex(EnglishMonths, prefix => monthName.StartsWith(prefix, StringComparison.Ordinal)) + 1;
        return year.Length == 0
            ? NextOccurrence(today, month, day)
            : Exact(int.Parse(year, CultureInfo.InvariantCulture), month, day);
    }

    private static readonly string[] EnglishMonths = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int RelativeDayOffset(string word) => word switch
    {
        "今天" or "今日" or "today" or "tonight" => 0,
        "明天" or "明日" or "tomorrow" or "tmr" or "tmrw" => 1,
        "后天" or "day after tomorrow" or "the day after tomorrow" => 2,
        "大后天" => 3,
        _ => -1,
    };

    private static int ChineseWeeksOrMonthsAhead(string prefix) => prefix switch
    {
        "" or "本" or "这" or "这个" or "当" => 0,
        "下下" or "下下个" => 2,
        _ => 1,
    };

    private static int? ChineseWeeksAhead(string prefix) => prefix switch
    {
        "" or "本" or "这" or "这个" => null,
        _ => ChineseWeeksOrMonthsAhead(prefix),
    };

    private static int ChineseWeekdayNumber(char c) => c switch
    {
        '日' or '天' or '7' => 7,
        >= '1' and <= '6' => c - '0',
        _ => ChineseNumber.Digit(c) ?? 0,
    };

    private static int EnglishWeekdayNumber(string name) =>
        Array.FindIndex(EnglishWeekdays, prefix => name.StartsWith(prefix, StringComparison.Ordinal)) + 1;

    private static readonly string[] EnglishWeekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private static int? EnglishCount(string word) => word switch
    {
        "a" or "an" or "one" => 1,
        "two" => 2,
        "three" => 3,
        _ => ChineseNumber.Parse(word),
    };

    [GeneratedRegex(@"^(?:到|至|截至|截止到?|在|by |before |until |till |on )\s*")]
    private static partial Regex LeadingConnector();

    [GeneratedRegex(@"\G\s*(?:之前|以前|前|为止)")]
    private static partial Regex DeadlineSuffix();

    [GeneratedRegex(@"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")]
    private static partial Regex ChineseYearMonthDay();

    [GeneratedRegex(@"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:底|末)")]
    private static partial Regex ChineseYearMonthEnd();

    [GeneratedRegex(@"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")]
    private static partial Regex UsDateWithYear();

    [GeneratedRegex(@"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")]
    private static partial Regex ChineseMonthDay();

    [GeneratedRegex(@"^(\d{1,2})\s*月\s*(?:底|末)")]
    private static partial Regex ChineseMonthEnd();

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})(?![\d/])")]
    private static partial Regex SlashMonthDay();

    [GeneratedRegex(@"^(大后天|后天|明天|明日|今天|今日)")]
    private static partial Regex ChineseRelativeDay();

    [GeneratedRegex(@"^(本|这个?|当|下下个?|下个?)?月(?:底|末)")]
    private static partial Regex ChineseThisMonthEnd();

    [GeneratedRegex(@"^(?:(今年|本年|明年|当年)年?|年)(?:底|末)")]
    private static partial Regex ChineseYearEnd();

    [GeneratedRegex(@"^(下下个?|下一?个?|本|这个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])")]
    private static partial Regex ChineseWeekday();

    [GeneratedRegex(@"^(" + ChineseNumber.Pattern + @")\s*个?\s*(天|日|周|星期|礼拜|月)\s*(?:以后|之后|后|以内|之内|内)")]
    private static partial Regex ChineseOffset();

    [GeneratedRegex(@"^(the day after tomorrow|day after tomorrow|today|tonight|tomorrow|tmrw|tmr)\b")]
    private static partial Regex EnglishRelativeDay();

    [GeneratedRegex(@"^end of (?:(this|the|next) )?(month|year)\b")]
    private static partial Regex EnglishPeriodEnd();

    [GeneratedRegex(@"^(eom|eoy)\b")]
    private static partial Regex EnglishShortPeriodEnd();

    [GeneratedRegex(@"^(?:(next|this|coming|the coming) )?(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)\b")]
    private static partial Regex EnglishWeekday();

    [GeneratedRegex(@"^(?:in|within) (\d+|an?|one|two|three) (day|week|month)s?\b")]
    private static partial Regex EnglishInOffset();

    [GeneratedRegex(@"^(\d+|an?|one|two|three) (day|week|month)s? (?:from now|later)\b")]
    private static partial Regex EnglishOffsetFromNow();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)? ?(?:of )?(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b\.?(?:,? (\d{4})(?!\d))?")]
    private static partial Regex EnglishDayMonth();

    [GeneratedRegex(@"^(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b\.? ?(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,? (\d{4})(?!\d))?")]
    private static partial Regex EnglishMonthDay();
}

internal readonly record struct DateMatch(int Length, DateParseResult Result);
