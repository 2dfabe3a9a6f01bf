namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string ExportLedgerSheet => "整改台账";
    public override string ExportFiguresSheet => "分方面统计";
    public override string ExportUnitAndDate(string? unit, DateOnly asOf) => F("填报单位：{0}        截至日期：{1}", unit ?? "【待填写】", Date(asOf));
    public override IReadOnlyList<string> ExportFiguresHeader => ["方面", "整改措施", "已销号", "完成待销号", "正在整改", "尚未启动", "长期坚持", "逾期", "完成率"];
    public override string ExportTotal => "合计";
}
