using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using ScottPlot;

namespace Rectification.Bot.Report;

/// <summary>
/// The annex charts, drawn with ScottPlot (SkiaSharp, headless): measures by status per aspect, and open measures
/// over time replayed from history. Labels ask ScottPlot for a font that has their characters (Noto CJK on a Debian
/// server, Microsoft YaHei on Windows); without one, CJK labels come out as boxes but the chart still renders.
/// </summary>
public static class ReportCharts
{
    public const int Width = 1200;
    public const int Height = 700;

    private static readonly (RectificationStatus Status, string Colour)[] Stack =
    [
        (RectificationStatus.WrittenOff, "#2E7D32"),
        (RectificationStatus.Done, "#81C784"),
        (RectificationStatus.InProgress, "#1E88E5"),
        (RectificationStatus.NotStarted, "#9E9E9E"),
        (RectificationStatus.Ongoing, "#FB8C00"),
    ];

    // SkiaSharp's Linux build that ScottPlot ships has no fontconfig, so system fonts cannot be found by name: the
    // file of a CJK face (Noto CJK from fonts-noto-cjk, WenQuanYi, or Windows' YaHei/SimHei) is registered instead.
    // None found: the default face, CJK labels as boxes, the chart still drawn.
    private static readonly Lazy<string?> CjkFont = new(RegisterCjkFont);

    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "C:\\Windows\\Fonts"];

    private static readonly string[] CjkFiles = ["NotoSansCJK-Regular", "NotoSansCJKsc-Regular", "NotoSerifCJK-Regular", "wqy-microhei", "wqy-zenhei", "msyh", "simhei", "simsun"];

    private static string? RegisterCjkFont()
    {
        var files = FontFolders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.tt?", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(folder, "*.otf", SearchOption.AllDirectories)))
            .ToList();
        foreach (var wanted in CjkFiles)
        {
            if (files.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(wanted, StringComparison.OrdinalIgnoreCase)) is { } file)
            {
                Fonts.AddFontFile("ReportCJK", file);
                return "ReportCJK";
            }
        }
        return null;
    }

    public static ReportChart ByAspect(UiText t, IReadOnlyList<ReportItem> items)
    {
        var aspects = items.Select(i => i.Aspect).Distinct().ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        for (var a = 0; a < aspects.Count; a++)
        {
            double bottom = 0;
            foreach (var (status, colour) in Stack)
            {
                var count = items.Count(i => i.Aspect == aspects[a] && i.Status == status);
                if (count > 0)
                {
                    bars.Add(new Bar { Position = a, ValueBase = bottom, Value = bottom + count, FillColor = Color.FromHex(colour) });
                    bottom += count;
                }
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, aspects.Count).Select(i => (double)i)], [.. Enumerable.Range(0, aspects.Count).Select(t.ReportChartAspectLabel)]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(t.ReportChartMeasuresAxis);
        foreach (var (status, colour) in Stack)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = t.StatusName(status), FillColor = Color.FromHex(colour) });
        }
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, t.ReportChartByAspect);
    }

    /// <summary>Open measures (not started or in progress) at each sample day, replayed from history.</summary>
    public static ReportChart OpenOverTime(UiText t, IReadOnlyList<(DateOnly Day, int Open)> series)
    {
        var plot = new Plot();
        var xs = series.Select(p => p.Day.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        var ys = series.Select(p => (double)p.Open).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 3;
        line.MarkerSize = 8;
        line.Color = Color.FromHex("#C62828");
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(t.ReportChartOpenAxis);
        return Render(plot, t.ReportChartOpenOverTime);
    }

    private static ReportChart Render(Plot plot, string caption)
    {
        if (CjkFont.Value is { } font)
        {
            plot.Font.Set(font);
            plot.Legend.FontName = font;
        }
        plot.Axes.Left.Label.FontSize = 20;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 18;
        plot.Axes.Left.TickLabelStyle.FontSize = 18;
        plot.Legend.FontSize = 18;
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new ReportChart(caption, png, Width, Height);
    }
}
