using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// Microsoft.Recognizers.Text (the Bot Framework family's own recognizers) for percents and dates, in Chinese and
/// English. The models are built once and are thread-safe; the first call of each compiles its regular expressions,
/// so <see cref="WarmUp"/> runs at start, off the request path.
/// </summary>
public sealed partial class Recognizers
{
    /// <summary>One set per process: building the models and compiling their expressions is the expensive part.</summary>
    public static readonly Recognizers Shared = new();

    private readonly IModel _zhPercent = new NumberRecognizer(Culture.Chinese).GetPercentageModel();
    private readonly IModel _enPercent = new NumberRecognizer(Culture.English).GetPercentageModel();
    private readonly IModel _zhDate = new DateTimeRecognizer(Culture.Chinese).GetDateTimeModel();
    private readonly IModel _enDate = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    public void WarmUp()
    {
        var today = new DateOnly(2026, 12, 2);
        foreach (var text in new[] { "进度百分之八十，下周五之前", "明年3月底前完成八成", "两周后", "1月15日" })
        {
            Percent(text);
            Date(text, today);
        }
        foreach (var text in new[] { "80 percent done by next friday", "extend to March 31 next year", "in 10 days", "by end of next month" })
        {
            Percent(text);
            Date(text, today);
        }
    }

    private static bool IsChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>The first percent in the text (80%, 百分之七十, 八成, 80 percent), as a whole number; null if none or not whole.</summary>
    public int? Percent(string text)
    {
        var model = IsChinese(text) ? _zhPercent : _enPercent;
        foreach (var result in model.Parse(text))
        {
            if (result.Resolution.TryGetValue("value", out var value) && value is string s
                && double.TryParse(s.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == Math.Floor(number))
            {
                return (int)number;
            }
        }
        return null;
    }

    /// <summary>
    /// The first date the text names, read as a deadline: a day as it is; a period (3月, 下个月, next month, the end of
    /// January) by its last day; "before X" as X; a duration (两周后, in 10 days, 一个月) from today. A date without a
    /// year is its next occurrence from today.
    /// </summary>
    public DateOnly? Date(string text, DateOnly today)
    {
        var model = IsChinese(text) ? _zhDate : _enDate;
        var reference = today.ToDateTime(new TimeOnly(12, 0));
        // The last date named is the deadline asked for: "培训安排在下月，申请延期到下个月15号", "from 12月10日 to 明年1月31日";
        // a day beats a period, so "March 31 next year" is not read as the end of next year.
        DateOnly? last = null;
        DateOnly? lastDay = null;
        foreach (var result in ((DateTimeModel)model).Parse(text, reference))
        {
            if (result.Resolution?["values"] is not List<Dictionary<string, string>> values || values.Count == 0)
            {
                continue;
            }
            if (Resolve(result.TypeName, values, today) is { } date)
            {
                last = date;
                lastDay = result.TypeName == "datetimeV2.date" ? date : lastDay;
            }
        }
        return lastDay ?? last;
    }

    private static DateOnly? Resolve(string type, List<Dictionary<string, string>> values, DateOnly today)
    {
        // Of the readings of an expression without a year (XXXX-01-15), the first one not in the past.
        var candidates = values.Select(v => Candidate(type, v, today)).OfType<DateOnly>().ToList();
        return candidates.FirstOrDefault(d => d >= today) is var upcoming && upcoming != default ? upcoming
            : candidates.Count > 0 ? candidates[^1] : null;
    }

    private static DateOnly? Candidate(string type, Dictionary<string, string> value, DateOnly today)
    {
        value.TryGetValue("Mod", out var mod);
        switch (type)
        {
            case "datetimeV2.date":
                return Parse(value.GetValueOrDefault("value"));
            case "datetimeV2.daterange":
                if (mod == "before" && Parse(value.GetValueOrDefault("end")) is { } before)
                {
                    return before;
                }
                // The end of a range is exclusive: March is 03-01 to 04-01, and its deadline 03-31.
                return Parse(value.GetValueOrDefault("end"))?.AddDays(-1);
            case "datetimeV2.duration":
                return Duration(value.GetValueOrDefault("timex"), today);
            default:
                return null;
        }
    }

    private static DateOnly? Parse(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateOnly? Duration(string? timex, DateOnly today)
    {
        if (timex is null || DurationTimex().Match(timex) is not { Success: true } match)
        {
            return null;
        }
        var n = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "D" => today.AddDays(n),
            "W" => today.AddDays(7 * n),
            "M" => today.AddMonths(n),
            "Y" => today.AddYears(n),
            _ => null,
        };
    }

    [GeneratedRegex(@"^P(\d{1,3})([DWMY])$")]
    private static partial Regex DurationTimex();
}
