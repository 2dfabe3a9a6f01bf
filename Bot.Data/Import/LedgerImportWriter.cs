using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// Plans and applies a ledger draft in one go, everything or nothing (a new inspection on SQLite is committed in
/// batches, yet seen only whole: <see cref="ImportTransaction"/>): what the CLI import, the demo and the benchmark
/// use when nobody has to look at the plan first. See <see cref="ImportPlanner"/> for how rows meet stored measures.
/// </summary>
public sealed class LedgerImportWriter(ConnectionFactory connections, LedgerCalendar calendar)
{
    /// <summary>The ledger's calendar, kept for callers that date what they import (the demo, the benchmark).</summary>
    public LedgerCalendar Calendar { get; } = calendar;

    public const string AmbiguousPerson = "ambiguous_person";

    /// <summary>How a new inspection's batches are sized on SQLite; the tests look between them.</summary>
    internal ImportBatching Batching { get; init; } = ImportBatching.Default;

    /// <summary>
    /// Plans once, inside the write transaction: with nobody to show the plan to, planning first and again under the
    /// lock (as <see cref="ImportPlanner.ApplyAsync"/> must for a plan a person confirmed) would read the ledger twice.
    /// </summary>
    public async Task<ImportWriteResult> WriteAsync(LedgerDraft draft, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await PendingImports.SweepAsync(connections, actor, Batching.Time.GetUtcNow(), cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await ImportTransaction.BeginAsync(connection, connections.WriteGate, Batching, cancellationToken);
        var plan = await ImportPlanner.PlanAsync(connection, transaction.Current, draft, new ImportPlanOptions(), cancellationToken);
        if (!plan.Succeeded)
        {
            return new ImportWriteResult(null, plan.Errors);
        }
        ImportSummary summary;
        await using (var writer = new ImportPlanWriter(connection, transaction, actor, now, cancellationToken))
        {
            summary = await writer.WriteAsync(plan);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImportWriteResult(summary, []);
    }
}
