using System.Data.Common;
using System.Text.Json;
using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Data.People;

/// <summary>The stable names of the person fields a roster plan reports as changed; the bot words them per language.</summary>
public static class RosterFields
{
    public const string Department = "department";
    public const string Email = "email";
    public const string ObjectId = "object_id";
    public const string Admin = "admin";
    public const string Supervises = "supervises";
}

/// <summary>One roster entry and what applying the plan does with it; <see cref="PersonId"/> is null for a new person.</summary>
public sealed record RosterPlanEntry(RosterEntry Entry, long? PersonId, IReadOnlyList<FieldChange> Changes)
{
    public bool IsNew => PersonId is null;
}

/// <summary>Everything a roster import would write, computed without writing. A plan with errors cannot be applied.</summary>
public sealed record RosterPlan(IReadOnlyList<RosterPlanEntry> Entries, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public IReadOnlyList<RosterPlanEntry> New => Entries.Where(e => e.IsNew).ToList();

    public IReadOnlyList<RosterPlanEntry> Updated => Entries.Where(e => !e.IsNew && e.Changes.Count > 0).ToList();

    public int Unchanged => Entries.Count(e => !e.IsNew && e.Changes.Count == 0);
}

public sealed record RosterWriteResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Plans and writes a roster against the stored people, all or nothing, like the ledger import. A roster row is matched
/// to the stored person of the same name (two stored people of one name is an error, never a guess). People the roster
/// does not list are left as they are: a roster adds and corrects, it never deletes anyone with a history.
/// Conflicts that only the stored ledger shows are row errors too: an email or object id that belongs to a person of
/// another name, a supervised department nobody knows. Every written person gets an audit entry.
/// </summary>
public sealed class RosterImport(ConnectionFactory connections)
{
    public async Task<RosterPlan> PlanAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await PlanAsync(connection, null, entries, cancellationToken);
    }

    /// <summary>Writes <paramref name="plan"/> in one transaction, or refuses with <see cref="RosterErrorCodes.PlanStale"/> when the people changed since.</summary>
    public async Task<RosterWriteResult> ApplyAsync(RosterPlan plan, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!plan.Succeeded)
        {
            return new(0, 0, 0, plan.Errors);
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Roster writes one at a time: the admin check reads rows another import may be demoting, and PostgreSQL's
        // read committed would let two imports each demote a different last-but-one admin. SQLite's transaction is
        // already the single writer (BEGIN IMMEDIATE), so the plan below reads what the previous import committed.
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = WriteLockKey }, transaction, cancellationToken: cancellationToken));
        }
        var adminsBefore = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAdmins, new { Admin = true }, transaction, cancellationToken: cancellationToken));
        var current = await PlanAsync(connection, transaction, plan.Entries.Select(e => e.Entry).ToList(), cancellationToken);
        // Stale first: what the person confirmed is not what would be written, whatever the new plan's own errors (a
        // new plan that fails has no entries, so it always differs); a fresh preview shows them.
        if (Signature(current) != Signature(plan))
        {
            return new(0, 0, 0, [new ImportError(0, null, RosterErrorCodes.PlanStale)]);
        }
        try
        {
            foreach (var planned in current.Entries)
            {
                await WriteAsync(connection, transaction, planned, actor, now, cancellationToken);
            }
        }
        catch (DbException exception) when (IsUniqueViolation(exception))
        {
            // Someone outside the roster lock (the bot linking an account on a first message, say) took an email or id
            // the plan saw free: the people changed since the plan, and a fresh preview shows the conflict as a row error.
            await transaction.RollbackAsync(cancellationToken);
            return new(0, 0, 0, [new ImportError(0, null, RosterErrorCodes.PlanStale)]);
        }
        // Checked again on what is about to be committed, whoever else changed admins meanwhile (not only through a roster).
        if (adminsBefore > 0 && await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAdmins, new { Admin = true }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new(0, 0, 0, [new ImportError(0, null, RosterErrorCodes.NoAdminLeft)]);
        }
        await transaction.CommitAsync(cancellationToken);
        return new(current.New.Count, current.Updated.Count, current.Unchanged, []);
    }

    /// <summary>The plan of <c>people set</c>: the one stored person of that name, edited, planned like a one-row roster.</summary>
    public async Task<RosterPlan> PlanEditAsync(string name, PersonEdit edit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stored = await PeopleRepository.ReadAsync(connection, null, " WHERE p.name = @Value", new { Value = name.Trim() }, cancellationToken);
        if (stored is not [var person])
        {
            return new([], [new ImportError(0, null, stored.Count == 0 ? RosterErrorCodes.UnknownPerson : RosterErrorCodes.AmbiguousPerson, name.Trim())]);
        }
        var departments = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(SelectDepartmentIds, cancellationToken: cancellationToken)))
            .ToDictionary(d => d.Id, d => d.Name);
        var read = PersonEdit.AsRoster(person, person.SupervisedDepartmentIds.Select(id => departments[id]).ToList(), edit);
        if (!read.Succeeded)
        {
            return new([], read.Errors);
        }
        var plan = await PlanAsync(connection, null, read.Entries, cancellationToken);
        return plan with { Errors = plan.Errors.Select(e => e with { Row = 0 }).ToList() };
    }

    /// <summary>Everyone, in the roster's own shape: what <c>people export</c> writes and <c>people import</c> reads back.</summary>
    public async Task<IReadOnlyList<RosterEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var departments = (await connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(SelectDepartmentIds, cancellationToken: cancellationToken)))
            .ToDictionary(d => d.Id, d => d.Name);
        var people = await PeopleRepository.ReadAsync(connection, null, "", null, cancellationToken);
        return people.Select((p, i) => new RosterEntry(i + 2, p.Name, p.Department, p.Email, p.TeamsUserId, p.IsAdmin,
            p.SupervisedDepartmentIds.Select(id => departments[id]).Order(StringComparer.Ordinal).ToList())).ToList();
    }

    private const string SelectDepartmentIds = "SELECT id AS Id, name AS Name FROM departments";

    /// <summary>PostgreSQL advisory lock taken by every roster write ("ROSTER" in ASCII), so no two interleave.</summary>
    internal const long WriteLockKey = 0x524F_5354_4552;

    private const string CountAdmins = "SELECT count(*) FROM people WHERE is_admin = @Admin";

    private static string Signature(RosterPlan plan) => JsonSerializer.Serialize(plan.Entries.Select(e => new { e.Entry, e.PersonId, e.Changes }));

    private const string SelectDepartments = "SELECT name FROM departments";

    private const string SelectByEmail = "SELECT name FROM people WHERE lower(email) = lower(@Value)";

    private const string SelectByObjectId = "SELECT name FROM people WHERE lower(teams_user_id) = lower(@Value)";

    internal static async Task<RosterPlan> PlanAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken)
    {
        CommandDefinition Command(string sql, object? args = null) => new(sql, args, transaction, cancellationToken: cancellationToken);

        var departments = (await connection.QueryAsync<string>(Command(SelectDepartments))).ToHashSet(StringComparer.Ordinal);
        departments.UnionWith(entries.Select(e => e.Department).OfType<string>());
        var departmentNames = await connection.QueryAsync<(long Id, string Name)>(Command(SelectDepartmentIds));
        var departmentById = departmentNames.ToDictionary(d => d.Id, d => d.Name);

        var errors = new List<ImportError>();
        var planned = new List<RosterPlanEntry>();
        foreach (var entry in entries)
        {
            var stored = await PeopleRepository.ReadAsync(connection, transaction, " WHERE p.name = @Value", new { Value = entry.Name }, cancellationToken);
            if (stored.Count > 1)
            {
                errors.Add(new ImportError(entry.Row, null, RosterErrorCodes.AmbiguousPerson, entry.Name));
                continue;
            }
            if (entry.Email is { } email && (await connection.QueryAsync<string>(Command(SelectByEmail, new { Value = email }))).FirstOrDefault(n => n != entry.Name) is { } emailOwner)
            {
                errors.Add(new ImportError(entry.Row, null, RosterErrorCodes.EmailConflict, $"{email} ({emailOwner})"));
            }
            if (entry.ObjectId is { } objectId && (await connection.QueryAsync<string>(Command(SelectByObjectId, new { Value = objectId }))).FirstOrDefault(n => n != entry.Name) is { } idOwner)
            {
                errors.Add(new ImportError(entry.Row, null, RosterErrorCodes.ObjectIdConflict, $"{objectId} ({idOwner})"));
            }
            foreach (var unknown in (entry.Supervises ?? []).Where(d => !departments.Contains(d)))
            {
                errors.Add(new ImportError(entry.Row, null, RosterErrorCodes.UnknownDepartment, unknown));
            }
            if (entry.ObjectId is { } id && !Guid.TryParse(id, out _) && (stored is not [var linked] || !string.Equals(linked.TeamsUserId, id, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ImportError(entry.Row, null, RosterErrorCodes.BadObjectId, id));
            }
            if (stored is not [var person])
            {
                planned.Add(new RosterPlanEntry(entry, null, []));
                continue;
            }
            var changes = new List<FieldChange>();
            void Compare(string field, string? before, string? after)
            {
                if (after is not null && !string.Equals(before, after, StringComparison.Ordinal))
                {
                    changes.Add(new FieldChange(field, before, after));
                }
            }
            Compare(RosterFields.Department, person.Department, entry.Department);
            if (!string.Equals(person.Email, entry.Email, StringComparison.OrdinalIgnoreCase))
            {
                Compare(RosterFields.Email, person.Email, entry.Email);
            }
            // Compared with the spelling it would be stored in: an id given for a person whose stored spelling migration
            // 0081 could not lower is a change (to the lowered one Teams finds), once the other holder is unlinked.
            Compare(RosterFields.ObjectId, person.TeamsUserId, PeopleRepository.ObjectIdKey(entry.ObjectId));
            if (entry.UnlinkObjectId && person.TeamsUserId is not null)
            {
                changes.Add(new FieldChange(RosterFields.ObjectId, person.TeamsUserId, null));
            }
            Compare(RosterFields.Admin, Flag(person.IsAdmin), entry.IsAdmin is { } admin ? Flag(admin) : null);
            var supervisedBefore = string.Join("、", person.SupervisedDepartmentIds.Select(id => departmentById.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal));
            var supervisedAfter = entry.Supervises is { } supervises ? string.Join("、", supervises.Order(StringComparer.Ordinal)) : null;
            Compare(RosterFields.Supervises, supervisedBefore, supervisedAfter);
            planned.Add(new RosterPlanEntry(entry, person.Id, changes));
        }
        if (errors.Count == 0 && await LeavesNoAdminAsync(connection, transaction, planned, cancellationToken))
        {
            errors.Add(new ImportError(0, null, RosterErrorCodes.NoAdminLeft));
        }
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new RosterPlan(errors.Count > 0 ? [] : planned, errors);
    }

    private static bool IsUniqueViolation(DbException exception) => exception switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    private static string Flag(bool value) => value ? "true" : "false";

    private const string SelectAdminIds = "SELECT id FROM people WHERE is_admin = @Admin";

    /// <summary>
    /// True when the ledger has admins and the plan takes away the last of them: only an admin imports, exports and sets
    /// people in chat, so such a plan would lock the office out of its own ledger (a roster whose role cells were left blank, say).
    /// </summary>
    private static async Task<bool> LeavesNoAdminAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<RosterPlanEntry> planned, CancellationToken cancellationToken)
    {
        var admins = (await connection.QueryAsync<long>(new CommandDefinition(SelectAdminIds, new { Admin = true }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        if (admins.Count == 0)
        {
            return false;
        }
        if (planned.Any(p => p.Entry.IsAdmin == true))
        {
            return false;
        }
        admins.ExceptWith(planned.Where(p => p.Entry.IsAdmin == false && p.PersonId is not null).Select(p => p.PersonId!.Value));
        return admins.Count == 0;
    }

    private const string UpdatePerson = """
        UPDATE people SET department_id = @DepartmentId, email = @Email, is_admin = @IsAdmin,
            teams_user_id = @TeamsUserId, teams_tenant_id = CASE WHEN @IdChanged THEN NULL ELSE teams_tenant_id END
        WHERE id = @Id
        """;

    private const string DeleteSupervisions = "DELETE FROM supervisions WHERE leader_id = @Id";

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, RosterPlanEntry planned, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = planned.Entry;
        var after = new { entry.Name, entry.Department, entry.Email, ObjectId = entry.ObjectId, entry.IsAdmin, entry.Supervises };
        if (planned.PersonId is not { } id)
        {
            var newId = await PeopleRepository.AddAsync(connection, transaction,
                new NewPerson(entry.Name, entry.Department, entry.Email, entry.IsAdmin ?? false, entry.ObjectId) { Supervises = entry.Supervises ?? [] }, now, cancellationToken);
            await AuditLog.WriteAsync(connection, transaction, actor, now, "person", newId, "roster_created", null, after, cancellationToken);
            return;
        }
        if (planned.Changes.Count == 0)
        {
            return;
        }
        var person = (await PeopleRepository.ReadAsync(connection, transaction, " WHERE p.id = @Value", new { Value = id }, cancellationToken)).Single();
        long? departmentId = entry.Department is { } department
            ? await PeopleRepository.EnsureDepartmentAsync(connection, transaction, department, cancellationToken)
            : person.DepartmentId;
        // A row without an object id leaves the stored one exactly as it is: lowering a spelling migration 0081 left
        // (two people of one id, see ListObjectIdCaseCollisionsAsync) would collide with the other holder's. A given id
        // is lowered; the plan has already refused it if anyone else holds it in any spelling.
        await connection.ExecuteAsync(new CommandDefinition(UpdatePerson, new
        {
            Id = id,
            DepartmentId = departmentId,
            Email = entry.Email ?? person.Email,
            IsAdmin = entry.IsAdmin ?? person.IsAdmin,
            TeamsUserId = entry.ObjectId is { } given ? PeopleRepository.ObjectIdKey(given) : person.TeamsUserId,
            IdChanged = entry.ObjectId is { } changed && !string.Equals(changed, person.TeamsUserId, StringComparison.OrdinalIgnoreCase),
        }, transaction, cancellationToken: cancellationToken));
        if (entry.UnlinkObjectId)
        {
            await PeopleRepository.UnlinkTeamsUserAsync(connection, transaction, id, cancellationToken);
        }
        if (entry.Supervises is { } supervises)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSupervisions, new { Id = id }, transaction, cancellationToken: cancellationToken));
            foreach (var supervised in supervises)
            {
                await PeopleRepository.AddSupervisionAsync(connection, transaction, id,
                    await PeopleRepository.EnsureDepartmentAsync(connection, transaction, supervised, cancellationToken), cancellationToken);
            }
        }
        await AuditLog.WriteAsync(connection, transaction, actor, now, "person", id, "roster_updated",
            planned.Changes.ToDictionary(c => c.Field, c => c.Before), planned.Changes.ToDictionary(c => c.Field, c => c.After), cancellationToken);
    }
}
