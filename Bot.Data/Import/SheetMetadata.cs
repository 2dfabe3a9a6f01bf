using System.Text.RegularExpressions;

namespace Rectification.Data.Import;

/// <summary>
/// The inspection's particulars as real sheets write them in the lines above the header: "反馈日期：2022年1月20日",
/// "反馈时间:2022.1.20", "巡察组：市委第二巡察组", "被巡察单位：XX局", "巡察时间：2021年3月16日至5月15日". Each cell is
/// read on its own and may hold several such fragments separated by ；or wide spaces. A named date we cannot read is an
/// error (<see cref="ImportErrorCodes.MetadataInvalid"/>), never skipped.
/// </summary>
public static partial class SheetMetadata
{
    public static (InspectionDraft Found, IReadOnlyList<ImportError> Errors) Read(IEnumerable<SheetRow> rowsAboveHeader)
    {
        var found = new InspectionDraft("");
        var errors = new List<ImportError>();
        foreach (var row in rowsAboveHeader)
        {
            foreach (var cell in row.Cells.Select(c => TimeLimitParser.CellText(c)).Where(t => t.Length > 0).Distinct())
            {
                foreach (var fragment in Fragments().Split(cell))
                {
                    var match = Field().Match(TextFolding.Fold(fragment));
                    if (!match.Success)
                    {
                        continue;
                    }
                    var value = match.Groups["value"].Value.Trim();
                    var key = EnglishKeys().Replace(match.Groups["key"].Value.ToLowerInvariant(), m => m.Value switch
                    {
                        var k when k.StartsWith("feedback", StringComparison.Ordinal) => "反馈",
                        var k when k.EndsWith("group", StringComparison.Ordinal) => "组",
                        var k when k.EndsWith("unit", StringComparison.Ordinal) => "单位",
                        _ => "巡察时间",
                    });
                    if (value.Length == 0)
                    {
                        continue;
                    }
                    if (key.Contains("反馈", StringComparison.Ordinal))
                    {
                        var (date, valid) = TimeLimitParser.ParseExactDate(value);
                        if (!valid || date is null)
                        {
                            errors.Add(new ImportError(row.Number, null, ImportErrorCodes.MetadataInvalid, fragment.Trim()));
                        }
                        found = found with { FeedbackDate = date };
                    }
                    else if (key.Contains('组', StringComparison.Ordinal))
                    {
                        found = found with { InspectionGroup = value };
                    }
                    else if (key.Contains("单位", StringComparison.Ordinal) || key.Contains("党组织", StringComparison.Ordinal))
                    {
                        found = found with { InspectedUnit = value };
                    }
                    else if (Period(value) is { } period)
                    {
                        found = found with { PeriodStart = period.Start, PeriodEnd = period.End };
                    }
                    else
                    {
                        errors.Add(new ImportError(row.Number, null, ImportErrorCodes.MetadataInvalid, fragment.Trim()));
                    }
                }
            }
        }
        return (found, errors);
    }

    /// <summary>"2021年3月16日至5月15日", "2021-03-16~2021-05-15", "2021.3.16-2021.5.15": the end may leave out its year.</summary>
    public static (DateOnly Start, DateOnly End)? Period(string? text)
    {
        var folded = TextFolding.Fold(text).Replace(" ", "", StringComparison.Ordinal);
        var parts = PeriodSeparator().Split(folded);
        if (parts.Length == 1 && DashedPeriod().Match(folded) is { Success: true } dashed)
        {
            parts = [dashed.Groups["a"].Value, dashed.Groups["b"].Value];
        }
        if (parts.Length != 2 || TimeLimitParser.ParseExactDate(parts[0]) is not ({ } start, true))
        {
            return null;
        }
        var endText = parts[1];
        if (TimeLimitParser.YearIn(endText) is null)
        {
            endText = start.Year + (endText.Contains('月', StringComparison.Ordinal) ? "年" : ".") + endText;
        }
        return TimeLimitParser.ParseExactDate(endText) is ({ } end, true) && end >= start ? (start, end) : null;
    }

    [GeneratedRegex(@"[;；\n]|\s{2,}|\u3000")]
    private static partial Regex Fragments();

    [GeneratedRegex(@"^\s*(?<key>(?:巡察|巡视)?反馈(?:意见)?(?:时间|日期)|(?:巡察|巡视)组(?:别)?|被(?:巡察|巡视)(?:单位|党组织)|填报单位|(?:巡察|巡视)(?:时间|期间|时段)|feedback\s*date|inspection\s*group|inspected\s*unit|inspection\s*period)\s*(?:\([^)]{0,10}\))?\s*:?\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"^[a-z\s]+$")]
    private static partial Regex EnglishKeys();

    [GeneratedRegex(@"至|到|~|～|—+|--")]
    private static partial Regex PeriodSeparator();

    [GeneratedRegex(@"^(?<a>\d{4}(?:\.\d{1,2}\.\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月\d{1,2}日|-\d{2}-\d{2}))-(?<b>.+)$")]
    private static partial Regex DashedPeriod();
}
