using System.ComponentModel.DataAnnotations;

namespace Rectification.Bot.Hosting;

/// <summary>Section <c>Bot</c> of appsettings.json: how the web host protects itself.</summary>
public sealed class BotHostOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// Without a MicrosoftAppId nobody's token is checked, so the bot listens on loopback only. Setting this lets it
    /// listen elsewhere anyway (a throw-away container behind a private network); never in production.
    /// </summary>
    public bool AllowUnauthenticatedNonLoopback { get; set; }

    /// <summary>Larger bodies on /api/messages get 413 and never reach the adapter. Teams activities are a few KB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long one fetch of the Bot Framework's OpenID metadata (token signing keys) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan OpenIdMetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
