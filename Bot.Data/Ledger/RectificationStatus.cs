namespace Rectification.Data.Ledger;

public enum RectificationStatus
{
    NotStarted,
    InProgress,
    /// <summary>Reported done, waiting for the supervising leader to write it off.</summary>
    Done,
    /// <summary>销号: closed after verification.</summary>
    WrittenOff,
    /// <summary>长期坚持: no end date, consolidated and re-checked.</summary>
    Ongoing,
}

public static class RectificationStatusCodes
{
    public static string ToCode(this RectificationStatus status) => status switch
    {
        RectificationStatus.NotStarted => "not_started",
        RectificationStatus.InProgress => "in_progress",
        RectificationStatus.Done => "done",
        RectificationStatus.WrittenOff => "written_off",
        RectificationStatus.Ongoing => "ongoing",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static RectificationStatus FromCode(string code) => code switch
    {
        "not_started" => RectificationStatus.NotStarted,
        "in_progress" => RectificationStatus.InProgress,
        "done" => RectificationStatus.Done,
        "written_off" => RectificationStatus.WrittenOff,
        "ongoing" => RectificationStatus.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown status code."),
    };

    /// <summary>Statuses that can become overdue: work that still has to happen before a deadline.</summary>
    public static readonly string[] OpenCodes = ["not_started", "in_progress"];

    public static bool IsOpen(this RectificationStatus status) =>
        status is RectificationStatus.NotStarted or RectificationStatus.InProgress;
}
