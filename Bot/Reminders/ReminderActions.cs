using System.Globalization;
using Microsoft.Extensions.Options;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.People;
using Rectification.Data.Reminders;
using Rectification.Data.Trust;

namespace Rectification.Bot.Reminders;

/// <summary>The digest card's own buttons: snooze N days (<c>reminder_snooze</c>) and acknowledge (<c>reminder_ack</c>).</summary>
public sealed class ReminderActions(ReminderRecipients recipients, ReminderOutbox outbox, DeliveredReminders delivered, IOptions<ReminderOptions> options)
{
    public const string SnoozeAction = "reminder_snooze";
    public const string AcknowledgeAction = "reminder_ack";

    public const int MaxSnoozeDays = 30;

    public static bool Handles(string action) => action is SnoozeAction or AcknowledgeAction;

    public async Task<IReadOnlyList<Reply>> HandleAsync(Person person, CardSubmit submit, DateTimeOffset now, UiText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(text);
        // A digest forwarded or pressed by someone else must not silence its owner.
        if (SlotKeyParts.TryParse(submit["slot"]) is not { } slot || slot.PersonId != person.Id)
        {
            return [new Reply.Text(text.ReminderNotYours)];
        }
        // Only a digest that reached this person: never a future slot, however its key was come by.
        if (!await delivered.WasDeliveredAsync(person.Id, submit["slot"]!, cancellationToken))
        {
            return [new Reply.Text(text.ReminderNotSentToYou)];
        }
        return submit.Action switch
        {
            SnoozeAction => await SnoozeAsync(person, submit, now, text, cancellationToken),
            AcknowledgeAction => await AcknowledgeAsync(person, submit["slot"]!, slot, now, text, cancellationToken),
            _ => [new Reply.Text(text.DidNotUnderstand)],
        };
    }

    /// <summary>N days: no digest on the next N days in the person's zone; they resume on the day after.</summary>
    private async Task<IReadOnlyList<Reply>> SnoozeAsync(Person person, CardSubmit submit, DateTimeOffset now, UiText text, CancellationToken cancellationToken)
    {
        if (!int.TryParse(submit["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxSnoozeDays)
        {
            return [new Reply.Text(text.ReminderSnoozeInvalid(MaxSnoozeDays))];
        }
        var zone = ZoneOf(person);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var resume = today.AddDays(days + 1);
        var midnight = resume.ToDateTime(TimeOnly.MinValue);
        var until = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        await recipients.SnoozeAsync(person.Id, until, now, cancellationToken);
        return [new Reply.Text(text.ReminderSnoozed(days, resume))];
    }

    private async Task<IReadOnlyList<Reply>> AcknowledgeAsync(Person person, string key, SlotKeyParts slot, DateTimeOffset now, UiText text, CancellationToken cancellationToken)
    {
        var added = await recipients.AcknowledgeAsync(person.Id, key, slot.Date, now, cancellationToken);
        await outbox.CancelPendingAsync(key, "acknowledged", now, cancellationToken);
        return [new Reply.Text(added ? text.ReminderAcknowledged : text.ReminderAlreadyAcknowledged)];
    }

    private TimeZoneInfo ZoneOf(Person person) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone ?? "", out var own) ? own : TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
}
