using System.ComponentModel.DataAnnotations;
using Rectification.Data.FollowUp;

namespace Rectification.Bot.Reminders;

/// <summary>Section <c>FollowUp</c> of appsettings.json: when closed items come back for 回头看, and how a relapse reopens them.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    public bool Enabled { get; set; } = true;

    /// <summary>Days after the write-off (or after the last check that found it holding) before a 回头看; an inspection's recheck_days wins.</summary>
    [Range(Rechecks.MinRecheckDays, Rechecks.MaxRecheckDays)]
    public int RecheckAfterDays { get; set; } = FollowUpPolicy.DefaultRecheckAfterDays;

    /// <summary>Long-term (长期坚持) items are re-checked every this many months (a quarter by default).</summary>
    [Range(1, 12)]
    public int OngoingEveryMonths { get; set; } = 3;

    /// <summary>A leader who has not answered hears of the pending 回头看 again every this many days.</summary>
    [Range(1, 90)]
    public int RepeatEveryDays { get; set; } = 7;

    /// <summary>A reopened item's deadline when the leader gives none: this many days after the decision.</summary>
    [Range(1, 365)]
    public int ReopenDays { get; set; } = 30;
}
