using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

public abstract partial class UiText
{
    /// <summary>The message for an import error code, or null when this language has none (a test keeps that from happening).</summary>
    public abstract string? ImportErrorMessage(string code, string? value);

    /// <summary>A ledger field as this language names it in messages.</summary>
    public abstract string ImportColumnName(LedgerColumn column);

    /// <summary>One error, with its row and column when it has them.</summary>
    public abstract string ImportErrorLine(int row, string? column, string message);

    public abstract string ImportFailed(int count);

    public abstract string ImportDone(ImportSummary summary, string inspection);

    public abstract string ImportUsage { get; }

    public abstract string ExportUsage { get; }

    public abstract string ExportDone(int tasks, string path);

    public abstract string ExportNothing { get; }

    public abstract string ExportChooseInspection(IReadOnlyList<string> titles);

    public abstract string ExportUnknownInspection(string title);

    /// <summary>The error as the user reads it: the sheet's own header name, or the field's name for writer errors ("officers").</summary>
    public string Describe(ImportError error)
    {
        var value = error.Code == ImportErrorCodes.ColumnMissing && Enum.TryParse<LedgerColumn>(error.Value, out var missing)
            ? ImportColumnName(missing)
            : error.Value;
        var message = ImportErrorMessage(error.Code, value) ?? error.Code;
        var column = error.Column is { } name && Enum.TryParse<LedgerColumn>(name, ignoreCase: true, out var field) && name.All(char.IsAsciiLetterLower)
            ? ImportColumnName(field)
            : error.Column;
        return ImportErrorLine(error.Row, column, message);
    }
}
