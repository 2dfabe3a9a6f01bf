using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Rectification.Bot.Report;

/// <summary>
/// Writes a report as a Word document in the manner of an official notice: the title in 小标宋 (here SimHei,
/// which every Chinese Windows has), level-1 headings in 黑体, level-2 in 楷体, body in 仿宋, first lines indented
/// by two characters.
/// </summary>
public static class DocxReportWriter
{
    private const string TitleFont = "SimHei";
    private const string HeadingFont = "SimHei";
    private const string SubheadingFont = "KaiTi";
    private const string BodyFont = "FangSong";

    // Sizes in half-points: 二号 22pt for the title, 三号 16pt for the text.
    private const string TitleSize = "44";
    private const string BodySize = "32";

    public static void Write(ReportDocument report, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        body.Append(Line(report.Title, TitleFont, TitleSize, bold: true, centred: true));
        body.Append(Line(report.Subtitle, BodyFont, BodySize, centred: true));
        foreach (var block in report.Blocks)
        {
            body.Append(block switch
            {
                ReportBlock.Heading { Level: 1 } heading => Line(heading.Text, HeadingFont, BodySize, indent: true),
                ReportBlock.Heading heading => Line(heading.Text, SubheadingFont, BodySize, indent: true),
                ReportBlock.Paragraph paragraph => Line(paragraph.Text, BodyFont, BodySize, indent: true),
                _ => throw new ArgumentOutOfRangeException(nameof(report)),
            });
        }
        body.Append(new SectionProperties(new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Line(string text, string font, string size, bool bold = false, bool centred = false, bool indent = false)
    {
        var runProperties = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font },
            new FontSize { Val = size });
        if (bold)
        {
            runProperties.Append(new Bold());
        }
        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (centred)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }
        if (indent)
        {
            paragraphProperties.Append(new Indentation { FirstLineChars = 200 });
        }
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
