using Rectification.Bot.Conversation;

namespace Rectification.Tests.Conversation;

public sealed class ChatDateParserTests
{
    // A Friday.
    private static readonly DateOnly Friday = new(2026, 11, 27);

    // A Wednesday, two days before the month ends.
    private static readonly DateOnly Wednesday = new(2026, 11, 25);

    [Theory]
    [InlineData("12月31日", "2026-12-31")]
    [InlineData("12月31号", "2026-12-31")]
    [InlineData("12/31", "2026-12-31")]
    [InlineData("2027年1月15日", "2027-01-15")]
    [InlineData("2027-01-15", "2027-01-15")]
    [InlineData("2027/1/15", "2027-01-15")]
    [InlineData("2027.1.15", "2027-01-15")]
    [InlineData("1/15/2027", "2027-01-15")]
    [InlineData("11月27日", "2026-11-27")]
    [InlineData("12月31日前", "2026-12-31")]
    [InlineData("到12月31日", "2026-12-31")]
    [InlineData("１２月３１日", "2026-12-31")]
    [InlineData("２０２７－０１－１５", "2027-01-15")]
    [InlineData("2026年12月底", "2026-12-31")]
    [InlineData("2027年2月底前", "2027-02-28")]
    [InlineData("12月底", "2026-12-31")]
    public void Parses_chinese_and_numeric_calendar_dates(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Friday).Date);
    }

    [Theory]
    [InlineData("1月15日", "2027-01-15")]
    [InlineData("1月15号", "2027-01-15")]
    [InlineData("11月26日", "2027-11-26")]
    [InlineData("1/15", "2027-01-15")]
    [InlineData("Jan 15", "2027-01-15")]
    [InlineData("3月底", "2027-03-31")]
    public void Takes_the_next_occurrence_of_a_month_and_day_said_without_a_year(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Friday).Date);
    }

    [Theory]
    [InlineData("今天", "2026-11-27")]
    [InlineData("明天", "2026-11-28")]
    [InlineData("后天", "2026-11-29")]
    [InlineData("大后天", "2026-11-30")]
    [InlineData("月底", "2026-11-30")]
    [InlineData("本月底", "2026-11-30")]
    [InlineData("下月底", "2026-12-31")]
    [InlineData("下个月底", "2026-12-31")]
    [InlineData("年底", "2026-12-31")]
    [InlineData("今年年底", "2026-12-31")]
    [InlineData("明年底", "2027-12-31")]
    [InlineData("10天后", "2026-12-07")]
    [InlineData("10天内", "2026-12-07")]
    [InlineData("三天内", "2026-11-30")]
    [InlineData("两周后", "2026-12-11")]
    [InlineData("一个月后", "2026-12-27")]
    public void Parses_chinese_relative_dates(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Friday).Date);
    }

    [Theory]
    [InlineData("周五", "2026-11-27")]
    [InlineData("本周五", "2026-11-27")]
    [InlineData("这周五", "2026-11-27")]
    [InlineData("星期五", "2026-11-27")]
    [InlineData("周日", "2026-11-29")]
    [InlineData("下周五", "2026-12-04")]
    [InlineData("下周一", "2026-11-30")]
    [InlineData("下下周一", "2026-12-07")]
    [InlineData("下周日", "2026-12-06")]
    [InlineData("friday", "2026-11-27")]
    [InlineData("this Friday", "2026-11-27")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("周四", "2026-12-03")]
    public void Takes_a_bare_weekday_as_the_coming_one_and_today_on_that_day(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Friday).Date);
    }

    [Theory]
    [InlineData("周五", "2026-11-27")]
    [InlineData("本周五", "2026-11-27")]
    [InlineData("下周五", "2026-12-04")]
    [InlineData("下下周一", "2026-12-07")]
    [InlineData("周一", "2026-11-30")]
    [InlineData("next friday", "2026-12-04")]
    [InlineData("next Mon", "2026-11-30")]
    [InlineData("月底", "2026-11-30")]
    public void Takes_next_weekday_as_the_one_in_next_calendar_week_across_a_month_end(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Wednesday).Date);
    }

    [Theory]
    [InlineData("tomorrow", "2026-11-28")]
    [InlineData("Today", "2026-11-27")]
    [InlineData("day after tomorrow", "2026-11-29")]
    [InlineData("end of month", "2026-11-30")]
    [InlineData("end of the month", "2026-11-30")]
    [InlineData("end of next month", "2026-12-31")]
    [InlineData("end of year", "2026-12-31")]
    [InlineData("31 Dec", "2026-12-31")]
    [InlineData("31st December", "2026-12-31")]
    [InlineData("Dec 31", "2026-12-31")]
    [InlineData("December 31 2027", "2027-12-31")]
    [InlineData("December 31, 2027", "2027-12-31")]
    [InlineData("15 Jan 2027", "2027-01-15")]
    [InlineData("in 10 days", "2026-12-07")]
    [InlineData("within 3 days", "2026-11-30")]
    [InlineData("in 2 weeks", "2026-12-11")]
    [InlineData("10 days from now", "2026-12-07")]
    [InlineData("by Dec 31", "2026-12-31")]
    public void Parses_english_dates(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, Friday).Date);
    }

    [Theory]
    [InlineData("2026-12-31", "明天", "2027-01-01")]
    [InlineData("2026-12-31", "1月1日", "2027-01-01")]
    [InlineData("2026-12-31", "12月31日", "2026-12-31")]
    [InlineData("2026-12-31", "下月底", "2027-01-31")]
    [InlineData("2026-12-31", "年底", "2026-12-31")]
    [InlineData("2026-12-31", "next friday", "2027-01-08")]
    [InlineData("2027-01-30", "月底", "2027-01-31")]
    [InlineData("2027-01-30", "下月底", "2027-02-28")]
    [InlineData("2027-11-30", "2月29日", "2028-02-29")]
    public void Rolls_over_month_and_year_ends(string today, string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ChatDateParser.Parse(text, DateOnly.Parse(today)).Date);
    }

    [Theory]
    [InlineData("2月30日", DateFailure.ImpossibleDate)]
    [InlineData("4月31日", DateFailure.ImpossibleDate)]
    [InlineData("13月1日", DateFailure.ImpossibleDate)]
    [InlineData("2027年2月29日", DateFailure.ImpossibleDate)]
    [InlineData("2月29日", DateFailure.ImpossibleDate)]
    [InlineData("31/12", DateFailure.ImpossibleDate)]
    [InlineData("2027-13-01", DateFailure.ImpossibleDate)]
    [InlineData("Feb 30", DateFailure.ImpossibleDate)]
    [InlineData("99999天后", DateFailure.ImpossibleDate)]
    [InlineData("下个季度", DateFailure.Unrecognized)]
    [InlineData("sometime soon", DateFailure.Unrecognized)]
    [InlineData("12月31日 之后再说", DateFailure.Unrecognized)]
    [InlineData("", DateFailure.Empty)]
    [InlineData("  ", DateFailure.Empty)]
    public void Fails_with_a_reason_instead_of_guessing(string text, string failure)
    {
        var result = ChatDateParser.Parse(text, Friday);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Date);
        Assert.Equal(failure, result.Failure);
    }
}
