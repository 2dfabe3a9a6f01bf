namespace Rectification.Bot.Texts;

public abstract partial class UiText
{
    /// <summary>Rows a stopped dispatcher had claimed but never started: sent again in this run.</summary>
    public abstract string RemindersRequeuedNote(int count);

    /// <summary>
    /// <paramref name="unanswered"/>: sends of this run that got no answer; <paramref name="interrupted"/>: sends a
    /// stopped dispatcher had started. Either may have arrived, and neither is sent again.
    /// </summary>
    public abstract string RemindersUnknownWarning(int unanswered, int interrupted);

    public abstract string RemindersFailedWarning(int count);
}
