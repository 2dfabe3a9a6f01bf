namespace Rectification.Bot.Report;

/// <summary>A report as headings and paragraphs, before it becomes a Word file.</summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<ReportBlock> Blocks);

public abstract record ReportBlock
{
    private ReportBlock()
    {
    }

    /// <summary>Level 1: 一、…; level 2: （一）….</summary>
    public sealed record Heading(int Level, string Text) : ReportBlock;

    public sealed record Paragraph(string Text) : ReportBlock;
}
