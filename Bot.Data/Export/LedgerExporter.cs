using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Rectification.Data.Evidence;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Data.Export;

/// <summary>One measure as the export writes it; <see cref="Evidence"/> are the names of its evidence files.</summary>
public sealed record LedgerExportRow(TaskDetail Detail, int DaysOverdue, DateTimeOffset? LastUpdateLocal)
{
    public IReadOnlyList<string> Evidence { get; init; } = [];
}

/// <summary>
/// Writes one inspection's ledger as the 台账 an admin prints and the importer reads back: a merged title row (the
/// inspection's title, which names the inspection on import), a 填报单位 / 截至日期 line, the header row in the chosen
/// language, one row per measure in plan order with aspect and problem merged over their measures; landscape A4 fitted
/// to one page wide, the header repeated on every page, frozen and filtered; numbers and dates as real values; rows
/// coloured red when overdue, yellow when due soon, green when written off. A second sheet has the per-aspect figures.
/// 整改时限 is the plan's wording, 截止日期 the deadline in force (after extensions), so importing the file into an empty
/// database gives the same ledger. 最后更新, 逾期天数 and 佐证材料 (how many evidence files, and their names) are for readers;
/// import ignores them.
/// Written with the Open XML SDK rather than MiniExcel: merges, print titles, fit-to-width, freeze panes and fills
/// are what MiniExcel's writer and templates cannot express.
/// </summary>
public sealed class LedgerExporter(LedgerQueries queries, LedgerCalendar calendar, EvidenceRepository? evidence = null)
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        LedgerColumn.Code, LedgerColumn.Aspect, LedgerColumn.Problem, LedgerColumn.Measure, LedgerColumn.Leader, LedgerColumn.LeadDepartment,
        LedgerColumn.CoDepartments, LedgerColumn.Officers, LedgerColumn.TimeLimit, LedgerColumn.DueDate, LedgerColumn.Status,
        LedgerColumn.Percent, LedgerColumn.Progress, LedgerColumn.LastUpdate, LedgerColumn.DaysOverdue, LedgerColumn.Evidence,
    ];

    private const int HeaderRow = 3;

    /// <summary>The inspection's measures in plan order, with what the export derives for "today".</summary>
    public Task<IReadOnlyList<LedgerExportRow>> RowsAsync(long inspectionId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RowsAsync(inspectionId, now, TaskScope.Everything, cancellationToken);

    /// <summary>The same, narrowed to a scope (a leader's departments).</summary>
    public async Task<IReadOnlyList<LedgerExportRow>> RowsAsync(long inspectionId, DateTimeOffset now, TaskScope scope, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today(now);
        var page = await queries.ListAsync(scope, TaskFilter.All, today, 0, int.MaxValue, cancellationToken: cancellationToken);
        var rows = new List<LedgerExportRow>(page.Items.Count);
        var files = evidence is null ? null : await evidence.NamesByTaskAsync(inspectionId, cancellationToken);
        foreach (var summary in page.Items)
        {
            if (await queries.GetAsync(summary.Id, cancellationToken) is { } detail && detail.InspectionId == inspectionId)
            {
                var lastUpdate = summary.LastProgressAt is { } at ? TimeZoneInfo.ConvertTime(at, calendar.TimeZone) : (DateTimeOffset?)null;
                rows.Add(new LedgerExportRow(detail, summary.DaysOverdue(today), lastUpdate) { Evidence = files?[summary.Id].ToList() ?? [] });
            }
        }
        return rows;
    }

    /// <summary>Writes the .xlsx file (replacing it) and returns how many measures it holds.</summary>
    public Task<int> ExportAsync(string path, Inspection inspection, LedgerLanguage language, LedgerWorkbookTexts texts, int dueSoonDays,
        DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExportAsync(path, inspection, language, texts, dueSoonDays, now, TaskScope.Everything, cancellationToken);

    /// <summary>The same, narrowed to a scope (a leader's departments).</summary>
    public async Task<int> ExportAsync(string path, Inspection inspection, LedgerLanguage language, LedgerWorkbookTexts texts, int dueSoonDays,
        DateTimeOffset now, TaskScope scope, CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(inspection.Id, now, scope, cancellationToken);
        var today = calendar.Today(now);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());

        var ledger = workbook.AddNewPart<WorksheetPart>();
        ledger.Worksheet = LedgerSheet(inspection, rows, language, texts, strings, today, dueSoonDays);
        var figures = workbook.AddNewPart<WorksheetPart>();
        figures.Worksheet = FiguresSheet(rows, texts, strings, today);
        strings.Save();

        var last = HeaderRow + Math.Max(rows.Count, 1);
        var sheetName = texts.LedgerSheet;
        workbook.Workbook.Append(
            new Sheets(
                new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(ledger) },
                new Sheet { Name = texts.FiguresSheet, SheetId = 2, Id = workbook.GetIdOfPart(figures) }),
            new DefinedNames(
                new DefinedName($"'{sheetName}'!$A${HeaderRow}:${Letter(Columns.Count - 1)}${last}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                new DefinedName($"'{sheetName}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        workbook.Workbook.Save();
        return rows.Count;
    }

    private static List<string> Particulars(Inspection inspection, LedgerLanguage language)
    {
        var chinese = language == LedgerLanguage.Chinese;
        var cells = new List<string>();
        if (inspection.InspectedUnit is { Length: > 0 } unit)
        {
            cells.Add((chinese ? "被巡察单位：" : "Inspected unit: ") + unit);
        }
        if (inspection.InspectionGroup is { Length: > 0 } group)
        {
            cells.Add((chinese ? "巡察组：" : "Inspection group: ") + group);
        }
        if (inspection is { PeriodStart: { } start, PeriodEnd: { } end })
        {
            cells.Add((chinese ? "巡察时间：" : "Inspection period: ") + Iso(start) + "~" + Iso(end));
        }
        if (inspection.FeedbackDate is { } feedback)
        {
            cells.Add((chinese ? "反馈日期：" : "Feedback date: ") + Iso(feedback));
        }
        return cells;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Excel refuses cells over 32,767 characters; a longer note (typed in chat) is cut, marked, never written whole.</summary>
    private static object? Capped(object? value) => value is string { Length: > CellLimits.MaxCellLength } text
        ? string.Concat(text.AsSpan(0, CellLimits.MaxCellLength - 1), "…")
        : value;

    private static Worksheet LedgerSheet(Inspection inspection, IReadOnlyList<LedgerExportRow> rows, LedgerLanguage language, LedgerWorkbookTexts texts,
        SharedStrings strings, DateOnly today, int dueSoonDays)
    {
        var lastColumn = Letter(Columns.Count - 1);
        var data = new SheetData();
        data.Append(new Row(strings.Cell("A1", inspection.Title, XlsxStyles.Title)) { RowIndex = 1, Height = 30, CustomHeight = true });
        // The inspection's particulars follow on the same line, where real sheets keep them, so import reads them back.
        var particulars = Particulars(inspection, language);
        var line = texts.UnitAndDateLine(inspection.InspectedUnit, today) + string.Concat(particulars.Select(p => "；" + p));
        data.Append(new Row(strings.Cell("A2", line, XlsxStyles.UnitLine)) { RowIndex = 2 });
        data.Append(new Row(Columns.Select((c, i) => strings.Cell($"{Letter(i)}{HeaderRow}", LedgerHeaders.Name(c, language), XlsxStyles.Header)))
        { RowIndex = HeaderRow });

        var widths = Columns.Select(c => Width(LedgerHeaders.Name(c, language)) + 2.0).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var number = (uint)(HeaderRow + 1 + r);
            var fill = Fill(row.Detail.Task, today, dueSoonDays);
            var cells = new List<Cell>();
            for (var c = 0; c < Columns.Count; c++)
            {
                var value = Capped(Value(row, Columns[c], language));
                var reference = $"{Letter(c)}{number}";
                // Aspect and problem are written once, on the first row of the range merged over their measures.
                if (c is 1 or 2 && r > 0 && SameGroup(rows[r - 1], row, c))
                {
                    value = null;
                }
                cells.Add(value switch
                {
                    null => new Cell { CellReference = reference, StyleIndex = XlsxStyles.Data(CellKind.Text, fill) },
                    string text => strings.Cell(reference, text, XlsxStyles.Data(CellKind.Text, fill)),
                    DateOnly date => Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxStyles.Data(CellKind.Date, fill)),
                    DateTime at => Number(reference, at.ToOADate(), XlsxStyles.Data(CellKind.DateTime, fill)),
                    double percent => Number(reference, percent, XlsxStyles.Data(CellKind.Percent, fill)),
                    int whole => Number(reference, whole, XlsxStyles.Data(CellKind.Whole, fill)),
                    _ => throw new InvalidOperationException("Unexpected cell value."),
                });
                if (value is string shown)
                {
                    widths[c] = Math.Max(widths[c], Width(shown) + 2.0);
                }
                else if (value is DateOnly or DateTime)
                {
                    widths[c] = Math.Max(widths[c], value is DateTime ? 17 : 12);
                }
            }
            data.Append(new Row(cells) { RowIndex = number });
        }

        var merges = new List<string> { $"A1:{lastColumn}1", $"A2:{lastColumn}2" };
        merges.AddRange(GroupRanges(rows, 1).Concat(GroupRanges(rows, 2)));
        var columns = new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            // Long texts wrap inside a readable width instead of stretching the page.
            Width = Math.Min(w, MaxWidth(Columns[i])),
            CustomWidth = true,
        }));

        var last = HeaderRow + Math.Max(rows.Count, 1);
        var sheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = HeaderRow,
                TopLeftCell = $"A{HeaderRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{HeaderRow + 1}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{HeaderRow + 1}" } })
            { TabSelected = true, WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data,
            new AutoFilter { Reference = $"A{HeaderRow}:{lastColumn}{last}" });
        if (merges.Count > 0)
        {
            sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        }
        sheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        return sheet;
    }

    private static Worksheet FiguresSheet(IReadOnlyList<LedgerExportRow> rows, LedgerWorkbookTexts texts, SharedStrings strings, DateOnly today)
    {
        var data = new SheetData();
        data.Append(new Row(texts.FiguresHeader.Select((h, i) => strings.Cell($"{Letter(i)}1", h, XlsxStyles.Header))) { RowIndex = 1 });
        var groups = rows.GroupBy(r => r.Detail.Task.Aspect).Select(g => (Name: g.Key, Items: g.Select(r => r.Detail.Task).ToList())).ToList();
        groups.Add((texts.Total, rows.Select(r => r.Detail.Task).ToList()));
        uint number = 2;
        foreach (var (name, items) in groups)
        {
            var counts = new[]
            {
                items.Count,
                items.Count(t => t.Status == RectificationStatus.WrittenOff),
                items.Count(t => t.Status == RectificationStatus.Done),
                items.Count(t => t.Status == RectificationStatus.InProgress),
                items.Count(t => t.Status == RectificationStatus.NotStarted),
                items.Count(t => t.Status == RectificationStatus.Ongoing),
                items.Count(t => t.IsOverdue(today)),
            };
            var cells = new List<Cell> { strings.Cell($"A{number}", name, XlsxStyles.Data(CellKind.Text, RowFill.None)) };
            cells.AddRange(counts.Select((n, i) => Number($"{Letter(i + 1)}{number}", n, XlsxStyles.Data(CellKind.Whole, RowFill.None))));
            cells.Add(Number($"{Letter(counts.Length + 1)}{number}", items.Count == 0 ? 0 : (double)counts[1] / items.Count, XlsxStyles.Data(CellKind.Percent, RowFill.None)));
            data.Append(new Row(cells) { RowIndex = number++ });
        }
        var columns = new Columns(texts.FiguresHeader.Select((h, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = i == 0 ? Math.Min(60, Math.Max(Width(h), groups.Max(g => Width(g.Name))) + 2) : Width(h) + 4,
            CustomWidth = true,
        }));
        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            columns,
            data,
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
    }

    private static RowFill Fill(TaskSummary task, DateOnly today, int dueSoonDays) => task switch
    {
        _ when task.Status == RectificationStatus.WrittenOff => RowFill.WrittenOff,
        _ when task.IsOverdue(today) => RowFill.Overdue,
        { DueDate: { } due } when task.Status.IsOpen() && due.DayNumber - today.DayNumber <= dueSoonDays => RowFill.DueSoon,
        _ => RowFill.None,
    };

    private static bool SameGroup(LedgerExportRow previous, LedgerExportRow row, int column) =>
        previous.Detail.Task.Aspect == row.Detail.Task.Aspect && (column == 1 || previous.Detail.Task.Problem == row.Detail.Task.Problem);

    /// <summary>The ranges of consecutive rows sharing an aspect (column 1) or a problem (column 2), two rows or more.</summary>
    private static IEnumerable<string> GroupRanges(IReadOnlyList<LedgerExportRow> rows, int column)
    {
        var start = 0;
        for (var r = 1; r <= rows.Count; r++)
        {
            if (r == rows.Count || !SameGroup(rows[r - 1], rows[r], column))
            {
                if (r - start > 1)
                {
                    yield return $"{Letter(column)}{HeaderRow + 1 + start}:{Letter(column)}{HeaderRow + r}";
                }
                start = r;
            }
        }
    }

    private static double MaxWidth(LedgerColumn column) => column switch
    {
        LedgerColumn.Measure or LedgerColumn.Progress or LedgerColumn.Evidence => 40,
        LedgerColumn.Aspect or LedgerColumn.Problem => 24,
        _ => 14,
    };

    /// <summary>Display width in Excel's character units: a CJK character is two.</summary>
    private static double Width(string text) => text.Sum(c => c > 0x2E80 ? 2.0 : 1.0);

    private static Cell Number(string reference, double value, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
        StyleIndex = style,
    };

    private static object? Value(LedgerExportRow row, LedgerColumn column, LedgerLanguage language)
    {
        var task = row.Detail.Task;
        return column switch
        {
            LedgerColumn.Code => task.Code,
            LedgerColumn.Aspect => task.Aspect,
            LedgerColumn.Problem => task.Problem,
            LedgerColumn.Measure => task.Measure,
            LedgerColumn.Leader => task.Leader,
            LedgerColumn.LeadDepartment => task.LeadDepartment,
            LedgerColumn.CoDepartments => Blank(string.Join('、', row.Detail.CoDepartments)),
            LedgerColumn.Officers => Blank(string.Join('、', row.Detail.OfficerList.Select(o => o.Name))),
            LedgerColumn.TimeLimit => task.TimeLimitText.Length > 0 ? task.TimeLimitText : TimeLimitWords(task.TimeLimit),
            LedgerColumn.DueDate => task.TimeLimit.Date,
            LedgerColumn.Status => StatusWords.Word(task.Status, language),
            LedgerColumn.Percent => task.Percent / 100.0,
            LedgerColumn.Progress => Blank(SafeCell(row.Detail.ProgressNote)),
            LedgerColumn.LastUpdate => row.LastUpdateLocal?.DateTime,
            LedgerColumn.Evidence => EvidenceCell(row.Evidence, language),
            _ => row.DaysOverdue,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>
    /// Far below Excel's 32,767 characters a cell may hold: a measure with hundreds of photos must not make the workbook
    /// unreadable, and a reader wants the count and the first names, not a page of them (the files are in the bot).
    /// </summary>
    internal const int EvidenceCellLimit = 2000;

    /// <summary>
    /// 佐证材料: how many files, then their names, as many as fit in <see cref="EvidenceCellLimit"/>; the rest are
    /// counted ("…等N个" / "… and N more"), never silently dropped.
    /// </summary>
    internal static string? EvidenceCell(IReadOnlyList<string> names, LedgerLanguage language)
    {
        if (names.Count == 0)
        {
            return null;
        }
        var chinese = language == LedgerLanguage.Chinese;
        var separator = chinese ? "、" : ", ";
        var cell = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{names.Count}{(chinese ? "：" : ": ")}"));
        for (var i = 0; i < names.Count; i++)
        {
            var name = SafeCell(names[i]) ?? "";
            var rest = names.Count - i - 1;
            // Room is kept for the longest possible tail, so a name is listed only if the count of the rest still fits.
            var tail = rest == 0 ? "" : MoreWords(chinese, names.Count, names.Count);
            if (cell.Length + (i > 0 ? separator.Length : 0) + name.Length + tail.Length > EvidenceCellLimit)
            {
                return cell.Append(MoreWords(chinese, names.Count, names.Count - i)).ToString();
            }
            cell.Append(i > 0 ? separator : "").Append(name);
        }
        return cell.ToString();
    }

    private static string MoreWords(bool chinese, int total, int rest) => chinese
        ? string.Create(CultureInfo.InvariantCulture, $"…等{total}个")
        : string.Create(CultureInfo.InvariantCulture, $"… and {rest} more");

    /// <summary>XML cannot hold control characters: a pasted one must not make the whole workbook unreadable.</summary>
    private static string? SafeCell(string? text) => text is null ? null
        : new string(text.Where(c => c is '\n' || (System.Xml.XmlConvert.IsXmlChar(c) && !char.IsControl(c))).ToArray());

    /// <summary>For tasks created without the plan's wording: words the time-limit parser reads back as the same kind.</summary>
    private static string TimeLimitWords(TimeLimit limit) => limit.Kind switch
    {
        TimeLimitKind.Ongoing => "长期坚持",
        TimeLimitKind.Immediate => "立行立改",
        _ => limit.Date is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
    };

    private static string Letter(int index) => ((char)('A' + index)).ToString();

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly SharedStringTable _table = new();

        public Cell Cell(string reference, string text, uint style)
        {
            text = SafeCell(text) ?? "";
            if (!_index.TryGetValue(text, out var id))
            {
                id = _index.Count;
                _index[text] = id;
                _table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(id), StyleIndex = style };
        }

        public void Save()
        {
            _table.Count = (uint)_index.Count;
            _table.UniqueCount = (uint)_index.Count;
            part.SharedStringTable = _table;
        }
    }
}
