using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace Rectification.Bot.Hosting;

/// <summary>The CloudAdapter that validates Bot Framework tokens (when an app id is set) and recovers from errors.</summary>
public sealed class RectificationAdapter : CloudAdapter
{
    public RectificationAdapter(BotFrameworkAuthentication authentication, TurnErrorHandler errors, ILogger<RectificationAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = errors.HandleAsync;
    }
}
