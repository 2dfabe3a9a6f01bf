using System.Globalization;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation;

/// <summary>
/// The public holidays people name as deadlines (延期到春节前, 国庆节前完成, 元旦前): the next one on or after the ledger's
/// today, and with 前 the day before it. The recognizers read 元旦 but put 春节 on 1 January too, and 元旦前 is
/// 31 December, not the holiday itself. The lunar ones (春节, 端午, 中秋) come from the Chinese lunisolar calendar.
/// </summary>
internal static partial class HolidayDates
{
    public static DateOnly? Find(string text, DateOnly today)
    {
        if (Holiday().Match(text) is not { Success: true } match)
        {
            return null;
        }
        var holiday = match.Groups["h"].Value;
        var date = On(holiday, today.Year) is var thisYear && thisYear >= today ? thisYear : On(holiday, today.Year + 1);
        return match.Groups["before"].Success ? date.AddDays(-1) : date;
    }

    private static DateOnly On(string holiday, int year) => holiday switch
    {
        "元旦" => new DateOnly(year, 1, 1),
        "春节" => Lunar(year, 1, 1),
        "五一" or "劳动节" => new DateOnly(year, 5, 1),
        "端午" or "端午节" => Lunar(year, 5, 5),
        "中秋" or "中秋节" => Lunar(year, 8, 15),
        _ => new DateOnly(year, 10, 1),
    };

    private static readonly ChineseLunisolarCalendar Calendar = new();

    // A leap month takes the place after its namesake: from it on, the calendar's month numbers run one ahead.
    private static DateOnly Lunar(int year, int month, int day)
    {
        var leap = Calendar.GetLeapMonth(year);
        var index = leap > 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    // 前 / 之前 / 以前, never 前后 (around the holiday): no deadline in that.
    [GeneratedRegex(@"(?<h>元旦|春节|五一|劳动节|端午节?|中秋节?|国庆节?)(?:(?<before>之前|以前|前)(?!后))?(?!前后|后)")]
    private static partial Regex Holiday();
}
