namespace Rectification.Bot.Hosting;

/// <summary>Section <c>Teams</c> of appsettings.json.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Microsoft Entra tenant ids whose activities the bot accepts; empty accepts every tenant.</summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];
}
