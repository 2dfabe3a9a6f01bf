using DocumentFormat.OpenXml.Spreadsheet;

namespace Rectification.Data.Export;

/// <summary>What a data cell holds, which decides its number format.</summary>
public enum CellKind
{
    Text,
    Whole,
    Percent,
    Date,
    DateTime,
}

/// <summary>The row colour of the printed 台账.</summary>
public enum RowFill
{
    None,
    Overdue,
    DueSoon,
    WrittenOff,
}

/// <summary>
/// The stylesheet of the printed 台账: title, unit line, header, and every data cell kind in every row colour, all
/// bordered and wrapped, so the sheet reads the same on paper as on screen.
/// </summary>
internal static class XlsxStyles
{
    public const uint Title = 1;
    public const uint UnitLine = 2;
    public const uint Header = 3;
    private const uint FirstData = 4;

    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;

    public static uint Data(CellKind kind, RowFill fill) => FirstData + (uint)fill * 5 + (uint)kind;

    public static Stylesheet Build()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 };
        var fonts = new Fonts(
            Font(11, bold: false),
            Font(16, bold: true),
            Font(11, bold: true))
        { Count = 3 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9D9D9"),
            Solid("FFFFC7CE"),
            Solid("FFFFEB9C"),
            Solid("FFC6EFCE"))
        { Count = 6 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 };

        var cells = new CellFormats(
            new CellFormat(),
            Format(1, 0, 0, 0, HorizontalAlignmentValues.Center, wrap: false),
            Format(0, 0, 0, 0, HorizontalAlignmentValues.Left, wrap: false),
            Format(2, 2, 1, 0, HorizontalAlignmentValues.Center, wrap: true));
        foreach (var fill in new uint[] { 0, 3, 4, 5 })
        {
            cells.Append(Format(0, fill, 1, 0, HorizontalAlignmentValues.Left, wrap: true));
            cells.Append(Format(0, fill, 1, 1, HorizontalAlignmentValues.Center, wrap: false));
            cells.Append(Format(0, fill, 1, 9, HorizontalAlignmentValues.Center, wrap: false));
            cells.Append(Format(0, fill, 1, DateFormat, HorizontalAlignmentValues.Center, wrap: false));
            cells.Append(Format(0, fill, 1, DateTimeFormat, HorizontalAlignmentValues.Center, wrap: true));
        }
        cells.Count = (uint)cells.ChildElements.Count;
        return new Stylesheet(formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cells,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size });
        font.Append(new FontName { Val = "宋体" });
        font.Append(new FontCharSet { Val = 134 });
        return font;
    }

    private static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, uint numberFormat, HorizontalAlignmentValues horizontal, bool wrap) => new(
        new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = wrap ? true : null })
    {
        FontId = font,
        FillId = fill,
        BorderId = border,
        NumberFormatId = numberFormat,
        ApplyFont = font != 0 ? true : null,
        ApplyFill = fill != 0 ? true : null,
        ApplyBorder = border != 0 ? true : null,
        ApplyNumberFormat = numberFormat != 0 ? true : null,
        ApplyAlignment = true,
    };
}
