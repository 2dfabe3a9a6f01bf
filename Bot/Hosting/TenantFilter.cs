using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;

namespace Rectification.Bot.Hosting;

/// <summary>
/// Drops every turn from a tenant not in <c>Teams:AllowedTenants</c> (or from no tenant) before the handler runs:
/// no reply, no conversation reference, no state. It runs after CloudAdapter's token check, so the tenant id it
/// reads is the one the Bot Connector vouched for. The HTTP answer stays 200, as for any turn the bot ignores:
/// an outside tenant learns nothing, and the connector has no error to retry.
/// </summary>
public sealed class TenantFilter(IOptions<TeamsOptions> options, ILogger<TenantFilter> logger) : Microsoft.Bot.Builder.IMiddleware
{
    private readonly HashSet<string> _allowed = new(options.Value.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()), StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (_allowed.Count == 0 || IsAllowed(turnContext.Activity))
        {
            await next(cancellationToken);
            return;
        }
        logger.LogWarning("Dropped a {ActivityType} activity from tenant {TenantId}: not in Teams:AllowedTenants",
            turnContext.Activity.Type, TenantOf(turnContext.Activity) ?? "(none)");
    }

    private bool IsAllowed(Activity activity)
    {
        var fromChannelData = ChannelDataTenant(activity);
        var fromConversation = activity.Conversation?.TenantId;
        // Both say the same tenant when both are there; a disagreement is refused rather than guessed at.
        if (fromChannelData is not null && fromConversation is not null && !string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return (fromChannelData ?? fromConversation) is { } tenant && _allowed.Contains(tenant);
    }

    private static string? TenantOf(Activity activity) => ChannelDataTenant(activity) ?? activity.Conversation?.TenantId;

    private static string? ChannelDataTenant(Activity activity) =>
        activity.ChannelData is not null && activity.TryGetChannelData<TeamsChannelData>(out var data) ? data?.Tenant?.Id : null;
}
