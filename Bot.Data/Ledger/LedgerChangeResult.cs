namespace Rectification.Data.Ledger;

public enum ChangeOutcome
{
    Done,
    /// <summary>The same report arrived again (same idempotency key): nothing new was written.</summary>
    Duplicate,
    NotFound,
    /// <summary>The person may not make this change; <see cref="LedgerChangeResult.Reason"/> says why.</summary>
    Forbidden,
    /// <summary>The item is not in a state that allows it (written off, already decided, ...).</summary>
    InvalidState,
}

/// <summary>Reasons are stable codes; the bot turns them into words in the user's language.</summary>
public static partial class ChangeReasons
{
    public const string NotAnOfficer = "not_officer";
    public const string NotSupervisor = "not_supervisor";
    public const string WrittenOff = "written_off";
    public const string AlreadyDecided = "already_decided";
    public const string PendingExists = "pending_exists";
    public const string OngoingHasNoDeadline = "ongoing_no_deadline";
    public const string DateNotLater = "date_not_later";
    public const string NotDone = "not_done";
    public const string OwnRequest = "own_request";
}

public sealed record LedgerChangeResult(ChangeOutcome Outcome, string? Reason = null, long? Id = null, long? TaskId = null)
{
    public bool Succeeded => Outcome == ChangeOutcome.Done;

    public static LedgerChangeResult Ok(long id, long taskId) => new(ChangeOutcome.Done, null, id, taskId);

    public static readonly LedgerChangeResult Missing = new(ChangeOutcome.NotFound);

    public static LedgerChangeResult Refused(string reason) => new(ChangeOutcome.Forbidden, reason);

    public static LedgerChangeResult Invalid(string reason) => new(ChangeOutcome.InvalidState, reason);
}
