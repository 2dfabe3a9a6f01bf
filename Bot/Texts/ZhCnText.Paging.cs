namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string HistoryRange(int from, int to, int total) => F("显示第{0}–{1}条，共{2}条", from, to, total);

    public override string ButtonEarlierHistory(int remaining) => F("更早记录（还有{0}条）", remaining);

    public override string SummaryRange(int from, int to, int total) => F("第{0}–{1}个方面，共{2}个", from, to, total);
}
