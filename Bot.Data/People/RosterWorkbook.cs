using MiniExcelLibs;

namespace Rectification.Data.People;

/// <summary>
/// The roster as a workbook, in the columns <see cref="RosterSheet"/> reads: what <c>people export</c> writes and what an
/// admin gets in chat for 导出人员名单. Exported and imported again, it changes nothing.
/// </summary>
public static class RosterWorkbook
{
    public static async Task WriteAsync(Stream stream, IReadOnlyList<RosterEntry> entries, RosterWorkbookTexts texts, CancellationToken cancellationToken)
    {
        var columns = Enum.GetValues<RosterColumn>();
        var chinese = texts.ChineseRoles;
        var rows = entries.Select(e => columns.ToDictionary(texts.Header, c => (object?)(c switch
        {
            RosterColumn.Name => e.Name,
            RosterColumn.Department => e.Department,
            RosterColumn.Email => e.Email,
            RosterColumn.ObjectId => e.ObjectId,
            RosterColumn.Role => RosterSheet.RoleWord(e.IsAdmin ?? false, e.IsLeader, chinese),
            _ => string.Join("、", e.Supervises ?? []),
        }))).ToList();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header for no rows: a header-only sheet still tells an admin the format.
            rows.Add(columns.ToDictionary(texts.Header, _ => (object?)null));
        }
        await MiniExcel.SaveAsAsync(stream, rows, sheetName: texts.Sheet, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    public static async Task<byte[]> BytesAsync(IReadOnlyList<RosterEntry> entries, RosterWorkbookTexts texts, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, entries, texts, cancellationToken);
        return stream.ToArray();
    }
}
