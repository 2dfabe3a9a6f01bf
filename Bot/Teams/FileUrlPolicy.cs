using System.Net;
using Microsoft.Extensions.Options;
using Rectification.Bot.Hosting;

namespace Rectification.Bot.Teams;

/// <summary>
/// Which URLs the bot may fetch a file from or upload one to: https on the Microsoft hosts that keep Teams files.
/// Loopback only when authentication is off (tests, the local Playground), never in production.
/// </summary>
public sealed class FileUrlPolicy(IConfiguration configuration, IOptions<FilesOptions> options)
{
    private bool AuthenticationOn => !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public bool IsAllowed(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }
        if (url.IsLoopback || IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip))
        {
            return !AuthenticationOn && url.Scheme is "http" or "https";
        }
        return url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort
            && options.Value.AllowedHosts.Any(h => IsHostOrSubdomain(url.IdnHost, h));
    }

    /// <summary>False where Teams cannot take files from bots: the configured switch, or a sovereign cloud's service URL.</summary>
    public bool FilesSupported(string? serviceUrl)
    {
        if (!options.Value.Enabled)
        {
            return false;
        }
        return !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service)
            || !options.Value.UnsupportedServiceHosts.Any(h => IsHostOrSubdomain(service.IdnHost, h));
    }

    private static bool IsHostOrSubdomain(string host, string allowed) =>
        host.Equals(allowed, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase);
}
