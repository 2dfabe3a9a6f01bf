using System.ComponentModel.DataAnnotations;

namespace Rectification.Bot.Hosting;

public enum EvidenceStoreKind
{
    /// <summary>Files under <see cref="FilesOptions.Folder"/>: one instance, beside its SQLite ledger.</summary>
    Folder,

    /// <summary>In the ledger database: for several instances sharing PostgreSQL.</summary>
    Database,
}

/// <summary>Section <c>Files</c> of appsettings.json: files in chat (evidence in, ledger, report and evidence out).</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>False where Teams does not let bots handle files (21Vianet, GCC High): the bot then gives the CLI command.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 250L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Unset: a folder for SQLite, the database for PostgreSQL.</summary>
    public EvidenceStoreKind? Store { get; set; }

    /// <summary>The evidence folder; unset: <c>evidence/</c> beside the SQLite ledger file.</summary>
    public string? Folder { get; set; }

    /// <summary>How long a file the bot offers can be accepted.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Files sent before a report or request are attached to it if they arrived within this window.</summary>
    public TimeSpan ClaimWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Hosts (and their subdomains) the bot downloads from and uploads to when authentication is on: where Teams keeps
    /// personal-chat files (OneDrive for Business / SharePoint) and Graph.
    /// </summary>
    public List<string> AllowedHosts { get; set; } =
        ["sharepoint.com", "sharepoint-df.com", "onedrive.com", "1drv.com", "microsoft.com", "office.com", "office.net", "live.com", "svc.ms", "microsoftpersonalcontent.com"];

    /// <summary>Service URLs of clouds where bots cannot handle files (GCC High and DoD on .us, 21Vianet on .cn).</summary>
    public List<string> UnsupportedServiceHosts { get; set; } = ["microsoft.us", "microsoftonline.cn", "partner.microsoftonline.cn", "teams.cn"];
}
