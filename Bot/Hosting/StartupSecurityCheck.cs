using System.Net;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Rectification.Data.Trust;

namespace Rectification.Bot.Hosting;

/// <summary>
/// Runs before the bot takes requests. With a MicrosoftAppId, builds the Bot Framework authentication once so a
/// broken registration fails the start, not the first message. Without one, nothing checks who is calling, so the
/// bot may listen on loopback only unless <c>Bot:AllowUnauthenticatedNonLoopback</c> says otherwise, and it says
/// loudly that authentication is off. With authentication on, some tenant must be trusted: Teams:AllowedTenants, a
/// tenant the ledger is bound to already, or Teams:AllowAnyTenant=true to let the first linked user bind it (how a
/// fresh deployment without AllowedTenants gets its tenant). It runs before migrations and seeding, so a refused
/// start leaves the database as it was.
/// </summary>
public sealed class StartupSecurityCheck(
    IConfiguration configuration,
    IOptions<BotHostOptions> options,
    IOptions<TeamsOptions> teams,
    IServiceProvider services,
    TenantBinding binding,
    ILogger<StartupSecurityCheck> logger) : IHostedService
{
    public static readonly EventId AuthenticationOn = new(1001, nameof(AuthenticationOn));
    public static readonly EventId AuthenticationOff = new(1002, nameof(AuthenticationOff));
    public static readonly EventId NonLoopbackRefused = new(1003, nameof(NonLoopbackRefused));
    public static readonly EventId AnyTenant = new(1004, nameof(AnyTenant));
    public static readonly EventId NoTenantRefused = new(1005, nameof(NoTenantRefused));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var appId = configuration["MicrosoftAppId"];
        if (!string.IsNullOrWhiteSpace(appId))
        {
            services.GetRequiredService<BotFrameworkAuthentication>();
            logger.LogInformation(AuthenticationOn, "Bot Framework authentication is on for app {MicrosoftAppId}: every request to /api/messages needs a valid token", appId);
            if (teams.Value.ConfiguredTenants.Count > 0)
            {
                return;
            }
            if (await binding.TryGetBeforeMigrationAsync(cancellationToken) is { } bound)
            {
                logger.LogInformation("Teams:AllowedTenants is empty: accepting tenant {TenantId}, the one the ledger is bound to", bound);
                return;
            }
            if (!teams.Value.AllowAnyTenant)
            {
                logger.LogCritical(NoTenantRefused, "Refusing to start: authentication is on but no tenant is trusted. Set Teams:AllowedTenants to your Microsoft Entra tenant id, or Teams:AllowAnyTenant=true to let the first linked user bind the ledger to their tenant");
                throw new InvalidOperationException(
                    "Authentication is on but no Microsoft Entra tenant is trusted: Teams:AllowedTenants is empty and the ledger is not bound to a tenant. " +
                    "Set Teams__AllowedTenants__0=<your tenant id> (recommended), or Teams__AllowAnyTenant=true for a first start: the first user linked by object id or roster email then binds the ledger to their tenant.");
            }
            logger.LogWarning(AnyTenant, "Teams:AllowAnyTenant is true and the ledger is bound to no tenant yet: the first user linked by object id or roster email binds it to their tenant. Set Teams:AllowedTenants instead");
            return;
        }

        var exposed = ListenAddresses(configuration).Where(address => !IsLoopback(address)).ToList();
        if (exposed.Count > 0 && !options.Value.AllowUnauthenticatedNonLoopback)
        {
            logger.LogCritical(NonLoopbackRefused, "Refusing to start: no MicrosoftAppId, so requests are not authenticated, and the bot would listen on {Addresses}. Set MicrosoftAppId (see README, Deploy to Teams), listen on localhost only, or set Bot:AllowUnauthenticatedNonLoopback=true", exposed);
            throw new InvalidOperationException(
                $"No MicrosoftAppId is set, so requests are not authenticated; refusing to listen on {string.Join(", ", exposed)}. " +
                "Set MicrosoftAppId, use a loopback address (http://localhost:3978), or set Bot:AllowUnauthenticatedNonLoopback=true.");
        }
        logger.LogWarning(AuthenticationOff, "AUTHENTICATION IS OFF: no MicrosoftAppId is set, so anyone who can reach {Addresses} can talk to the bot as anyone. For local development only",
            ListenAddresses(configuration));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Where Kestrel will listen, as configured: <c>Urls</c> (also --urls, ASPNETCORE_URLS), else the *_PORTS settings (which mean every interface), plus Kestrel endpoints.</summary>
    public static IReadOnlyList<string> ListenAddresses(IConfiguration configuration)
    {
        var addresses = new List<string>();
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            addresses.AddRange(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else
        {
            foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
            {
                addresses.AddRange((configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{scheme}://*:{port}"));
            }
        }
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).OfType<string>());
        return addresses.Count > 0 ? addresses : ["http://localhost:5000"];
    }

    public static bool IsLoopback(string address)
    {
        string host;
        try
        {
            host = BindingAddress.Parse(address).Host;
        }
        catch (FormatException)
        {
            return false;
        }
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
