using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Rectification.Bot.Cli;
using Rectification.Bot.Texts;
using Rectification.Tests.Teams;
using Xunit.Abstractions;

namespace Rectification.Tests.Report;

/// <summary>
/// The 通报 and the 台账 of the demo ledger as files an office uses: the workbook's print layout read back with the Open XML
/// SDK, and both rendered to PDF by LibreOffice (Debian: libreoffice-writer, libreoffice-calc, poppler-utils,
/// fonts-noto-cjk). Without LibreOffice the rendering checks say so and stop.
/// </summary>
public sealed class RenderingTests(ITestOutputHelper log) : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("rectification-render-").FullName;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _chat.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> ExportAsync()
    {
        var path = Path.Combine(_folder, "ledger.xlsx");
        using var output = new StringWriter();
        Assert.Equal(0, await ExportCommand.RunAsync(_chat.Services, [path], UiText.ZhCn, output, CancellationToken.None));
        return path;
    }

    [Fact]
    public async Task The_ledger_workbook_prints_landscape_one_page_wide_with_the_header_on_every_page()
    {
        var path = await ExportAsync();

        using var document = SpreadsheetDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document).Select(e => e.Description));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["整改台账", "分方面统计"], sheets.Select(s => s.Name!.Value));
        var sheet = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;

        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal((OrientationValues.Landscape, 1u, 0u, 9u), (setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value, setup.PaperSize!.Value));
        Assert.True(sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        Assert.Contains(workbook.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name == "_xlnm.Print_Titles" && n.Text == "'整改台账'!$3:$3");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((3.0, "A4", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        // 16 columns: the export's own 15 and 佐证材料 (evidence).
        Assert.Equal("A3:P28", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

        var merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToList();
        Assert.Contains("A1:P1", merges);
        Assert.Contains("A2:P2", merges);
        Assert.Contains("B4:B18", merges);
        Assert.Contains("C4:C6", merges);

        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
        string Text(string reference) => strings[int.Parse(cells[reference].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal("盟委第九轮巡察民族工作领域意识形态专项巡察", Text("A1"));
        // The unit and the as-of date, then the inspection's particulars (read back by import).
        Assert.StartsWith("填报单位：盟委统战部        截至日期：2026年11月27日；", Text("A2"), StringComparison.Ordinal);
        Assert.Equal("1-1-1", Text("A4"));

        // 1-1-2 (row 5): written off, a real date and a real percent; 1-5-4 (row 18): 25 days overdue, red.
        Assert.Equal(CellValues.Number, cells["J5"].DataType!.Value);
        Assert.Equal("1", cells["L5"].CellValue!.Text);
        Assert.Equal("25", cells["O18"].CellValue!.Text);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = workbook.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ToList();
        string FillOf(string reference) => fills[(int)formats[(int)cells[reference].StyleIndex!.Value].FillId!.Value].PatternFill!.ForegroundColor?.Rgb?.Value ?? "";
        Assert.Equal("FFC6EFCE", FillOf("K5"));
        Assert.Equal("FFFFC7CE", FillOf("K18"));
        Assert.Equal("FFFFEB9C", FillOf("K8"));
        Assert.Equal(164u, formats[(int)cells["J5"].StyleIndex!.Value].NumberFormatId!.Value);
    }

    [Fact]
    public async Task Rendered_by_libreoffice_the_report_and_the_ledger_have_their_pages_title_and_figures()
    {
        if (Tool("soffice") is null || Tool("pdftotext") is null)
        {
            log.WriteLine("SKIPPED: LibreOffice or poppler-utils is not installed (apt-get install libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk).");
            return;
        }
        var report = Path.Combine(_folder, "report.docx");
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await ReportCommand.RunAsync(_chat.Services, ["--out", report], UiText.ZhCn, output, CancellationToken.None));
        }
        var ledger = await ExportAsync();

        var reportPdf = await ToPdfAsync(report);
        var reportPages = Pages(reportPdf);
        Assert.InRange(reportPages, 6, 14);
        var first = await RunAsync("pdftotext", "-f", "1", "-l", "1", "-layout", reportPdf, "-");
        var folded = string.Concat(first.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("盟委统战部关于盟委第九轮巡察", folded, StringComparison.Ordinal);
        Assert.Contains("—1—", folded, StringComparison.Ordinal);
        var all = string.Concat((await RunAsync("pdftotext", reportPdf, "-")).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("整改措施25项，已完成并销号9项", all, StringComparison.Ordinal);
        Assert.Contains("整改完成率为36%", all, StringComparison.Ordinal);

        var ledgerPdf = await ToPdfAsync(ledger);
        var ledgerText = await RunAsync("pdftotext", "-f", "1", "-l", "1", ledgerPdf, "-");
        Assert.Contains("盟委第九轮巡察民族工作领域意识形态专项巡察", ledgerText, StringComparison.Ordinal);
        // One page wide: every column's header is on the first page, and the ledger of 25 measures fits a few pages.
        Assert.Contains("逾期天数", ledgerText, StringComparison.Ordinal);
        Assert.InRange(Pages(ledgerPdf), 2, 8);
        log.WriteLine($"report: {reportPages} pages; ledger: {Pages(ledgerPdf)} pages");
    }

    private async Task<string> ToPdfAsync(string path)
    {
        var profile = Path.Combine(_folder, "profile");
        await RunAsync("soffice", $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", _folder, path);
        var pdf = Path.ChangeExtension(path, ".pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF for " + path);
        return pdf;
    }

    private static int Pages(string pdf)
    {
        var info = RunAsync("pdfinfo", pdf).GetAwaiter().GetResult();
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Tool(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return await output;
    }
}
