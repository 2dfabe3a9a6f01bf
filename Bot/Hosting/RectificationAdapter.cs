using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace Rectification.Bot.Hosting;

/// <summary>
/// The CloudAdapter: validates Bot Framework tokens (when an app id is set), drops turns from tenants that are not
/// allowed before the handler sees them, and recovers from errors.
/// </summary>
public sealed class RectificationAdapter : CloudAdapter
{
    public RectificationAdapter(BotFrameworkAuthentication authentication, TenantFilter tenants, TurnErrorHandler errors, ILogger<RectificationAdapter> logger)
        : base(authentication, logger)
    {
        Use(tenants);
        OnTurnError = errors.HandleAsync;
    }
}
