namespace Rectification.Data.Export;

/// <summary>The words of the printed 台账 that are not column headers, in the reader's language (from the bot's texts).</summary>
public sealed record LedgerWorkbookTexts(
    string LedgerSheet,
    string FiguresSheet,
    Func<string?, DateOnly, string> UnitAndDateLine,
    IReadOnlyList<string> FiguresHeader,
    string Total);
