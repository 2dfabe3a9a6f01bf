using Rectification.Data.Export;

namespace Rectification.Bot.Texts;

/// <summary>The words of the printed 台账 beyond its column headers.</summary>
public abstract partial class UiText
{
    public abstract string ExportLedgerSheet { get; }
    public abstract string ExportFiguresSheet { get; }
    public abstract string ExportUnitAndDate(string? unit, DateOnly asOf);
    public abstract IReadOnlyList<string> ExportFiguresHeader { get; }
    public abstract string ExportTotal { get; }

    public LedgerWorkbookTexts WorkbookTexts => new(ExportLedgerSheet, ExportFiguresSheet, ExportUnitAndDate, ExportFiguresHeader, ExportTotal);
}
