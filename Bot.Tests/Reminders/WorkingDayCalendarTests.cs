using Rectification.Bot.Reminders;

namespace Rectification.Tests.Reminders;

public sealed class WorkingDayCalendarTests
{
    // The shipped file, copied next to the test binary through Bot.csproj.
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Load(Path.Combine(AppContext.BaseDirectory, "holidays.json"));

    [Theory]
    [InlineData("2026-01-01", false)] // 元旦, Thursday
    [InlineData("2026-01-02", false)] // 元旦 break, Friday
    [InlineData("2026-01-04", true)]  // make-up Sunday
    [InlineData("2026-01-05", true)]  // ordinary Monday
    [InlineData("2026-01-10", false)] // ordinary Saturday
    [InlineData("2026-01-11", false)] // ordinary Sunday
    [InlineData("2026-02-14", true)]  // make-up Saturday before 春节
    [InlineData("2026-02-17", false)] // 春节, Tuesday
    [InlineData("2026-02-23", false)] // last day of 春节, Monday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]  // make-up Saturday after 春节
    [InlineData("2026-04-06", false)] // 清明节, Monday
    [InlineData("2026-05-05", false)] // 劳动节, Tuesday
    [InlineData("2026-05-09", true)]  // make-up Saturday
    [InlineData("2026-06-19", false)] // 端午节, Friday
    [InlineData("2026-09-20", true)]  // make-up Sunday
    [InlineData("2026-09-25", false)] // 中秋节, Friday
    [InlineData("2026-10-07", false)] // 国庆节, Wednesday
    [InlineData("2026-10-10", true)]  // make-up Saturday
    [InlineData("2027-01-01", true)]  // no 2027 entries yet: a plain Friday
    public void The_shipped_2026_calendar_knows_holidays_make_up_days_and_weekends(string date, bool working)
    {
        Assert.Equal(working, Shipped.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2026-02-13", "2026-02-24", 2)] // Sat 14th (make-up) and Tue 24th
    [InlineData("2026-09-30", "2026-10-09", 2)] // Thursday the 8th and Friday the 9th
    [InlineData("2026-03-02", "2026-03-09", 5)] // Mon to Mon: Tue–Fri and Mon
    [InlineData("2026-03-09", "2026-03-09", 0)]
    [InlineData("2026-03-09", "2026-03-02", 0)]
    public void Working_days_between_counts_the_days_after_from_up_to_and_including_to(string from, string to, int expected)
    {
        Assert.Equal(expected, Shipped.WorkingDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Theory]
    [InlineData("2026-02-24", "2026-02-14")] // back over the whole 春节 break to the make-up Saturday
    [InlineData("2026-10-08", "2026-09-30")]
    [InlineData("2026-03-09", "2026-03-06")]
    public void Previous_working_day_skips_weekends_and_holidays(string date, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Shipped.PreviousWorkingDay(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-04")] // the make-up Sunday
    [InlineData("2026-09-30", "2026-10-08")]
    [InlineData("2026-03-06", "2026-03-09")]
    public void Next_working_day_skips_weekends_and_holidays(string date, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), Shipped.NextWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void The_shipped_file_covers_2026()
    {
        Assert.True(Shipped.HasEntriesFor(2026));
        Assert.Equal(33, Shipped.Entries.Count(e => e.Date.Year == 2026 && e.Kind == CalendarDayKind.Holiday));
        Assert.Equal(6, Shipped.Entries.Count(e => e.Date.Year == 2026 && e.Kind == CalendarDayKind.Workday));
    }

    [Fact]
    public void A_file_with_comments_and_trailing_commas_is_read()
    {
        var calendar = WorkingDayCalendar.Parse("""
            // local festival
            [ { "date": "2026-07-13", "kind": "Holiday", "name": "那达慕" }, ]
            """);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 7, 13)));
    }

    [Theory]
    [InlineData("""[ { "date": "2026-07-13", "kind": "off", "name": "x" } ]""", "kind")]
    [InlineData("""[ { "kind": "holiday", "name": "x" } ]""", "no date")]
    [InlineData("""[ { "date": "2026-07-13", "kind": "workday", "name": "x" } ]""", "not a Saturday or Sunday")]
    [InlineData("""[ { "date": "2026-07-13", "kind": "holiday", "name": "a" }, { "date": "2026-07-13", "kind": "holiday", "name": "b" } ]""", "more than once")]
    [InlineData("""{ "date": "2026-07-13" }""", "JSON array")]
    public void A_malformed_file_is_rejected_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => WorkingDayCalendar.Parse(json));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
