using System.Net;

namespace Rectification.Bot.Teams;

/// <summary>Which serviceUrls the bot may store and call: replies and reminders go there, with the bot's own token.</summary>
public static class ServiceUrls
{
    /// <summary>Null when acceptable: absolute https without user info, or http on loopback while authentication is off; else why not.</summary>
    public static string? Problem(string? serviceUrl, bool authenticationOn)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "the activity has no serviceUrl";
        }
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || string.IsNullOrEmpty(uri.Host))
        {
            return "the serviceUrl is not a valid absolute URL";
        }
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
        return uri.Scheme == Uri.UriSchemeHttp && loopback && !authenticationOn
            ? null
            : "the serviceUrl must be https (or http on loopback when authentication is off)";
    }
}
