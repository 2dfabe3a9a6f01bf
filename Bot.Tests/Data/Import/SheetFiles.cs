using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rectification.Tests.Data.Import;

/// <summary>
/// Writes real spreadsheet files for the reader: .xlsx through the OpenXml SDK (merged cells, date-formatted number cells,
/// gaps between rows as Excel leaves them) and .csv as text. Files live in a temp folder removed on dispose.
/// </summary>
public sealed class SheetFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("rectification-import-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>
    /// Rows by their 1-based number (missing numbers are absent rows, as Excel stores blank rows); cells from column A.
    /// A DateTime becomes a number cell with a date format, a double a number cell, null no cell. Merges like "C3:C5".
    /// </summary>
    public string Xlsx(string name, IReadOnlyDictionary<int, object?[]> rows, params string[] merges)
    {
        var path = Path(name);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable();
        var stringIndex = new Dictionary<string, int>();

        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var (number, cells) in rows.OrderBy(r => r.Key))
        {
            var row = new Row { RowIndex = (uint)number };
            for (var i = 0; i < cells.Length; i++)
            {
                var reference = $"{(char)('A' + i)}{number}";
                switch (cells[i])
                {
                    case null:
                        break;
                    case string text:
                        if (!stringIndex.TryGetValue(text, out var index))
                        {
                            index = stringIndex[text] = stringIndex.Count;
                            strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                        }
                        row.AppendChild(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) });
                        break;
                    case DateTime date:
                        row.AppendChild(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToOADate().ToString(CultureInfo.InvariantCulture)) });
                        break;
                    case double value:
                        row.AppendChild(new Cell { CellReference = reference, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) });
                        break;
                    default:
                        throw new ArgumentException($"Unsupported cell {cells[i]}");
                }
            }
            data.AppendChild(row);
        }
        var worksheet = new Worksheet(data);
        if (merges.Length > 0)
        {
            worksheet.AppendChild(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }
        sheetPart.Worksheet = worksheet;
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "台账" }));
        workbook.Workbook.Save();
        return path;
    }

    public string Csv(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
