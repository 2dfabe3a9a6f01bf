namespace Rectification.Bot.Report;

/// <summary>A report as headings and paragraphs, before it becomes a Word file.</summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportBlock> Blocks, string Language = "zh-CN");

public abstract record ReportBlock
{
    private ReportBlock()
    {
    }

    /// <summary>Level 1: 一、…; level 2: （一）….</summary>
    public sealed record Heading(int Level, string Text) : ReportBlock;

    public sealed record Paragraph(string Text) : ReportBlock;

    /// <summary>落款: the issuing unit and the date, right-aligned at the end of the text.</summary>
    public sealed record Signature(string Unit, string Date) : ReportBlock;

    /// <summary>The annex starts on a new page: 附件 at the left, then its own centred title.</summary>
    public sealed record Annex(string Label, string Title) : ReportBlock;

    /// <summary>A chart as a PNG, with its caption under it.</summary>
    public sealed record Figure(byte[] Png, int WidthPixels, int HeightPixels, string Caption) : ReportBlock;
}

/// <summary>A drawn chart for the annex.</summary>
public sealed record ReportChart(string Caption, byte[] Png, int WidthPixels, int HeightPixels);
