namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string RemindersRequeuedNote(int count) =>
        F("{0} reminders had been claimed by a sender that stopped before sending them; this run sent them, once.", count);

    public override string RemindersUnknownWarning(int unanswered, int interrupted) => (unanswered, interrupted) switch
    {
        (> 0, > 0) => F("Warning: {0} reminders left but Teams never answered, and the sender stopped while sending {1} more. They may have arrived, so they are not sent again; please check.",
            unanswered, interrupted),
        (> 0, _) => F("Warning: {0} reminders left but Teams never answered. They may have arrived, so they are not sent again; please check.", unanswered),
        _ => F("Warning: the sender stopped while sending {0} reminders. They may have arrived, so they are not sent again; please check.", interrupted),
    };

    public override string RemindersFailedWarning(int count) =>
        F("Warning: {0} reminders could not be delivered; they are listed in the admins' red digest.", count);

    public override string ReminderMoreUnreachable(int more, int total) =>
        F("{1:N0} people never opened the bot; {0:N0} more are not listed. The \"reminders preview\" command lists them all (marked \"never opened the bot\").", more, total);

    public override string ReminderMoreFailed(int more, int total) =>
        F("{1:N0} reminders failed; {0:N0} more are not listed.", more, total);
}
