namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string CalendarYearsMissing(IReadOnlyList<int> years) =>
        F("⚠ 节假日文件（holidays.json）中没有{0}年的节假日安排，提醒将按周一至周五发送，法定节假日和调休上班日都会出错。请按国务院办公厅通知补充（见docs/holidays.md）。",
            string.Join("、", years));

    public override string HolidaysCovered(IReadOnlyList<int> years, string path) =>
        years.Count == 0 ? F("节假日文件 {0} 中没有任何年份。", path) : F("节假日文件 {0} 已包含：{1}年。", path, string.Join("、", years));

    public override string HolidaysAllCovered(int year) => F("今年和明年（{0}、{1}年）均已包含。", year, year + 1);

    public override string HolidaysUsage => "用法：holidays check";

    public override string HolidaysFileBroken(string path, string problem) => F("节假日文件 {0} 有误：{1}", path, problem);
}
