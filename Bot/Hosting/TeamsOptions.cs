namespace Rectification.Bot.Hosting;

/// <summary>Section <c>Teams</c> of appsettings.json.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Microsoft Entra tenant ids whose activities the bot accepts. Empty: the tenant the ledger is bound to.</summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// With authentication on and no AllowedTenants, a ledger not bound to a tenant yet refuses to start unless this
    /// is true: then it accepts the first tenant whose user is linked (by object id or roster email), and from then
    /// on that tenant only.
    /// </summary>
    public bool AllowAnyTenant { get; set; }

    /// <summary>The configured tenants, trimmed, blanks dropped.</summary>
    public IReadOnlyList<string> ConfiguredTenants => [.. AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())];
}
