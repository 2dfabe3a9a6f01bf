namespace Rectification.Bot.Texts;

/// <summary>Long content cut to a card's size: a task's history and the summary, a page at a time.</summary>
public abstract partial class UiText
{
    public abstract string HistoryRange(int from, int to, int total);
    public abstract string ButtonEarlierHistory(int remaining);
    public abstract string SummaryRange(int from, int to, int total);
}
