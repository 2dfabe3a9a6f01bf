using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace Rectification.Bot.Teams;

/// <summary>The Microsoft Entra tenant an activity comes from, as Teams states it in the conversation and channel data.</summary>
public static class ActivityTenant
{
    /// <summary>The tenant, or null when none is stated or the two places disagree (refused rather than guessed at).</summary>
    public static string? Of(IActivity activity)
    {
        var fromChannelData = ChannelDataTenant(activity);
        var fromConversation = activity.Conversation?.TenantId;
        if (fromChannelData is not null && fromConversation is not null && !string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return (fromChannelData ?? fromConversation)?.Trim();
    }

    /// <summary>Whatever the activity claims, for logs.</summary>
    public static string? Claimed(IActivity activity) => ChannelDataTenant(activity) ?? activity.Conversation?.TenantId;

    private static string? ChannelDataTenant(IActivity activity) =>
        activity.ChannelData is not null && activity is Activity full && full.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Tenant?.Id : null;
}
