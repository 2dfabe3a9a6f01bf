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

    /// <summary>Under the first names of the people the bot cannot reach: how many more, of how many.</summary>
    public abstract string ReminderMoreUnreachable(int more, int total);

    public abstract string ReminderMoreFailed(int more, int total);
}
