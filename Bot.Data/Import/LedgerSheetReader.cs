using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// How to read a sheet. <paramref name="InspectionTitle"/> (the --inspection option) names the inspection; without it the
/// sheet's title row does, else the file name. <paramref name="FeedbackYear"/> is the last place the year of 下半年 / 年底前
/// comes from (after the cell itself, the sheet's title rows and the inspection title).
/// The other values are the inspection's particulars given by the caller (import options); they win over what the lines
/// above the header say.
/// </summary>
public sealed record LedgerReadOptions(
    string? InspectionTitle = null,
    int? FeedbackYear = null,
    DateOnly? FeedbackDate = null,
    DateOnly? PeriodStart = null,
    DateOnly? PeriodEnd = null,
    string? InspectionGroup = null,
    string? InspectedUnit = null);

/// <summary>Excel's limit on the characters of one cell: a longer one is refused, and the export never writes one.</summary>
public static class CellLimits
{
    public const int MaxCellLength = 32_767;
}

/// <summary>One row of a sheet with the number Excel shows for it (1-based) and its cells from column A.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<object?> Cells);

/// <summary>
/// Reads a ledger sheet (.xlsx or .csv) into a <see cref="LedgerDraft"/>, or into every error it finds: one bad row means
/// no draft. Decisions a real ledger forces:
/// <list type="bullet">
/// <item>The header row is the first row naming at least three known columns, the measure among them; rows above it are the
/// title. The first sheet with such a row is read.</item>
/// <item>Merged cells count for every row they cover. A blank aspect or problem cell (what a CSV of merged cells looks
/// like) continues the one above; a blank aspect with none above is <see cref="LedgerHeaders.UnclassifiedAspect"/>; a blank
/// problem under a new aspect is an error. A row holding one text only, in the first or the aspect column, or one text
/// spread over the row by a merge, is an aspect heading such as "一、聚焦…方面". A row with only its 序号 filled is an empty
/// template row and skipped, as are blank rows.</item>
/// <item>Codes are the 序号 as written (folded, "1." is "1"); without a 序号 column they are aspect-problem-measure
/// ordinals ("2-3-1"). A code used twice is an error on both rows.</item>
/// <item>Officers are split on 、 , ， ; ； / and newlines only; "张三 李四" is an error, not two guesses.</item>
/// <item>The due-date column (the export's 截止日期) is the deadline in force and wins over the date 整改时限 implies.</item>
/// </list>
/// </summary>
public static partial class LedgerSheetReader
{
    private static readonly LedgerColumn[] Required = [LedgerColumn.Problem, LedgerColumn.Measure, LedgerColumn.Officers, LedgerColumn.TimeLimit];

    public static ImportReadResult Read(string path, LedgerReadOptions? options = null)
    {
        options ??= new LedgerReadOptions();
        var fileTitle = Path.GetFileNameWithoutExtension(path);
        if (Path.GetExtension(path).Equals(".xls", StringComparison.OrdinalIgnoreCase) || IsLegacyWorkbook(path))
        {
            return Failed(ImportErrorCodes.FileXls, null);
        }
        List<List<SheetRow>> sheets;
        try
        {
            sheets = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? [CsvRows(path)]
                : MiniExcel.GetSheetNames(path).Select(sheet => XlsxRows(path, sheet)).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // MiniExcel and the zip reader throw many kinds for a file that is not what its name says. Their messages are
            // for developers: the user gets a plain one in their language.
            _ = e;
            return Failed(ImportErrorCodes.FileUnreadable, null);
        }
        ImportReadResult? first = null;
        foreach (var rows in sheets)
        {
            var result = Read(rows, fileTitle, options);
            if (!result.Errors.Any(e => e.Code == ImportErrorCodes.HeaderNotFound))
            {
                return result;
            }
            first ??= result;
        }
        return first ?? Failed(ImportErrorCodes.HeaderNotFound, null);
    }

    /// <summary>The rows of one sheet, already read: the part of the reader that knows nothing of file formats.</summary>
    public static ImportReadResult Read(IReadOnlyList<SheetRow> rows, string fileTitle, LedgerReadOptions options)
    {
        var headerIndex = -1;
        Dictionary<int, LedgerColumn> columns = [];
        for (var i = 0; i < rows.Count && headerIndex < 0; i++)
        {
            columns = HeaderColumns(rows[i]);
            if (IsHeader(columns))
            {
                headerIndex = i;
            }
        }
        if (headerIndex < 0)
        {
            return Failed(ImportErrorCodes.HeaderNotFound, null);
        }

        var header = rows[headerIndex];
        var dataStart = headerIndex + 1;
        if (dataStart < rows.Count && SubHeader(header, rows[dataStart]) is { } sub)
        {
            // A two-row header: 责任主体 merged over 责任领导 | 责任部门 | 责任人 in the row below.
            var cells = header.Cells.ToArray();
            foreach (var (index, column) in sub)
            {
                columns[index] = column;
                if (index < cells.Length)
                {
                    cells[index] = rows[dataStart].Cells[index];
                }
            }
            header = new SheetRow(header.Number, cells);
            dataStart++;
        }
        var errors = new List<ImportError>();
        var byColumn = new Dictionary<LedgerColumn, int>();
        foreach (var (index, column) in columns.OrderBy(c => c.Key))
        {
            if (!byColumn.TryAdd(column, index))
            {
                errors.Add(new ImportError(header.Number, HeaderText(header, index), ImportErrorCodes.ColumnDuplicate, HeaderText(header, index)));
            }
        }
        foreach (var column in Required.Where(c => !byColumn.ContainsKey(c)))
        {
            errors.Add(new ImportError(header.Number, null, ImportErrorCodes.ColumnMissing, column.ToString()));
        }
        if (errors.Count > 0)
        {
            return new ImportReadResult(null, errors);
        }

        var titleRows = rows.Take(headerIndex).Select(r => string.Join(' ', r.Cells.Select(c => TextFolding.Fold(TimeLimitParser.CellText(c))).Where(t => t.Length > 0).Distinct()))
            .Where(t => t.Length > 0).ToList();
        var sheetTitle = titleRows.FirstOrDefault();
        var inspectionTitle = TextFolding.Clean(options.InspectionTitle) is { Length: > 0 } given ? given : sheetTitle ?? fileTitle;
        var (metadata, metadataErrors) = SheetMetadata.Read(rows.Take(headerIndex));
        errors.AddRange(metadataErrors);
        var feedbackDate = options.FeedbackDate ?? metadata.FeedbackDate;
        var contextYear = TimeLimitParser.YearIn(string.Join(' ', titleRows)) ?? TimeLimitParser.YearIn(options.InspectionTitle) ?? feedbackDate?.Year ?? options.FeedbackYear;
        var inspection = new InspectionDraft(inspectionTitle, options.InspectedUnit ?? metadata.InspectedUnit, options.InspectionGroup ?? metadata.InspectionGroup,
            options.PeriodStart ?? metadata.PeriodStart, options.PeriodEnd ?? metadata.PeriodEnd, feedbackDate);

        var sheet = new SheetReading(header, byColumn, contextYear, errors);
        foreach (var row in rows.Skip(dataStart))
        {
            sheet.ReadRow(row);
        }
        var tasks = sheet.Tasks;
        if (tasks.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(header.Number, null, ImportErrorCodes.NoTasks));
        }
        if (!byColumn.ContainsKey(LedgerColumn.Code))
        {
            tasks = GenerateCodes(tasks);
        }
        foreach (var duplicate in sheet.Codes.GroupBy(c => c.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.AddRange(duplicate.Select(c => new ImportError(c.Row, HeaderText(header, byColumn[LedgerColumn.Code]), ImportErrorCodes.CodeDuplicate, c.Code)));
        }
        if (errors.Count > 0)
        {
            return new ImportReadResult(null, errors.OrderBy(e => e.Row).ToList());
        }
        return new ImportReadResult(new LedgerDraft(inspection, tasks), []);
    }

    private static ImportReadResult Failed(string code, string? value) => new(null, [new ImportError(0, null, code, value)]);

    private static Dictionary<int, LedgerColumn> HeaderColumns(SheetRow row)
    {
        var columns = new Dictionary<int, LedgerColumn>();
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i] is string text && LedgerHeaders.Match(text) is { } column)
            {
                columns[i] = column;
            }
        }
        return columns;
    }

    /// <summary>The row under the header when it is the header's second row: every text in it a header word or the merged cell above.</summary>
    private static Dictionary<int, LedgerColumn>? SubHeader(SheetRow header, SheetRow next)
    {
        var columns = HeaderColumns(next);
        if (columns.Count == 0)
        {
            return null;
        }
        for (var i = 0; i < next.Cells.Count; i++)
        {
            var text = TextFolding.Fold(TimeLimitParser.CellText(next.Cells[i]));
            var above = i < header.Cells.Count ? TextFolding.Fold(TimeLimitParser.CellText(header.Cells[i])) : "";
            if (text.Length > 0 && !columns.ContainsKey(i) && text != above)
            {
                return null;
            }
        }
        return columns;
    }

    private static bool IsHeader(Dictionary<int, LedgerColumn> columns) =>
        columns.ContainsValue(LedgerColumn.Measure) && columns.Values.Distinct().Count() >= 3;

    private static string HeaderText(SheetRow header, int index) => TextFolding.Fold(TimeLimitParser.CellText(header.Cells[index]));

    private static List<TaskDraft> GenerateCodes(List<TaskDraft> tasks)
    {
        var aspects = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new Dictionary<(string, string), int>();
        var measures = new Dictionary<(string, string), int>();
        var coded = new List<TaskDraft>(tasks.Count);
        foreach (var task in tasks)
        {
            var aspect = aspects.TryGetValue(task.Aspect, out var a) ? a : aspects[task.Aspect] = aspects.Count + 1;
            var key = (task.Aspect, task.Problem);
            var problem = problems.TryGetValue(key, out var p) ? p : problems[key] = problems.Keys.Count(k => k.Item1 == task.Aspect) + 1;
            var measure = measures[key] = measures.GetValueOrDefault(key) + 1;
            coded.Add(task with { Code = string.Create(CultureInfo.InvariantCulture, $"{aspect}-{problem}-{measure}") });
        }
        return coded;
    }

    /// <summary>The state of reading one sheet top to bottom: what the rows above say for blank cells.</summary>
    private sealed class SheetReading(SheetRow header, Dictionary<LedgerColumn, int> columns, int? contextYear, List<ImportError> errors)
    {
        private string? _aspect;
        private string? _problem;

        public List<TaskDraft> Tasks { get; } = [];

        /// <summary>The code of every row that has one, bad rows included, so a duplicate is reported on both rows.</summary>
        public List<(int Row, string Code)> Codes { get; } = [];

        public void ReadRow(SheetRow row)
        {
            var texts = row.Cells.Select(c => TextFolding.Clean(TimeLimitParser.CellText(c))).ToList();
            var nonBlank = texts.Where(t => t.Length > 0).ToList();
            if (nonBlank.Count == 0 || IsHeader(HeaderColumns(row)))
            {
                return;
            }
            var filled = Enumerable.Range(0, texts.Count).Where(i => texts[i].Length > 0).ToList();
            var spread = nonBlank.Count >= 3 && nonBlank.Distinct().Count() == 1;
            var alone = filled.Count == 1 && (filled[0] == 0 || (columns.TryGetValue(LedgerColumn.Aspect, out var aspectIndex) && filled[0] == aspectIndex));
            if ((spread || alone) && !IsCode(nonBlank[0]))
            {
                _aspect = AspectNumbering().Replace(nonBlank[0], "");
                _problem = null;
                return;
            }
            if (columns.TryGetValue(LedgerColumn.Code, out var codeIndex) && filled.All(i => i == codeIndex))
            {
                // A numbered row of the template with nothing in it yet.
                return;
            }
            var measure = Text(row, LedgerColumn.Measure);

            var rowErrors = new List<ImportError>();
            void Error(LedgerColumn column, string code, string? value = null) =>
                rowErrors.Add(new ImportError(row.Number, columns.TryGetValue(column, out var i) ? HeaderText(header, i) : null, code, value));

            var code = "";
            if (columns.ContainsKey(LedgerColumn.Code))
            {
                code = CodeTrailer().Replace(TextFolding.Key(Text(row, LedgerColumn.Code)), "");
                if (code.Length == 0)
                {
                    Error(LedgerColumn.Code, ImportErrorCodes.CodeMissing);
                }
                else
                {
                    Codes.Add((row.Number, code));
                }
            }

            var aspect = Text(row, LedgerColumn.Aspect);
            if (aspect.Length == 0)
            {
                aspect = _aspect ?? LedgerHeaders.UnclassifiedAspect;
            }
            var problem = Text(row, LedgerColumn.Problem);
            if (problem.Length == 0)
            {
                if (aspect == _aspect && _problem is not null)
                {
                    problem = _problem;
                }
                else
                {
                    Error(LedgerColumn.Problem, ImportErrorCodes.ProblemMissing);
                }
            }
            _aspect = aspect;
            _problem = problem.Length > 0 ? problem : null;

            if (measure.Length == 0)
            {
                Error(LedgerColumn.Measure, ImportErrorCodes.MeasureMissing);
            }

            var (leaders, leadersClear) = Names(Cell(row, LedgerColumn.Leader));
            if (!leadersClear || leaders.Count > 1)
            {
                Error(LedgerColumn.Leader, ImportErrorCodes.LeaderSeveral, Text(row, LedgerColumn.Leader));
            }
            var department = TextFolding.Fold(Text(row, LedgerColumn.LeadDepartment));
            var (coDepartments, _) = Names(Cell(row, LedgerColumn.CoDepartments));

            var (officers, officersClear) = Names(Cell(row, LedgerColumn.Officers));
            if (!officersClear)
            {
                Error(LedgerColumn.Officers, ImportErrorCodes.OfficersUnclear, Text(row, LedgerColumn.Officers));
            }
            else if (officers.Count == 0)
            {
                Error(LedgerColumn.Officers, ImportErrorCodes.OfficerMissing);
            }

            var timeLimit = TimeLimitParser.ParseCell(Cell(row, LedgerColumn.TimeLimit), contextYear);
            if (timeLimit.Error is { } timeLimitError)
            {
                Error(LedgerColumn.TimeLimit, timeLimitError, timeLimit.Text);
            }
            var limit = timeLimit.Value;
            if (columns.ContainsKey(LedgerColumn.DueDate))
            {
                var (due, valid) = TimeLimitParser.ParseExactDate(Cell(row, LedgerColumn.DueDate));
                if (!valid)
                {
                    Error(LedgerColumn.DueDate, ImportErrorCodes.DueDateInvalid, Text(row, LedgerColumn.DueDate));
                }
                else if (due is not null && limit is { Kind: not TimeLimitKind.Ongoing })
                {
                    limit = limit with { Date = due };
                }
            }

            var (status, statusValid) = StatusWords.Parse(Text(row, LedgerColumn.Status));
            if (!statusValid)
            {
                Error(LedgerColumn.Status, ImportErrorCodes.StatusUnknown, Text(row, LedgerColumn.Status));
            }
            var (percent, percentValid) = Percent(Cell(row, LedgerColumn.Percent));
            if (!percentValid)
            {
                Error(LedgerColumn.Percent, ImportErrorCodes.PercentInvalid, Text(row, LedgerColumn.Percent));
            }
            var progress = Text(row, LedgerColumn.Progress);
            if (!columns.ContainsKey(LedgerColumn.Status) && progress.Length > 0)
            {
                // No 状态 column: real ledgers start 完成情况 with the status. A cell we cannot read is an error unless
                // a percent or a 长期坚持 time limit tells the status anyway.
                var (read, note) = ProgressStatus.Read(progress);
                if (read is not null)
                {
                    status = read;
                    progress = note ?? "";
                }
                else if (percent is null && limit is not { Kind: TimeLimitKind.Ongoing })
                {
                    Error(LedgerColumn.Progress, ImportErrorCodes.StatusUnclear, Shorten(progress));
                }
            }
            for (var i = 0; i < row.Cells.Count; i++)
            {
                if (TimeLimitParser.CellText(row.Cells[i]).Length > CellLimits.MaxCellLength)
                {
                    rowErrors.Add(new ImportError(row.Number, i < header.Cells.Count ? HeaderText(header, i) : null, ImportErrorCodes.CellTooLong,
                        TimeLimitParser.CellText(row.Cells[i]).Length.ToString(CultureInfo.InvariantCulture)));
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                return;
            }
            Tasks.Add(new TaskDraft(row.Number, code, aspect, problem, measure, leaders.Count > 0 ? leaders[0] : null, department.Length > 0 ? department : null,
                coDepartments, officers, limit!, timeLimit.Text, status, percent, progress.Length > 0 ? progress : null));
        }

        private object? Cell(SheetRow row, LedgerColumn column) =>
            columns.TryGetValue(column, out var index) && index < row.Cells.Count ? row.Cells[index] : null;

        private string Text(SheetRow row, LedgerColumn column) => TextFolding.Clean(TimeLimitParser.CellText(Cell(row, column)));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    /// <summary>An OLE2 compound file (the old .xls format) renamed .xlsx: its first bytes say so.</summary>
    internal static bool IsLegacyWorkbook(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[8];
            return stream.Read(head) == 8 && head.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsCode(string text) => CodeLike().IsMatch(TextFolding.Key(text));

    /// <summary>Names split on clear separators only. Not clear: CJK names separated by spaces ("张三 李四").</summary>
    private static (IReadOnlyList<string> Names, bool Clear) Names(object? cell)
    {
        var names = new List<string>();
        var clear = true;
        foreach (var line in TimeLimitParser.CellText(cell).Split('\n'))
        {
            foreach (var part in NameSeparators().Split(TextFolding.Fold(line)))
            {
                var name = part.Trim();
                if (name.Length == 0)
                {
                    continue;
                }
                if (name.Contains(' ', StringComparison.Ordinal) && SpacedCjk().IsMatch(name))
                {
                    clear = false;
                }
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }
        return (names, clear);
    }

    /// <summary>
    /// "60%" and "60" are 60; a number cell of at most 1 is a fraction (Excel stores 60 % as 0.6), as is text such as "0.6".
    /// Blank is null; anything outside 0-100 is invalid.
    /// </summary>
    private static (int? Percent, bool Valid) Percent(object? cell)
    {
        double value;
        if (cell is double or int or long or decimal or float)
        {
            value = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
            if (value is >= 0 and <= 1)
            {
                value *= 100;
            }
        }
        else
        {
            var text = TextFolding.Key(TimeLimitParser.CellText(cell));
            if (text.Length == 0)
            {
                return (null, true);
            }
            var hasSign = text.EndsWith('%');
            if (!double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return (null, false);
            }
            if (!hasSign && value is > 0 and < 1)
            {
                value *= 100;
            }
        }
        var rounded = Math.Round(value);
        return rounded is >= 0 and <= 100 ? ((int)rounded, true) : (null, false);
    }

    internal static List<SheetRow> XlsxRows(string path, string sheet)
    {
        var configuration = new OpenXmlConfiguration { FillMergedCells = true };
        var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: configuration);
        // MiniExcel yields blank rows for the gaps Excel leaves, so the position is the row number Excel shows.
        return rows.Cast<IDictionary<string, object?>>().Select((row, i) => new SheetRow(i + 1, row.Values.ToList())).ToList();
    }

    /// <summary>
    /// RFC 4180 CSV (quotes, doubled quotes, newlines inside quotes), comma or tab. UTF-8 with or without BOM; a file that is
    /// not valid UTF-8 is GB18030, which is what Excel on a Chinese Windows writes for "CSV".
    /// </summary>
    internal static List<SheetRow> CsvRows(string path)
    {
        var text = DecodeCsv(File.ReadAllBytes(path));
        var firstLine = text.AsSpan(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length);
        var delimiter = firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
        var rows = new List<SheetRow>();
        var cells = new List<object?>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add(new SheetRow(rows.Count + 1, cells));
                cells = [];
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new SheetRow(rows.Count + 1, cells));
        }
        return rows;
    }

    private static string DecodeCsv(byte[] bytes)
    {
        var bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.])\s*")]
    private static partial Regex AspectNumbering();

    [GeneratedRegex(@"[.、]+$")]
    private static partial Regex CodeTrailer();

    [GeneratedRegex(@"^[0-9a-z]+(?:[-.][0-9a-z]+)*[.、]?$")]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"[、,;/]")]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}·• ]+$")]
    private static partial Regex SpacedCjk();
}
