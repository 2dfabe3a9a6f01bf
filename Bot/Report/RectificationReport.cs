using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Report;

/// <summary>What one report is written from: one inspection, its set-up, its measures as they stood on AsOf, the charts.</summary>
public sealed record ReportInput(
    Inspection Inspection,
    IReadOnlyList<LeadingGroupMember> LeadingGroup,
    IReadOnlyList<InspectionMeeting> Meetings,
    IReadOnlyList<ReportItem> Items,
    DateOnly AsOf,
    IReadOnlyList<ReportChart> Charts);

/// <summary>
/// Drafts the rectification report (整改情况的通报) in the shape the published notices use: 一、how the work was
/// organised (meetings, leading group, the lists and the figures); 二、per aspect in the ledger's order, what was done
/// for each measure; 三、what remains by department, long-term items, 回头看 and the long-term mechanism; the issuing unit
/// and date; the charts in an annex. A draft for the admin to edit, never published as is.
/// </summary>
public static class RectificationReport
{
    public static ReportDocument Build(UiText t, ReportInput input)
    {
        var asOf = input.AsOf;
        var items = input.Items;
        var aspects = items.Select(i => i.Aspect).Distinct().ToList();
        var blocks = new List<ReportBlock>
        {
            new ReportBlock.Paragraph(t.ReportOpening(input.Inspection)),
            new ReportBlock.Heading(1, t.ReportOrganisedHeading),
            new ReportBlock.Heading(2, t.ReportAcceptHeading),
            new ReportBlock.Paragraph(t.ReportMeetings(input.Inspection, input.Meetings)),
            new ReportBlock.Heading(2, t.ReportLeadHeading),
            new ReportBlock.Paragraph(t.ReportLeadingGroup(input.LeadingGroup, aspects.Count, ReportFigures.Of(items, asOf).Problems)),
            new ReportBlock.Heading(2, t.ReportLedgerHeading),
            new ReportBlock.Paragraph(t.ReportFiguresText(ReportFigures.Of(items, asOf), asOf)),
            new ReportBlock.Heading(1, t.ReportAspectsHeading),
        };

        for (var a = 0; a < aspects.Count; a++)
        {
            var measures = items.Where(i => i.Aspect == aspects[a]).ToList();
            blocks.Add(new ReportBlock.Heading(2, t.ReportAspectHeading(a, aspects[a])));
            blocks.AddRange(measures.Select((item, i) => new ReportBlock.Paragraph(t.ReportMeasure(i, item, asOf))));
            blocks.Add(new ReportBlock.Paragraph(t.ReportAspectFigures(ReportFigures.Of(measures, asOf))));
        }

        blocks.Add(new ReportBlock.Heading(1, t.ReportNextHeading));
        blocks.Add(new ReportBlock.Paragraph(t.ReportNextIntro(input.Inspection)));
        var point = 0;
        var open = items.Where(i => i.IsOpen).ToList();
        if (open.Count == 0)
        {
            blocks.Add(new ReportBlock.Paragraph(t.ReportNothingOpen(point++)));
        }
        else
        {
            // By department in the order a reader looks for their own: most open items first, then by name.
            var byDepartment = open
                .GroupBy(i => i.LeadDepartment ?? "")
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DepartmentItems(g.Key.Length == 0 ? null : g.Key, g.OrderBy(i => i.DueDate ?? DateOnly.MaxValue).ToList()))
                .ToList();
            blocks.Add(new ReportBlock.Paragraph(t.ReportOpenIntro(point++, open.Count)));
            blocks.AddRange(byDepartment.Select(d => new ReportBlock.Paragraph(t.ReportOpenDepartment(d, asOf))));
        }
        var ongoing = items.Where(i => i.Status == RectificationStatus.Ongoing).ToList();
        if (ongoing.Count > 0)
        {
            blocks.Add(new ReportBlock.Paragraph(t.ReportOngoingItems(point++, ongoing)));
        }
        blocks.Add(new ReportBlock.Paragraph(t.ReportRechecks(point++, items.Sum(i => i.Consolidated), items.Where(i => i.Relapses > 0).ToList(), asOf)));
        blocks.Add(new ReportBlock.Paragraph(t.ReportMechanism(point)));
        blocks.Add(new ReportBlock.Signature(input.Inspection.InspectedUnit ?? t.ReportToFill, t.ReportIssuedOn(asOf)));

        if (input.Charts.Count > 0)
        {
            blocks.Add(new ReportBlock.Annex(t.ReportAnnexLabel, t.ReportAnnexTitle));
            blocks.AddRange(input.Charts.Select(c => new ReportBlock.Figure(c.Png, c.WidthPixels, c.HeightPixels, c.Caption)));
        }
        return new ReportDocument(t.ReportTitle(input.Inspection), t.ReportSubtitle(asOf), blocks, t.Locale);
    }
}

/// <summary>The open measures of one responsible department; Department null when the ledger names none.</summary>
public sealed record DepartmentItems(string? Department, IReadOnlyList<ReportItem> Items);
