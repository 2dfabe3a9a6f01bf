using System.ComponentModel.DataAnnotations;

namespace Rectification.Bot.Hosting;

/// <summary>Section <c>Ledger</c> of appsettings.json.</summary>
public sealed class LedgerOptions : IValidatableObject
{
    public const string Section = "Ledger";

    /// <summary>Deadlines end at the end of their day in this IANA zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// Load the demo ledger into an empty database: true always, false never, unset (the default) only when authentication
    /// is off (no MicrosoftAppId), which is local use. A production bot never meets the demo people unless asked.
    /// </summary>
    public bool? SeedDemoLedger { get; set; }

    public bool ShouldSeedDemo(string? microsoftAppId) => SeedDemoLedger ?? string.IsNullOrWhiteSpace(microsoftAppId);

    /// <summary>"Due soon" means due within this many days (the yellow mark).</summary>
    [Range(1, 60)]
    public int DueSoonDays { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Ledger:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}
