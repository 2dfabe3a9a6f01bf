namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string ExportLedgerSheet => "Ledger";
    public override string ExportFiguresSheet => "Figures by aspect";
    public override string ExportUnitAndDate(string? unit, DateOnly asOf) => F("Reporting unit: {0}        As of: {1}", unit ?? "[to be filled in]", Date(asOf));
    public override IReadOnlyList<string> ExportFiguresHeader => ["Aspect", "Measures", "Written off", "Done, awaiting write-off", "In progress", "Not started", "Ongoing", "Overdue", "Completion rate"];
    public override string ExportTotal => "Total";
}
