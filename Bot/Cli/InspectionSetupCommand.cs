using System.Globalization;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.FollowUp;
using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Cli;

/// <summary>
/// What the 通报's 一、组织开展情况 is written from, and the inspection's own 回头看 period:
/// <c>inspection group list|add|remove</c> (the 整改领导小组: --role leader|deputy|member or 组长|副组长|成员, --name, --title),
/// <c>inspection meeting list|add|remove</c> (--date, --kind, --topic; remove by --id) and
/// <c>inspection recheck [--days N|default]</c>. Every input is checked before anything is written; each change is audited.
/// Exit 0, 1 when the inspection or the member/meeting does not exist, 2 for a usage error.
/// </summary>
public static class InspectionSetupCommand
{
    public static bool Handles(string mode) => mode is "group" or "meeting" or "recheck";

    public static async Task<int> RunAsync(IServiceProvider services, Inspection inspection, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        var setup = services.GetRequiredService<ReportSetup>();
        var actor = Actor.System("inspection " + args[0]);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var action = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1].ToLowerInvariant() : "list";
        switch (args[0].ToLowerInvariant(), action)
        {
            case ("group", "list"):
                var group = await setup.LeadingGroupAsync(inspection.Id, cancellationToken);
                await WriteLinesAsync(output, group.Count == 0 ? [text.InspectionGroupEmpty] : group.Select(text.InspectionGroupLine));
                return 0;
            case ("group", "add"):
            {
                var role = ParseRole(CliOptions.Value(args, "--role"));
                var name = CliOptions.Value(args, "--name")?.Trim();
                if (role is null || string.IsNullOrEmpty(name))
                {
                    return await UsageAsync(output, text, role is null ? text.InspectionBadRole(CliOptions.Value(args, "--role")) : text.InspectionMissing("--name"));
                }
                var members = (await setup.LeadingGroupAsync(inspection.Id, cancellationToken)).ToList();
                var title = CliOptions.Value(args, "--title")?.Trim();
                // In the order the 通知 names them: the new member after the last of the same role.
                var at = members.FindLastIndex(m => m.Role <= role) + 1;
                members.Insert(at, new LeadingGroupMember(role.Value, name, string.IsNullOrEmpty(title) ? null : title));
                await setup.SetLeadingGroupAsync(inspection.Id, members, actor, now, cancellationToken);
                await output.WriteLineAsync(text.InspectionGroupAdded(members[at]));
                return 0;
            }
            case ("group", "remove"):
            {
                var name = CliOptions.Value(args, "--name")?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    return await UsageAsync(output, text, text.InspectionMissing("--name"));
                }
                var members = (await setup.LeadingGroupAsync(inspection.Id, cancellationToken)).ToList();
                var role = CliOptions.Value(args, "--role") is { } given ? ParseRole(given) : null;
                var matching = members.Where(m => m.Name == name && (role is null || m.Role == role)).ToList();
                if (matching.Count != 1)
                {
                    await output.WriteLineAsync(matching.Count == 0 ? text.InspectionNoSuchMember(name) : text.InspectionMemberAmbiguous(name));
                    return 1;
                }
                members.Remove(matching[0]);
                await setup.SetLeadingGroupAsync(inspection.Id, members, actor, now, cancellationToken);
                await output.WriteLineAsync(text.InspectionGroupRemoved(matching[0]));
                return 0;
            }
            case ("meeting", "list"):
                var meetings = await setup.MeetingsAsync(inspection.Id, cancellationToken);
                await WriteLinesAsync(output, meetings.Count == 0 ? [text.InspectionMeetingsEmpty] : meetings.Select(text.InspectionMeetingLine));
                return 0;
            case ("meeting", "add"):
            {
                var date = CliOptions.Value(args, "--date");
                var kind = CliOptions.Value(args, "--kind")?.Trim();
                var topic = CliOptions.Value(args, "--topic")?.Trim();
                if (date is null || !DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var heldOn))
                {
                    return await UsageAsync(output, text, text.InspectionBadDate(date));
                }
                if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(topic))
                {
                    return await UsageAsync(output, text, text.InspectionMissing(string.IsNullOrEmpty(kind) ? "--kind" : "--topic"));
                }
                var id = await setup.AddMeetingAsync(inspection.Id, heldOn, kind, topic, actor, now, cancellationToken);
                await output.WriteLineAsync(text.InspectionMeetingAdded(new InspectionMeeting(id, heldOn, kind, topic)));
                return 0;
            }
            case ("meeting", "remove"):
            {
                if (!long.TryParse(CliOptions.Value(args, "--id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    return await UsageAsync(output, text, text.InspectionMissing("--id"));
                }
                if (!await setup.RemoveMeetingAsync(inspection.Id, id, actor, now, cancellationToken))
                {
                    await output.WriteLineAsync(text.InspectionNoSuchMeeting(id));
                    return 1;
                }
                await output.WriteLineAsync(text.InspectionMeetingRemoved(id));
                return 0;
            }
            case ("recheck", _):
            {
                var defaultDays = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FollowUpOptions>>().Value.RecheckAfterDays;
                var value = CliOptions.Value(args, "--days")?.Trim();
                if (value is null)
                {
                    await output.WriteLineAsync(text.InspectionRecheckDays(await services.GetRequiredService<Rechecks>().RecheckDaysAsync(inspection.Id, cancellationToken), defaultDays));
                    return 0;
                }
                int? days = null;
                if (!value.Equals("default", StringComparison.OrdinalIgnoreCase))
                {
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < Rechecks.MinRecheckDays or > Rechecks.MaxRecheckDays)
                    {
                        return await UsageAsync(output, text, text.InspectionBadRecheckDays(value));
                    }
                    days = parsed;
                }
                // The data layer checks the range and the actor again; a refusal there is said, never passed over.
                var result = await services.GetRequiredService<Rechecks>().SetRecheckDaysAsync(inspection.Id, days, actor, now, cancellationToken);
                if (!result.Succeeded)
                {
                    return await UsageAsync(output, text, text.InspectionBadRecheckDays(value));
                }
                await output.WriteLineAsync(text.InspectionRecheckDays(days, defaultDays));
                return 0;
            }
            default:
                return await UsageAsync(output, text, null);
        }
    }

    private static LeadingRole? ParseRole(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "leader" or "组长" => LeadingRole.Leader,
        "deputy" or "副组长" => LeadingRole.Deputy,
        "member" or "成员" => LeadingRole.Member,
        _ => null,
    };

    private static async Task<int> UsageAsync(TextWriter output, UiText text, string? problem)
    {
        if (problem is not null)
        {
            await output.WriteLineAsync(problem);
        }
        await output.WriteLineAsync(text.InspectionSetupUsage);
        return 2;
    }

    private static async Task WriteLinesAsync(TextWriter output, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
    }
}
