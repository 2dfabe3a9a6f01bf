namespace Rectification.Data.Import;

/// <summary>The stable codes of <see cref="ImportError"/>; the bot words them per language.</summary>
public static class ImportErrorCodes
{
    /// <summary>The file cannot be opened or is not a spreadsheet we read (row 0: the whole file).</summary>
    public const string FileUnreadable = "file_unreadable";

    /// <summary>No row looks like a ledger header (row 0: the whole file).</summary>
    public const string HeaderNotFound = "header_not_found";

    /// <summary>The header has no column for a field every row needs; Value names the field.</summary>
    public const string ColumnMissing = "column_missing";

    /// <summary>Two header cells mean the same field (say 责任部门 and 牵头部门).</summary>
    public const string ColumnDuplicate = "column_duplicate";

    /// <summary>A header was found but no measure rows under it.</summary>
    public const string NoTasks = "no_tasks";

    public const string CodeDuplicate = "code_duplicate";

    public const string CodeMissing = "code_missing";

    public const string ProblemMissing = "problem_missing";

    public const string MeasureMissing = "measure_missing";

    /// <summary>不留盲区: every measure needs a responsible officer.</summary>
    public const string OfficerMissing = "officer_missing";

    /// <summary>Names separated only by spaces (张三 李四): we do not guess where one name ends.</summary>
    public const string OfficersUnclear = "officers_unclear";

    /// <summary>A measure has one responsible leader; the cell names several.</summary>
    public const string LeaderSeveral = "leader_several";

    public const string TimeLimitMissing = "time_limit_missing";

    /// <summary>Words we do not read as a deadline (尽快, 12月 without a year).</summary>
    public const string TimeLimitUnrecognised = "time_limit_unrecognised";

    /// <summary>A date that does not exist (2021年13月, 2021-02-30).</summary>
    public const string TimeLimitInvalidDate = "time_limit_invalid_date";

    /// <summary>下半年 / 年底前 with no year in the cell, the sheet title or the inspection.</summary>
    public const string TimeLimitNoYear = "time_limit_no_year";

    /// <summary>The due-date column holds something that is not a full date.</summary>
    public const string DueDateInvalid = "due_date_invalid";

    public const string StatusUnknown = "status_unknown";

    public const string PercentInvalid = "percent_invalid";

    /// <summary>A 完成情况 / 整改进展 cell (no 状态 column) that does not begin with a status we know, and no percent to tell.</summary>
    public const string StatusUnclear = "status_unclear";

    /// <summary>A cell longer than Excel's 32,767 characters; Value is its length.</summary>
    public const string CellTooLong = "cell_too_long";

    /// <summary>An old binary .xls workbook: save it as .xlsx (row 0).</summary>
    public const string FileXls = "file_xls";

    /// <summary>立行立改 rows and no feedback date for the inspection (row 0); Value lists the rows.</summary>
    public const string FeedbackDateMissing = "feedback_date_missing";

    /// <summary>A line above the header names a date we cannot read (反馈日期：…); Value is the text.</summary>
    public const string MetadataInvalid = "metadata_invalid";

    /// <summary>The ledger changed between the plan shown and its confirmation (row 0): plan again.</summary>
    public const string PlanStale = "plan_stale";

    /// <summary>Another import of the same inspection is still being written (row 0): try again when it has finished.</summary>
    public const string ImportRunning = "import_running";

    /// <summary>Every code the reader can produce, and the writer's own.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        FileUnreadable, HeaderNotFound, ColumnMissing, ColumnDuplicate, NoTasks, CodeDuplicate, CodeMissing, ProblemMissing,
        MeasureMissing, OfficerMissing, OfficersUnclear, LeaderSeveral, TimeLimitMissing, TimeLimitUnrecognised,
        TimeLimitInvalidDate, TimeLimitNoYear, DueDateInvalid, StatusUnknown, PercentInvalid, StatusUnclear, CellTooLong, FileXls,
        FeedbackDateMissing, MetadataInvalid, PlanStale, ImportRunning, LedgerImportWriter.AmbiguousPerson,
    ];
}
