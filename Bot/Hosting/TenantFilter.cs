using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Rectification.Bot.Teams;
using Rectification.Data.Trust;

namespace Rectification.Bot.Hosting;

/// <summary>
/// Drops every turn from a tenant not accepted (or from no tenant) before the handler runs: no reply, no
/// conversation reference, no state. Accepted: <c>Teams:AllowedTenants</c> when set; else, with authentication on,
/// the tenant the ledger is bound to (any tenant while none is, if <c>Teams:AllowAnyTenant</c> allows the first
/// link to bind it); with authentication off (local development) every tenant. It runs after CloudAdapter's token
/// check, so the tenant id it reads is the one the Bot Connector vouched for. The HTTP answer is 200 with an empty
/// body, for an invoke too: an outside tenant learns nothing, and the connector has no error to retry.
/// </summary>
public sealed class TenantFilter(IOptions<TeamsOptions> options, IConfiguration configuration, TenantBinding binding, ILogger<TenantFilter> logger)
    : Microsoft.Bot.Builder.IMiddleware
{
    private readonly HashSet<string> _allowed = new(options.Value.ConfiguredTenants, StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (await IsAcceptedAsync(turnContext.Activity, cancellationToken))
        {
            await next(cancellationToken);
            return;
        }
        logger.LogWarning("Dropped a {ActivityType} activity from tenant {TenantId}: not an accepted tenant",
            turnContext.Activity.Type, ActivityTenant.Claimed(turnContext.Activity) ?? "(none)");
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            // Without an invoke response CloudAdapter answers 501; the documented answer is a plain 200.
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = 200 } }, cancellationToken);
        }
    }

    private async Task<bool> IsAcceptedAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (_allowed.Count > 0)
        {
            return ActivityTenant.Of(activity) is { } tenant && _allowed.Contains(tenant);
        }
        if (string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
        {
            return true;
        }
        if (await binding.GetAsync(cancellationToken) is { } bound)
        {
            return string.Equals(ActivityTenant.Of(activity), bound, StringComparison.OrdinalIgnoreCase);
        }
        return options.Value.AllowAnyTenant && ActivityTenant.Of(activity) is not null;
    }
}
