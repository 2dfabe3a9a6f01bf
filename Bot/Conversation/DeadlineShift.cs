using System.Globalization;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation;

/// <summary>
/// An extension asked as a length of time rather than a date: 延期两周, 推迟一个月, 再宽限15天, 延期一个半月, "extend it by
/// two weeks", "need two more weeks". It moves the deadline, so it counts from the task's current deadline (or from
/// today when that has passed): "延期一个月" on an item due 31 December asks for 31 January, not a month from today,
/// which would fall before the deadline it extends. Not lengths: dates counted from now (两周后, 10天内, "two weeks from
/// now"), months and days of the calendar (10月底, 3月份, 15日), the past (三天前) and ranges (3-5天).
/// </summary>
public sealed partial record DeadlineShift(int Days, int Months)
{
    /// <summary>The new deadline: the shift from the current deadline, or from today when there is none or it has passed.</summary>
    public DateOnly Apply(DateOnly? due, DateOnly today)
    {
        var anchor = due is { } deadline && deadline > today ? deadline : today;
        return anchor.AddMonths(Months).AddDays(Days);
    }

    /// <summary>The shift a folded message asks for (lower case, half-width, see <see cref="TextNormalizer"/>); null when it names none.</summary>
    public static DeadlineShift? Find(string key)
    {
        foreach (Match match in Phrase().Matches(key))
        {
            if (Of(match) is { } shift)
            {
                return shift;
            }
        }
        return null;
    }

    /// <summary>
    /// A length that is the whole answer to "what new deadline?" (两周, 一个月, 再给10天, "2 weeks"); null for anything
    /// else, which the date parser reads (10月底, 15日, 两周后).
    /// </summary>
    public static DeadlineShift? FindWhole(string key) =>
        // A bare 15日 answering "what new deadline?" is the 15th, not fifteen days.
        Whole().Match(key) is { Success: true } match && match.Groups["unit"].Value != "日" ? Of(match) : null;

    private static DeadlineShift? Of(Match match)
    {
        var unit = match.Groups["unit"].Value;
        var half = match.Groups["half"].Success;
        var number = match.Groups["n"].Value;
        if (number == "半")
        {
            // 半个月 and 半年 are lengths; 半天 / 半周 are not deadlines anyone asks for.
            return unit.Contains('月', StringComparison.Ordinal) ? new DeadlineShift(15, 0)
                : unit.Contains('年', StringComparison.Ordinal) ? new DeadlineShift(0, 6)
                : null;
        }
        if (Count(number) is not ({ } n and > 0 and <= 366))
        {
            return null;
        }
        return unit switch
        {
            "天" or "日" or "day" or "days" => new DeadlineShift(n, 0),
            "周" or "星期" or "礼拜" or "week" or "weeks" => new DeadlineShift(7 * n, 0),
            _ when unit.Contains('年', StringComparison.Ordinal) || unit.StartsWith("year", StringComparison.Ordinal) =>
                n <= 3 ? new DeadlineShift(0, 12 * n) : null,
            // 一个半月: a month and a half.
            _ when n <= 24 => new DeadlineShift(half ? 15 : 0, n),
            _ => null,
        };
    }

    /// <summary>
    /// The reason typed after the request, without the length it begins with: "1-2-2延期两周" leaves 两周 where the
    /// rules look for the reason, and a length is no reason (null: the flow asks for one).
    /// </summary>
    public static string? ReasonWithout(string? reason)
    {
        if (reason is null)
        {
            return null;
        }
        var rest = LeadingLength().Replace(reason.Trim(), "", 1).Trim();
        return rest.Length == 0 ? null : rest;
    }

    private static int? Count(string number) => number switch
    {
        "a" or "an" or "one" or "another" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ when number.All(char.IsAsciiDigit) => int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
        _ => ChineseNumber.Parse(number),
    };

    // The count: not part of a longer number, a decimal (1.5个月) or a range (3-5天).
    private const string Number =
        @"(?<![\d.\-~～到至])(?<n>\d{1,3}|[一二两三四五六七八九十百半]{1,3}|\b(?:a|an|one|another|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\b)(?![\d.])";

    // The unit. A Chinese month needs 个 (两个月; 10月 is October), and 个半月 is a month and a half.
    private const string Unit =
        @"(?:\s*more)?\s*(?:个\s*(?<half>半)?\s*(?<unit>月|星期|礼拜)|个?\s*(?<unit>天|日|周|星期|礼拜|年)|\s*(?<unit>days?|weeks?|months?|years?)\b)";

    // Not a length from now (后, 内, from now, later), the past (前, ago) or a part of a month or year (底, 份, 初, 中旬, 末),
    // and not a month's day (12个月31日 is no one's phrasing, but 2个月3天 is one length read as its first part).
    private const string NotAfter = @"(?!\s*(?:后|以后|之后|内|以内|之内|前|以前|之前|底|份|初|中旬|末|from now|later|ago|before))";

    // A verb that moves a deadline, a few words at most (a code, "it", "by", 再), then a count and a unit; not a target
    // date (到 / 至 / to / until / before / 前, a month, a year, a day or another number in between).
    [GeneratedRegex(
        @"(?:延期|推迟|推后|顺延|延长|延后|宽限|往后推|往后延|再给|多给|还需要?|需要再|再要|再延|extend(?:ed|ing)?|push(?:ed|ing)?\s+(?:\S+\s+)?back|postpone(?:d)?|delay(?:ed)?|need|needs|give\s+(?:me|us|it)|more\s+time)" +
        @"(?:(?!到|至|\bto\b|until|till|before|前|月|年|号|日)[^,，。;；!！?？\d.一二两三四五六七八九十百半]){0,14}?" +
        Number + Unit + NotAfter)]
    private static partial Regex Phrase();

    [GeneratedRegex(@"^\s*(?:再|多|还要|还需|需要|大概|约)?\s*(?:给|延|延长|宽限|推迟|顺延)?\s*" + Number + Unit + NotAfter + @"\s*(?:左右|吧|的时间)?\s*[。.!！]?\s*$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"^\s*(?:by\s+)?(?:再|多)?" + Number + Unit + @"\s*(?:左右)?\s*[,，。;；:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLength();
}
