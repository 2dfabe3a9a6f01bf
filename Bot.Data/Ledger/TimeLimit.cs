namespace Rectification.Data.Ledger;

public enum TimeLimitKind
{
    /// <summary>A calendar date: the deadline ends at the end of that day in the ledger's time zone.</summary>
    Date,
    /// <summary>立行立改: fix at once. Stored with the date it became due.</summary>
    Immediate,
    /// <summary>长期坚持: ongoing, no end date, never overdue.</summary>
    Ongoing,
}

/// <summary>整改时限 as the plan states it.</summary>
public sealed record TimeLimit(TimeLimitKind Kind, DateOnly? Date)
{
    public static TimeLimit On(DateOnly date) => new(TimeLimitKind.Date, date);

    public static TimeLimit Immediate(DateOnly dueFrom) => new(TimeLimitKind.Immediate, dueFrom);

    public static readonly TimeLimit Ongoing = new(TimeLimitKind.Ongoing, null);

    public string KindCode => Kind switch
    {
        TimeLimitKind.Date => "date",
        TimeLimitKind.Immediate => "immediate",
        _ => "ongoing",
    };

    public static TimeLimitKind KindFromCode(string code) => code switch
    {
        "date" => TimeLimitKind.Date,
        "immediate" => TimeLimitKind.Immediate,
        "ongoing" => TimeLimitKind.Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown time limit kind."),
    };
}
