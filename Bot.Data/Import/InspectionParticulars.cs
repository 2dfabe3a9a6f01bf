using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>What <see cref="InspectionParticulars.SetAsync"/> changed: the fields, and the 立行立改 tasks moved to the new feedback date.</summary>
public sealed record InspectionUpdate(IReadOnlyList<FieldChange> Changes, int ImmediateTasksRedated);

/// <summary>
/// An inspection's particulars (被巡察单位, 巡察组, period, 反馈日期) set by an admin. A new feedback date moves the
/// 立行立改 tasks that were due from the old one (never one that was extended since): they are due from the feedback.
/// </summary>
public sealed class InspectionParticulars(ConnectionFactory connections)
{
    private const string Select = """
        SELECT id AS Id, title AS Title, inspected_unit AS InspectedUnit, inspection_group AS InspectionGroup,
               period_start AS PeriodStart, period_end AS PeriodEnd, feedback_date AS FeedbackDate
        FROM inspections WHERE id = @Id
        """;

    private const string Update = """
        UPDATE inspections SET inspected_unit = @InspectedUnit, inspection_group = @InspectionGroup, period_start = @PeriodStart,
               period_end = @PeriodEnd, feedback_date = @FeedbackDate
        WHERE id = @Id
        """;

    private const string SelectImmediate = """
        SELECT id AS Id, due_date AS DueDate FROM tasks
        WHERE inspection_id = @Id AND time_limit_kind = 'immediate' AND extension_count = 0
        """;

    private const string Redate = "UPDATE tasks SET due_date = @DueDate, updated_at = @Now, version = version + 1 WHERE id = @Id";

    /// <summary>Sets the non-null values of <paramref name="values"/>; null leaves a field as it is. False when there is no such inspection.</summary>
    public async Task<InspectionUpdate?> SetAsync(long inspectionId, InspectionDraft values, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql, object args) => new(sql, args, transaction, cancellationToken: cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<Row>(Command(Select, new { Id = inspectionId }));
        if (stored is null)
        {
            return null;
        }
        var after = new Row
        {
            Id = stored.Id,
            Title = stored.Title,
            InspectedUnit = values.InspectedUnit ?? stored.InspectedUnit,
            InspectionGroup = values.InspectionGroup ?? stored.InspectionGroup,
            PeriodStart = values.PeriodStart ?? stored.PeriodStart,
            PeriodEnd = values.PeriodEnd ?? stored.PeriodEnd,
            FeedbackDate = values.FeedbackDate ?? stored.FeedbackDate,
        };
        var changes = new List<FieldChange>();
        void Compare(string field, object? before, object? now)
        {
            if (!Equals(before, now))
            {
                changes.Add(new FieldChange(field, Text(before), Text(now)));
            }
        }
        Compare(ImportFields.InspectedUnit, stored.InspectedUnit, after.InspectedUnit);
        Compare(ImportFields.InspectionGroup, stored.InspectionGroup, after.InspectionGroup);
        Compare(ImportFields.PeriodStart, stored.PeriodStart, after.PeriodStart);
        Compare(ImportFields.PeriodEnd, stored.PeriodEnd, after.PeriodEnd);
        Compare(ImportFields.FeedbackDate, stored.FeedbackDate, after.FeedbackDate);
        if (changes.Count == 0)
        {
            return new InspectionUpdate([], 0);
        }
        await connection.ExecuteAsync(Command(Update, after));
        await AuditLog.WriteAsync(connection, transaction, actor, now, "inspection", inspectionId, "set",
            changes.ToDictionary(c => c.Field, c => c.Before), changes.ToDictionary(c => c.Field, c => c.After), cancellationToken);

        var redated = 0;
        if (after.FeedbackDate is { } feedback && feedback != stored.FeedbackDate)
        {
            foreach (var (id, due) in await connection.QueryAsync<(long Id, DateOnly? DueDate)>(Command(SelectImmediate, new { Id = inspectionId })))
            {
                // Only what was due from the old feedback date (or, before there was one, from the day of import).
                if (due == feedback || (stored.FeedbackDate is { } old && due != old))
                {
                    continue;
                }
                await connection.ExecuteAsync(Command(Redate, new { Id = id, DueDate = feedback, Now = now }));
                await AuditLog.WriteAsync(connection, transaction, actor, now, "task", id, "feedback_date", new { due }, new { due = feedback }, cancellationToken);
                redated++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return new InspectionUpdate(changes, redated);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => DapperSetup.ToDb(date),
        _ => value.ToString(),
    };

    private sealed class Row
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string? InspectedUnit { get; init; }
        public string? InspectionGroup { get; init; }
        public DateOnly? PeriodStart { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public DateOnly? FeedbackDate { get; init; }
    }
}
