using System.Globalization;
using MiniExcelLibs;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Data.Export;

/// <summary>One measure as the export writes it.</summary>
public sealed record LedgerExportRow(TaskDetail Detail, int DaysOverdue, DateTimeOffset? LastUpdateLocal);

/// <summary>
/// Writes one inspection's ledger as a sheet the importer reads back: a title row (the inspection's title, which names the
/// inspection on import), the header row in the chosen language, one row per measure in plan order. 整改时限 is the plan's
/// wording, 截止日期 the deadline in force (after extensions, and the date 立行立改 items got), so that importing the file
/// into an empty database gives the same ledger. 最后更新 and 逾期天数 are for readers; import ignores them.
/// </summary>
public sealed class LedgerExporter(LedgerQueries queries, LedgerCalendar calendar)
{
    public static readonly IReadOnlyList<LedgerColumn> Columns =
    [
        LedgerColumn.Code, LedgerColumn.Aspect, LedgerColumn.Problem, LedgerColumn.Measure, LedgerColumn.Leader, LedgerColumn.LeadDepartment,
        LedgerColumn.CoDepartments, LedgerColumn.Officers, LedgerColumn.TimeLimit, LedgerColumn.DueDate, LedgerColumn.Status,
        LedgerColumn.Percent, LedgerColumn.Progress, LedgerColumn.LastUpdate, LedgerColumn.DaysOverdue,
    ];

    /// <summary>The inspection's measures in plan order, with what the export derives for "today".</summary>
    public Task<IReadOnlyList<LedgerExportRow>> RowsAsync(long inspectionId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RowsAsync(inspectionId, now, TaskScope.Everything, cancellationToken);

    /// <summary>The same, narrowed to a scope (a leader's departments).</summary>
    public async Task<IReadOnlyList<LedgerExportRow>> RowsAsync(long inspectionId, DateTimeOffset now, TaskScope scope, CancellationToken cancellationToken = default)
    {
        var today = calendar.Today(now);
        var page = await queries.ListAsync(scope, TaskFilter.All, today, 0, int.MaxValue, cancellationToken: cancellationToken);
        var rows = new List<LedgerExportRow>(page.Items.Count);
        foreach (var summary in page.Items)
        {
            if (await queries.GetAsync(summary.Id, cancellationToken) is { } detail && detail.InspectionId == inspectionId)
            {
                var lastUpdate = summary.LastProgressAt is { } at ? TimeZoneInfo.ConvertTime(at, calendar.TimeZone) : (DateTimeOffset?)null;
                rows.Add(new LedgerExportRow(detail, summary.DaysOverdue(today), lastUpdate));
            }
        }
        return rows;
    }

    /// <summary>Writes the .xlsx file (replacing it) and returns how many measures it holds.</summary>
    public Task<int> ExportAsync(string path, Inspection inspection, LedgerLanguage language, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ExportAsync(path, inspection, language, now, TaskScope.Everything, cancellationToken);

    /// <summary>The same, narrowed to a scope (a leader's departments).</summary>
    public async Task<int> ExportAsync(string path, Inspection inspection, LedgerLanguage language, DateTimeOffset now, TaskScope scope,
        CancellationToken cancellationToken = default)
    {
        var rows = await RowsAsync(inspection.Id, now, scope, cancellationToken);
        var sheet = new List<Dictionary<string, object?>>(rows.Count + 2)
        {
            Line(i => i == 0 ? inspection.Title : null),
            Line(i => LedgerHeaders.Name(Columns[i], language)),
        };
        sheet.AddRange(rows.Select(row => Line(i => Value(row, Columns[i], language))));
        await MiniExcel.SaveAsAsync(path, sheet, printHeader: false, excelType: ExcelType.XLSX, overwriteFile: true, cancellationToken: cancellationToken);
        return rows.Count;
    }

    private static Dictionary<string, object?> Line(Func<int, object?> value)
    {
        var line = new Dictionary<string, object?>(Columns.Count);
        for (var i = 0; i < Columns.Count; i++)
        {
            line[ColumnLetter(i)] = value(i);
        }
        return line;
    }

    private static string ColumnLetter(int index) => ((char)('A' + index)).ToString();

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
            LedgerColumn.CoDepartments => string.Join('、', row.Detail.CoDepartments),
            LedgerColumn.Officers => string.Join('、', row.Detail.OfficerList.Select(o => o.Name)),
            LedgerColumn.TimeLimit => task.TimeLimitText.Length > 0 ? task.TimeLimitText : TimeLimitWords(task.TimeLimit),
            LedgerColumn.DueDate => task.TimeLimit.Date is { } due ? Iso(due) : null,
            LedgerColumn.Status => StatusWords.Word(task.Status, language),
            LedgerColumn.Percent => string.Create(CultureInfo.InvariantCulture, $"{task.Percent}%"),
            LedgerColumn.Progress => row.Detail.ProgressNote,
            LedgerColumn.LastUpdate => row.LastUpdateLocal?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            _ => row.DaysOverdue,
        };
    }

    /// <summary>For tasks created without the plan's wording: words the time-limit parser reads back as the same kind.</summary>
    private static string TimeLimitWords(TimeLimit limit) => limit.Kind switch
    {
        TimeLimitKind.Ongoing => "长期坚持",
        TimeLimitKind.Immediate => "立行立改",
        _ => limit.Date is { } date ? Iso(date) : "",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
