namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string HistoryRange(int from, int to, int total) => F("Entries {0}–{1} of {2}", from, to, total);

    public override string ButtonEarlierHistory(int remaining) => F("Earlier entries ({0} left)", remaining);

    public override string SummaryRange(int from, int to, int total) => F("Aspects {0}–{1} of {2}", from, to, total);
}
