using Rectification.Bot.Texts;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Report;

/// <summary>
/// Drafts the rectification report (整改情况的通报) in the shape the published notices use: 一、how the work was
/// organised and the overall figures; 二、per aspect, what was done for each measure; 三、what remains and the
/// long-term mechanism. A draft for the admin to edit, never published as is.
/// </summary>
public static class RectificationReport
{
    public static ReportDocument Build(UiText t, Inspection inspection, IReadOnlyList<AspectFigures> figures, IReadOnlyList<TaskDetail> tasks, DateOnly today)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportBlock.Paragraph(t.ReportOpening(inspection)),
            new ReportBlock.Heading(1, t.ReportOverallHeading),
            new ReportBlock.Paragraph(t.ReportOverall(
                tasks.Select(d => d.Task.Problem).Distinct().Count(), tasks.Count,
                tasks.Count(d => d.Task.Status == RectificationStatus.WrittenOff),
                tasks.Count(d => d.Task.Status == RectificationStatus.Done),
                tasks.Count(d => d.Task.Status.IsOpen()),
                tasks.Count(d => d.Task.Status == RectificationStatus.Ongoing),
                tasks.Count(d => d.Task.IsOverdue(today)))),
            new ReportBlock.Heading(1, t.ReportAspectsHeading),
        };

        var index = 0;
        foreach (var aspect in figures)
        {
            blocks.Add(new ReportBlock.Heading(2, t.ReportAspectHeading(index++, aspect.Aspect)));
            var measures = tasks.Where(d => d.Task.Aspect == aspect.Aspect).ToList();
            blocks.AddRange(measures.Select((d, i) => new ReportBlock.Paragraph(t.ReportMeasure(i, d, today))));
            blocks.Add(new ReportBlock.Paragraph(t.ReportAspectFigures(aspect)));
        }

        blocks.Add(new ReportBlock.Heading(1, t.ReportNextHeading));
        var open = tasks.Where(d => d.Task.Status.IsOpen()).OrderBy(d => d.Task.DueDate).ToList();
        blocks.Add(new ReportBlock.Paragraph(open.Count == 0 ? t.ReportNothingOpen : t.ReportOpenItems(open, today)));
        var ongoing = tasks.Where(d => d.Task.Status == RectificationStatus.Ongoing).ToList();
        if (ongoing.Count > 0)
        {
            blocks.Add(new ReportBlock.Paragraph(t.ReportOngoingItems(ongoing)));
        }
        blocks.Add(new ReportBlock.Paragraph(t.ReportClosing));
        return new ReportDocument(t.ReportTitle(inspection), t.ReportSubtitle(inspection, today), blocks);
    }
}
