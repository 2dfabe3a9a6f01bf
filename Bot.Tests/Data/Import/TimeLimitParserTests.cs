using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Data.Import;

public sealed class TimeLimitParserTests
{
    /// <summary>Text, context year (0: none), expected kind ("date", "immediate", "ongoing") and ISO date, or the error code.</summary>
    public static TheoryData<string, int, string, string?> Phrases => new()
    {
        { "2021-12-31", 0, "date", "2021-12-31" },
        { "2021/12/31", 0, "date", "2021-12-31" },
        { "2021.12.31", 0, "date", "2021-12-31" },
        { "2021年12月31日", 0, "date", "2021-12-31" },
        { "2021年1月5日", 0, "date", "2021-01-05" },
        { "2021年12月31号", 0, "date", "2021-12-31" },
        { "20211231", 0, "date", "2021-12-31" },
        { "2021/12/31 0:00:00", 0, "date", "2021-12-31" },
        { "2021-12-31T00:00:00", 0, "date", "2021-12-31" },
        { "２０２１年１２月３１日", 0, "date", "2021-12-31" },
        { " 2021年12月\n31日 ", 0, "date", "2021-12-31" },
        { "2021年12月31日前", 0, "date", "2021-12-31" },
        { "2021年12月31日前完成", 0, "date", "2021-12-31" },
        { "2021年12月底前", 0, "date", "2021-12-31" },
        { "2021年12月底", 0, "date", "2021-12-31" },
        { "2021年12月底前完成", 0, "date", "2021-12-31" },
        { "2022年2月底前", 0, "date", "2022-02-28" },
        { "2024年2月底前", 0, "date", "2024-02-29" },
        { "2022年3月", 0, "date", "2022-03-31" },
        { "2022年3月份", 0, "date", "2022-03-31" },
        { "2022年3月末", 0, "date", "2022-03-31" },
        { "2022.3", 0, "date", "2022-03-31" },
        { "2022-04", 0, "date", "2022-04-30" },
        { "于2022年6月底前", 0, "date", "2022-06-30" },
        { "2022年上半年", 0, "date", "2022-06-30" },
        { "2022年下半年", 0, "date", "2022-12-31" },
        { "2022年底", 0, "date", "2022-12-31" },
        { "2022年底前", 0, "date", "2022-12-31" },
        { "2022年年底前", 0, "date", "2022-12-31" },
        { "2022年三季度", 0, "date", "2022-09-30" },
        { "2022年第一季度末", 0, "date", "2022-03-31" },
        { "上半年", 2021, "date", "2021-06-30" },
        { "下半年", 2021, "date", "2021-12-31" },
        { "年底前", 2021, "date", "2021-12-31" },
        { "年底前完成", 2022, "date", "2022-12-31" },
        { "2023年下半年", 2021, "date", "2023-12-31" },
        { "by 2022-06-30", 0, "date", "2022-06-30" },
        { "Second half", 2022, "date", "2022-12-31" },
        { "2022 first half", 0, "date", "2022-06-30" },
        { "end of year", 2022, "date", "2022-12-31" },
        { "Immediately", 0, "immediate", null },
        { "Ongoing", 0, "ongoing", null },
        { "as soon as possible", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "立行立改", 0, "immediate", null },
        { " 立行立改 ", 0, "immediate", null },
        { "立行立改（2021-06-10）", 0, "immediate", "2021-06-10" },
        { "长期坚持", 0, "ongoing", null },
        { "长期", 0, "ongoing", null },
        { "持续推进", 0, "ongoing", null },
        { "立行立改，长期坚持", 0, "ongoing", null },
        { "立行立改、长期坚持", 0, "ongoing", null },
        { "立行立改,并长期坚持", 0, "ongoing", null },
        { "2021年12月底前完成，并长期坚持", 0, "date", "2021-12-31" },
        { "", 0, ImportErrorCodes.TimeLimitMissing, null },
        { "   ", 0, ImportErrorCodes.TimeLimitMissing, null },
        { "尽快", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "尽快完成", 2021, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "12月", 2021, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "12月底前", 2021, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "2022年", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "2021年6月中旬", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "2021年6月、2021年12月", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "完成", 0, ImportErrorCodes.TimeLimitUnrecognised, null },
        { "2021年13月", 0, ImportErrorCodes.TimeLimitInvalidDate, null },
        { "2021年13月底前", 0, ImportErrorCodes.TimeLimitInvalidDate, null },
        { "2021-02-30", 0, ImportErrorCodes.TimeLimitInvalidDate, null },
        { "2021年2月29日", 0, ImportErrorCodes.TimeLimitInvalidDate, null },
        { "2021/00/10", 0, ImportErrorCodes.TimeLimitInvalidDate, null },
        { "下半年", 0, ImportErrorCodes.TimeLimitNoYear, null },
        { "年底前", 0, ImportErrorCodes.TimeLimitNoYear, null },
        { "三季度", 0, ImportErrorCodes.TimeLimitNoYear, null },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Reads_time_limits_as_real_ledgers_write_them(string text, int year, string expected, string? date)
    {
        var parsed = TimeLimitParser.Parse(text, year == 0 ? null : year);

        if (expected is "date" or "immediate" or "ongoing")
        {
            Assert.Null(parsed.Error);
            Assert.NotNull(parsed.Value);
            Assert.Equal(expected, parsed.Value.KindCode);
            Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), parsed.Value.Date);
        }
        else
        {
            Assert.Null(parsed.Value);
            Assert.Equal(expected, parsed.Error);
        }
    }

    [Fact]
    public void Keeps_the_cell_as_written_for_the_ledger()
    {
        Assert.Equal("2021年12月底前", TimeLimitParser.Parse(" 2021年12月底前\n", null).Text);
    }

    public static TheoryData<object, string?, string?> Cells => new()
    {
        { new DateTime(2021, 12, 31), "2021-12-31", null },
        { 44561.75, "2021-12-31", null },
        { 44561.0, "2021-12-31", null },
        { 2021.12, null, ImportErrorCodes.TimeLimitUnrecognised },
        { 12.0, null, ImportErrorCodes.TimeLimitUnrecognised },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Reads_excel_date_cells_and_date_serial_numbers(object cell, string? date, string? error)
    {
        var parsed = TimeLimitParser.ParseCell(cell, 2021);

        Assert.Equal(error, parsed.Error);
        Assert.Equal(date is null ? null : TimeLimit.On(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), parsed.Value);
    }

    [Theory]
    [InlineData("XX县委第三轮巡察整改台账(2021年)", 2021)]
    [InlineData("２０２２年专项巡察", 2022)]
    [InlineData("第三轮巡察", null)]
    public void Finds_the_year_of_a_title(string title, int? year)
    {
        Assert.Equal(year, TimeLimitParser.YearIn(title));
    }
}
