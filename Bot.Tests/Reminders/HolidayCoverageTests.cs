using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rectification.Bot.Cli;
using Rectification.Bot.Reminders;
using Rectification.Data.Db;

namespace Rectification.Tests.Reminders;

/// <summary>
/// The shipped holiday file against the State Council's notices, one spot check per year of a public holiday, a bridged
/// weekday off and a make-up working day; and the warnings when a year is missing.
/// </summary>
public sealed class HolidayCoverageTests
{
    private static readonly WorkingDayCalendar Shipped = WorkingDayCalendar.Load(Path.Combine(AppContext.BaseDirectory, "holidays.json"));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Covers_every_year_from_2020_to_2026_and_no_other()
    {
        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025, 2026], Shipped.CoveredYears());
    }

    [Theory]
    // 2020: 春节 extended to 2 February by the State Council; the 1 February make-up Saturday was cancelled with it.
    [InlineData("2020-01-31", false)]
    [InlineData("2020-02-01", false)]
    [InlineData("2020-01-19", true)]
    [InlineData("2020-06-28", true)]
    [InlineData("2020-10-08", false)]
    [InlineData("2020-10-10", true)]
    // 2021
    [InlineData("2021-02-11", false)]
    [InlineData("2021-02-07", true)]
    [InlineData("2021-09-18", true)]
    [InlineData("2021-09-20", false)]
    [InlineData("2021-10-09", true)]
    // 2022: digests went out on National Day and none on its make-up Saturday.
    [InlineData("2022-01-29", true)]
    [InlineData("2022-04-02", true)]
    [InlineData("2022-04-05", false)]
    [InlineData("2022-10-05", false)]
    [InlineData("2022-10-08", true)]
    [InlineData("2022-10-09", true)]
    [InlineData("2022-10-10", true)]
    // 2023: the New Year break begins on 31 December 2022.
    [InlineData("2023-01-02", false)]
    [InlineData("2023-01-28", true)]
    [InlineData("2023-06-25", true)]
    [InlineData("2023-09-29", false)]
    [InlineData("2023-10-07", true)]
    // 2024: 除夕 (9 February) is a working day; 18 February (Sun) a make-up day.
    [InlineData("2024-02-09", true)]
    [InlineData("2024-02-16", false)]
    [InlineData("2024-02-18", true)]
    [InlineData("2024-04-07", true)]
    [InlineData("2024-06-10", false)]
    [InlineData("2024-10-12", true)]
    // 2025: 除夕 and 2 May are holidays from 2025 on.
    [InlineData("2025-01-28", false)]
    [InlineData("2025-01-26", true)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-05-05", false)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-06-02", false)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    // 2026
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-10-10", true)]
    public void Follows_the_official_arrangement(string date, bool working)
    {
        Assert.Equal(working, Shipped.IsWorkingDay(D(date)));
    }

    [Fact]
    public void A_next_years_new_year_days_do_not_cover_the_year_they_fall_in()
    {
        var calendar = WorkingDayCalendar.Parse("""[{ "date": "2022-12-31", "kind": "holiday", "name": "元旦" }, { "date": "2023-01-02", "kind": "holiday", "name": "元旦" }]""");

        Assert.Equal([2023], calendar.CoveredYears());
    }

    [Theory]
    [InlineData("2026-06-15", new int[0])]
    [InlineData("2026-11-30", new int[0])]
    [InlineData("2026-12-01", new[] { 2027 })]
    [InlineData("2027-01-04", new[] { 2027 })]
    [InlineData("2027-12-01", new[] { 2027, 2028 })]
    public void Missing_years_are_this_year_and_from_december_the_next(string today, int[] missing)
    {
        Assert.Equal(missing, Shipped.MissingYears(D(today)));
    }

    [Fact]
    public async Task Holidays_check_lists_the_covered_years_and_warns_about_the_next_one()
    {
        using var output = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));

        var exitCode = await CommandLine.RunAsync(["holidays", "check", "--lang", "zh-CN"], output, s => s.AddSingleton<TimeProvider>(time));

        Assert.Equal(1, exitCode);
        var text = output.ToString();
        Assert.Contains("2020、2021、2022、2023、2024、2025、2026年", text, StringComparison.Ordinal);
        Assert.Contains("没有2027年的节假日安排", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_preview_warns_when_its_instant_is_in_an_uncovered_year()
    {
        var directory = Directory.CreateTempSubdirectory("rectification-holidays-").FullName;
        try
        {
            var database = Path.Combine(directory, "ledger.db");
            using var output = new StringWriter();
            var exitCode = await CommandLine.RunAsync(["reminders", "preview", "--at", "2027-03-03T10:00:00+08:00", "--lang", "en-US"], output,
                s => s.Configure<DatabaseOptions>(o => o.ConnectionString = database));

            Assert.Equal(0, exitCode);
            Assert.Contains("no arrangement for 2027", output.ToString(), StringComparison.Ordinal);

            using var covered = new StringWriter();
            await CommandLine.RunAsync(["reminders", "preview", "--at", "2026-03-03T10:00:00+08:00", "--lang", "en-US"], covered,
                s => s.Configure<DatabaseOptions>(o => o.ConnectionString = database));
            Assert.DoesNotContain("no arrangement", covered.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
