using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// Plans and applies a ledger draft in one go, everything or nothing: what the CLI import, the demo and the benchmark
/// use when nobody has to look at the plan first. See <see cref="ImportPlanner"/> for how rows meet stored measures.
/// </summary>
public sealed class LedgerImportWriter(ConnectionFactory connections, LedgerCalendar calendar)
{
    /// <summary>The ledger's calendar, kept for callers that date what they import (the demo, the benchmark).</summary>
    public LedgerCalendar Calendar { get; } = calendar;

    public const string AmbiguousPerson = "ambiguous_person";

    public async Task<ImportWriteResult> WriteAsync(LedgerDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var planner = new ImportPlanner(connections);
        var plan = await planner.PlanAsync(draft, null, cancellationToken);
        return await planner.ApplyAsync(plan, actor, now, cancellationToken);
    }
}
