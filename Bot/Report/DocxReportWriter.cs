using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Rectification.Bot.Report;

/// <summary>
/// Writes a report as a Word document laid out as a 公文 (GB/T 9704): A4 portrait, the usual 版心 margins, body in
/// 仿宋_GB2312 三号 (16pt) on a fixed 28pt line, title in 小标宋 二号, level-1 headings in 黑体, level-2 in 楷体,
/// "— 1 —" page numbers in 4号 宋体 at the outside edge, the issuing unit and date right-aligned at the end. Every look
/// lives in the styles part, so what an admin types later keeps it; the font table names the common fallbacks
/// (仿宋, 楷体, 宋体) for machines without the GB2312 fonts.
/// </summary>
public static class DocxReportWriter
{
    private const string BodyFont = "仿宋_GB2312";
    private const string TitleFont = "方正小标宋简体";
    private const string HeadingFont = "黑体";
    private const string SubheadingFont = "楷体_GB2312";
    private const string PageNumberFont = "宋体";

    // Half-points: 二号 22pt, 三号 16pt, 4号 14pt.
    private const string TitleSize = "44";
    private const string BodySize = "32";
    private const string PageNumberSize = "28";

    // Twips: a 28pt line; two 16pt characters of first-line indent.
    private const string LineExact = "560";
    private const int TwoCharacters = 640;

    // A4 in twips, and the margins the report always used (37mm top, 35mm bottom, 28mm left, 26mm right).
    private const uint PageWidth = 11906;
    private const uint PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const uint MarginLeft = 1588;
    private const uint MarginRight = 1474;

    private const long EmuPerTwip = 635;

    public static void Write(ReportDocument report, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles(report.Language);
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = FontTable();
        var settings = main.AddNewPart<DocumentSettingsPart>();
        // Odd and even pages carry their numbers at the outside edge: right on odd pages, left on even ones.
        settings.Settings = new Settings(new EvenAndOddHeaders());

        var odd = main.AddNewPart<FooterPart>();
        odd.Footer = PageNumberFooter(JustificationValues.Right);
        var even = main.AddNewPart<FooterPart>();
        even.Footer = PageNumberFooter(JustificationValues.Left);

        var body = new Body();
        body.Append(Styled("Title", report.Title));
        body.Append(Styled("Subtitle", report.Subtitle));
        uint figure = 1;
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case ReportBlock.Heading heading:
                    body.Append(Styled(heading.Level == 1 ? "Heading1" : "Heading2", heading.Text));
                    break;
                case ReportBlock.Paragraph paragraph:
                    body.Append(Styled(null, paragraph.Text));
                    break;
                case ReportBlock.Signature signature:
                    body.Append(Styled("Signature", signature.Unit, spaceBefore: true));
                    body.Append(Styled("Signature", signature.Date));
                    break;
                case ReportBlock.Annex annex:
                    body.Append(Styled("AnnexLabel", annex.Label, pageBreakBefore: true));
                    body.Append(Styled("Title", annex.Title));
                    break;
                case ReportBlock.Figure picture:
                    body.Append(Picture(main, picture, figure++));
                    body.Append(Styled("Caption", picture.Caption));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(report), block.GetType().Name, "Unknown report block.");
            }
        }
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
            new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 1247, Gutter = 0 },
            new DocGrid { Type = DocGridValues.Lines, LinePitch = 560 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static Paragraph Styled(string? style, string text, bool pageBreakBefore = false, bool spaceBefore = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }
        if (spaceBefore)
        {
            // 落款 sits a couple of lines below the text.
            properties.Append(new SpacingBetweenLines { Before = "1120" });
        }
        var paragraph = new Paragraph(properties);
        var clean = SafeText.Clean(text);
        if (clean.Length > 0)
        {
            paragraph.Append(new Run(new Text(clean) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static Footer PageNumberFooter(JustificationValues side)
    {
        var indentation = side == JustificationValues.Right
            ? new Indentation { Right = "280", RightChars = 100, FirstLine = "0", FirstLineChars = 0 }
            : new Indentation { Left = "280", LeftChars = 100, FirstLine = "0", FirstLineChars = 0 };
        return new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, indentation, new Justification { Val = side }),
            new Run(new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("1")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static Styles Styles(string language)
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(BodyFont),
                new FontSize { Val = BodySize },
                new FontSizeComplexScript { Val = BodySize },
                new Languages { Val = language, EastAsia = "zh-CN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = LineExact, LineRule = LineSpacingRuleValues.Exact })));

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new Indentation { FirstLine = TwoCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture), FirstLineChars = 200 },
                new Justification { Val = JustificationValues.Both }))
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };

        return new Styles(
            defaults,
            normal,
            ParagraphStyle("Title", "Title", TitleFont, TitleSize, JustificationValues.Center, outline: null, spacingAfter: "0"),
            ParagraphStyle("Subtitle", "Subtitle", SubheadingFont, BodySize, JustificationValues.Center, outline: null, spacingAfter: "560"),
            ParagraphStyle("Heading1", "heading 1", HeadingFont, BodySize, null, outline: 0),
            ParagraphStyle("Heading2", "heading 2", SubheadingFont, BodySize, null, outline: 1),
            ParagraphStyle("AnnexLabel", "Annex Label", HeadingFont, BodySize, JustificationValues.Left, outline: null, noIndent: true),
            ParagraphStyle("Caption", "caption", BodyFont, PageNumberSize, JustificationValues.Center, outline: null, noIndent: true, spacingAfter: "280"),
            SignatureStyle(),
            ParagraphStyle("Footer", "footer", PageNumberFont, PageNumberSize, null, outline: null, noIndent: true),
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
            { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true });
    }

    private static Style ParagraphStyle(string id, string name, string font, string size, JustificationValues? justification, int? outline,
        bool noIndent = false, string? spacingAfter = null)
    {
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.Append(new KeepNext());
        }
        if (spacingAfter is not null)
        {
            paragraph.Append(new SpacingBetweenLines { After = spacingAfter });
        }
        if (justification is not null || noIndent)
        {
            // Centred and left-flush lines carry no first-line indent.
            paragraph.Append(new Indentation { FirstLine = "0", FirstLineChars = 0 });
        }
        if (justification is { } value)
        {
            paragraph.Append(new Justification { Val = value });
        }
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }
        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(Fonts(font), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
        return style;
    }

    /// <summary>落款 right-aligned, four characters in from the right edge (成文日期右空四字).</summary>
    private static Style SignatureStyle() => new(
        new StyleName { Val = "Signature" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new Indentation { Right = "1280", RightChars = 400, FirstLine = "0", FirstLineChars = 0 },
            new Justification { Val = JustificationValues.Right }))
    { Type = StyleValues.Paragraph, StyleId = "Signature" };

    private static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font, Hint = FontTypeHintValues.EastAsia };

    private static DocumentFormat.OpenXml.Wordprocessing.Fonts FontTable() => new(
        Font(BodyFont, "仿宋"),
        Font(TitleFont, "宋体"),
        Font(HeadingFont, "SimHei"),
        Font(SubheadingFont, "楷体"),
        Font(PageNumberFont, "SimSun"));

    private static Font Font(string name, string alternative) => new(
        new AltName { Val = alternative },
        new FontCharSet { Val = "86" },
        new FontFamily { Val = FontFamilyValues.Modern },
        new Pitch { Val = FontPitchValues.Fixed })
    { Name = name };

    private static Paragraph Picture(MainDocumentPart main, ReportBlock.Figure figure, uint id)
    {
        var image = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(figure.Png))
        {
            image.FeedData(stream);
        }
        var relationship = main.GetIdOfPart(image);
        long width = (PageWidth - MarginLeft - MarginRight) * EmuPerTwip;
        long height = width * figure.HeightPixels / Math.Max(1, figure.WidthPixels);
        var name = $"chart{id}.png";
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new Run(new Drawing(inline)));
    }
}
