using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>reminders preview [--at &lt;instant&gt;]</c>: who would get which digest at that instant, as a table, nothing sent
/// or written; people who never opened the bot are included and marked. <c>reminders run [--at &lt;instant&gt;]</c>: plans those digests into the outbox and sends what is due
/// through the configured channel, exactly as a scheduler tick at that instant would. Without --at: now. An instant
/// without an offset is read in Reminders:TimeZone.
/// </summary>
public static class RemindersCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        var mode = args.Length > 0 ? args[0].ToLowerInvariant() : "";
        var atIndex = Array.FindIndex(args, a => a.Equals("--at", StringComparison.OrdinalIgnoreCase));
        if (mode is not ("preview" or "run") || (atIndex >= 0 && atIndex == args.Length - 1) || args.Length != (atIndex >= 0 ? 3 : 1))
        {
            await output.WriteLineAsync(text.RemindersUsage);
            return 2;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<ReminderOptions>>().Value.TimeZone);
        DateTimeOffset at;
        if (atIndex < 0)
        {
            at = TimeZoneInfo.ConvertTime(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
        }
        else if (ParseInstant(args[atIndex + 1], zone) is { } parsed)
        {
            at = parsed;
        }
        else
        {
            await output.WriteLineAsync(text.RemindersBadInstant(args[atIndex + 1]));
            return 2;
        }

        if (mode == "preview")
        {
            // Everyone as if they had opened the bot, so the table shows what is due for whom; the ones who never did
            // are marked (the real admins' digest lists them instead).
            var snapshot = await services.GetRequiredService<ReminderSnapshotSource>().ReadAsync(at, cancellationToken);
            var everyone = snapshot with { People = [.. snapshot.People.Select(p => p with { HasConversationReference = true })] };
            // Slots already in the outbox went out (or are going): a rerun would not plan them again.
            var planned = (await services.GetRequiredService<ReminderOutbox>().ListAsync(cancellationToken)).Select(r => r.SlotKey).ToHashSet(StringComparer.Ordinal);
            var plan = services.GetRequiredService<ReminderPolicy>().Plan(everyone, at).Where(r => !planned.Contains(r.SlotKey)).ToList();
            await output.WriteLineAsync(text.RemindersPreviewTitle(at));
            if (!services.GetRequiredService<WorkingDayCalendar>().Covers(at.Year))
            {
                // Without the year's holidays every weekday counts as a working day: say so before the table.
                await output.WriteLineAsync(text.CalendarYearsMissing([at.Year]));
            }
            var names = snapshot.People.ToDictionary(p => p.Id, p => p.HasConversationReference ? p.Name : p.Name + text.RemindersNeverOpened);
            if (plan.Count == 0)
            {
                await output.WriteLineAsync(text.RemindersNothingDue);
            }
            else
            {
                await output.WriteAsync(Table(text, plan, names));
            }
            // 回头看 still waiting for an answer, whether or not today is a day their leader is asked.
            var rechecks = services.GetRequiredService<FollowUpPolicy>().Due(snapshot.Rechecks, services.GetRequiredService<LedgerCalendar>().Today(at));
            if (rechecks.Count > 0)
            {
                var supervised = FollowUpPolicy.ReachablySupervised(snapshot.People);
                await output.WriteLineAsync(text.RemindersRechecksDue([.. rechecks.Select(d => (d.Item.Code, d.DueOn, (IReadOnlyList<string>)[.. snapshot.People
                    .Where(p => FollowUpPolicy.IsAskedOf(d.Item, p, d.Item.LeadDepartmentId is { } department && supervised.Contains(department)))
                    .Select(p => names[p.Id])]))]));
            }
            return 0;
        }

        var result = await services.GetRequiredService<ReminderDispatcher>().RunAsync(at, cancellationToken);
        await output.WriteLineAsync(text.RemindersRunSummary(result));
        if (result.Requeued > 0)
        {
            await output.WriteLineAsync(text.RemindersRequeuedNote(result.Requeued));
        }
        if (result.Unknown + result.Interrupted > 0)
        {
            await output.WriteLineAsync(text.RemindersUnknownWarning(result.Unknown, result.Interrupted));
        }
        if (result.Failed > 0)
        {
            await output.WriteLineAsync(text.RemindersFailedWarning(result.Failed));
        }
        return result.NeedsAttention ? 1 : 0;
    }

    internal static DateTimeOffset? ParseInstant(string value, TimeZoneInfo zone)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return null;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(parsed, zone.GetUtcOffset(parsed));
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var instant) ? instant : null;
    }

    private static string Table(UiText text, IReadOnlyList<PlannedReminder> plan, IReadOnlyDictionary<long, string> names)
    {
        var rows = new List<string[]> { new[] { text.RemindersColumnPerson, text.RemindersColumnKind, text.RemindersColumnSlot, text.RemindersColumnItems } };
        foreach (var reminder in plan.OrderBy(r => r.Kind).ThenBy(r => r.PersonId))
        {
            var items = string.Join(" ", reminder.Items.Select(i => i.Code));
            if (reminder.Unreachable.Count > 0)
            {
                items = string.Join("; ", new[] { items, text.RemindersUnreachableCell([.. reminder.Unreachable.Select(u => u.Name)]) }.Where(s => s.Length > 0));
            }
            rows.Add(
            [
                names.GetValueOrDefault(reminder.PersonId, reminder.PersonId.ToString(CultureInfo.InvariantCulture)),
                text.ReminderKindName(reminder.Kind),
                reminder.SlotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (reminder.IsCatchUp ? text.RemindersCatchUp : ""),
                items,
            ]);
        }
        var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => Width(r[c]))).ToArray();
        var table = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            for (var c = 0; c < 3; c++)
            {
                table.Append(row[c]).Append(' ', widths[c] - Width(row[c]) + 2);
            }
            table.Append(row[3]).Append('\n');
            if (i == 0)
            {
                table.Append('-', widths.Sum() + 6 + Math.Max(Width(row[3]), 8)).Append('\n');
            }
        }
        return table.ToString();
    }

    /// <summary>Columns a terminal gives the text: CJK and full-width characters take two.</summary>
    private static int Width(string value) => value.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);
}
