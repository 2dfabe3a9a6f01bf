using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string? ImportErrorMessage(string code, string? value) => code switch
    {
        ImportErrorCodes.FileUnreadable => "Cannot read this file: it may be damaged or encrypted, or not an Excel (.xlsx) or CSV file. Open it in Excel and save it as .xlsx, then import again.",
        ImportErrorCodes.HeaderNotFound => "No header row found: it should name columns such as Measure, Problem, Responsible officer(s) and Time limit.",
        ImportErrorCodes.ColumnMissing => F("The column '{0}' is missing.", value),
        ImportErrorCodes.ColumnDuplicate => F("'{0}' means the same as another column; keep only one.", value),
        ImportErrorCodes.NoTasks => "There are no measures under the header.",
        ImportErrorCodes.CodeDuplicate => F("The number '{0}' is used more than once.", value),
        ImportErrorCodes.CodeMissing => "The number is missing.",
        ImportErrorCodes.ProblemMissing => "The problem is missing.",
        ImportErrorCodes.MeasureMissing => "The measure is missing.",
        ImportErrorCodes.OfficerMissing => "The responsible officer is missing: every measure needs one.",
        ImportErrorCodes.OfficersUnclear => F("The names in '{0}' are separated only by spaces; separate them with 、 or commas.", value),
        ImportErrorCodes.LeaderSeveral => F("'{0}': a measure has one responsible leader.", value),
        ImportErrorCodes.TimeLimitMissing => "The time limit is missing.",
        ImportErrorCodes.TimeLimitUnrecognised => F("Cannot read the time limit '{0}': write a date (2021-12-31, 2021年12月底前), 立行立改 or 长期坚持.", value),
        ImportErrorCodes.TimeLimitInvalidDate => F("The time limit '{0}' is not a valid date.", value),
        ImportErrorCodes.TimeLimitNoYear => F("The time limit '{0}' has no year, and neither the sheet title nor the inspection gives one.", value),
        ImportErrorCodes.DueDateInvalid => F("The due date '{0}' is not a full date.", value),
        ImportErrorCodes.StatusUnknown => F("Unknown status '{0}'; use done, written off, in progress, not started or ongoing.", value),
        ImportErrorCodes.StatusUnclear => F("Cannot tell the status from '{0}'. Begin the cell with a status such as 已完成 / done, 正在整改 / in progress or 未开始 / not started (\"已完成，制度已印发\"), or add a Status column.", value),
        ImportErrorCodes.CellTooLong => F("The cell holds {0} characters, more than Excel's limit of 32,767; shorten it.", value),
        ImportErrorCodes.FileXls => "This is an old Excel (.xls) workbook, which is not read. Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then import again.",
        ImportErrorCodes.FeedbackDateMissing => F("Row(s) {0} are 立行立改 (immediate), due from the inspection's feedback date, which is not known. Give it with --feedback-date 2022-01-20, or write \"反馈日期：2022年1月20日\" above the header, or set it first with inspection set.", value),
        ImportErrorCodes.MetadataInvalid => F("Cannot read the date in '{0}' above the header.", value),
        ImportErrorCodes.PlanStale => "The ledger changed after the import preview was made; preview again, then confirm.",
        ImportErrorCodes.ImportRunning => "Another import of this inspection is still being written; nothing was changed. Try again in a minute.",
        ImportErrorCodes.PercentInvalid => F("The percent '{0}' should be between 0 and 100.", value),
        LedgerImportWriter.AmbiguousPerson => F("Several people are named '{0}'; cannot tell which one is meant.", value),
        _ => null,
    };

    public override string ImportColumnName(LedgerColumn column) => LedgerHeaders.Name(column, LedgerLanguage.English);

    public override string ImportErrorLine(int row, string? column, string message) => (row, column) switch
    {
        (0, _) => message,
        (_, null) => F("Row {0}: {1}", row, message),
        _ => F("Row {0}, column '{1}': {2}", row, column, message),
    };

    public override string ImportFailed(int count) => F("Import failed with {0} error(s); nothing was written.", count);

    public override string ImportDone(ImportSummary summary, string inspection) =>
        F("Imported '{0}': {1} created, {2} updated, {3} unchanged, {4} new people.", inspection, summary.Created, summary.Updated, summary.Unchanged, summary.PeopleCreated);

    public override string ImportUsage => "Usage: import <ledger.xlsx|ledger.csv> [--inspection \"<title>\"] [--feedback-date 2022-01-20] [--period 2021-03-16~2021-05-15] [--group \"<inspection group>\"] [--unit \"<inspected unit>\"] [--dry-run]";

    public override string ExportUsage => "Usage: export <ledger.xlsx> [--inspection \"<title>\"]";

    public override string ExportDone(int tasks, string path) => F("Exported {0} measure(s) to {1}.", tasks, path);

    public override string ExportNothing => "The ledger is empty; nothing to export.";

    public override string ExportChooseInspection(IReadOnlyList<string> titles) =>
        F("The ledger holds several inspections; choose one with --inspection: {0}", string.Join(", ", titles));

    public override string ExportUnknownInspection(string title) => F("No inspection named '{0}'.", title);
}
