using Rectification.Data.Export;
using Rectification.Data.Import;

namespace Rectification.Tests.Data.Export;

/// <summary>The 佐证材料 cell of the ledger export: the count and names, capped far below Excel's 32,767 characters a cell holds.</summary>
public sealed class EvidenceCellTests
{
    private static IReadOnlyList<string> Names(int count, int length) =>
        Enumerable.Range(1, count).Select(i => $"{i:D3}-" + new string('现', length) + ".jpg").ToList();

    [Fact]
    public void A_few_files_are_all_named_with_their_count()
    {
        Assert.Equal("2：现场照片.jpg、整改报告.pdf", LedgerExporter.EvidenceCell(["现场照片.jpg", "整改报告.pdf"], LedgerLanguage.Chinese));
        Assert.Equal("2: photo.jpg, report.pdf", LedgerExporter.EvidenceCell(["photo.jpg", "report.pdf"], LedgerLanguage.English));
        Assert.Null(LedgerExporter.EvidenceCell([], LedgerLanguage.Chinese));
    }

    [Theory]
    [InlineData(400, 200)]
    [InlineData(3000, 20)]
    [InlineData(2, 5000)]
    public void Many_or_long_names_are_cut_off_and_the_rest_counted_in_the_workbook_language(int count, int length)
    {
        var names = Names(count, length);

        var chinese = LedgerExporter.EvidenceCell(names, LedgerLanguage.Chinese)!;
        var english = LedgerExporter.EvidenceCell(names, LedgerLanguage.English)!;

        Assert.InRange(chinese.Length, 1, LedgerExporter.EvidenceCellLimit);
        Assert.InRange(english.Length, 1, LedgerExporter.EvidenceCellLimit);
        Assert.StartsWith($"{count}：", chinese, StringComparison.Ordinal);
        Assert.EndsWith($"…等{count}个", chinese, StringComparison.Ordinal);
        var listed = english[$"{count}: ".Length..english.LastIndexOf('…')].Split(", ", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith($"… and {count - listed.Length} more", english, StringComparison.Ordinal);
        Assert.Equal(names.Take(listed.Length), listed);
    }

    [Fact]
    public void Names_that_just_fit_are_listed_without_a_tail()
    {
        var names = Names(10, 150);

        var cell = LedgerExporter.EvidenceCell(names, LedgerLanguage.English)!;

        Assert.Equal("10: " + string.Join(", ", names), cell);
    }
}
