using System.Data.Common;
using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.People;

/// <summary>People, departments and who supervises what.</summary>
public sealed class PeopleRepository(ConnectionFactory connections, TimeProvider time)
{
    private const string SelectPeople = """
        SELECT p.id AS Id, p.name AS Name, p.department_id AS DepartmentId, d.name AS Department, p.email AS Email,
               p.teams_user_id AS TeamsUserId, p.teams_tenant_id AS TeamsTenantId, p.time_zone AS TimeZone, p.is_admin AS IsAdmin, p.language AS Language
        FROM people p LEFT JOIN departments d ON d.id = p.department_id
        """;

    // Same joins as SelectPeople so one WHERE clause selects both. (Not `IN @Ids`: Dapper sends a list to
    // Npgsql as one array parameter, which PostgreSQL only takes as `= ANY(@Ids)`, and SQLite has no arrays.)
    private const string SelectSupervisions = """
        SELECT s.leader_id AS LeaderId, s.department_id AS DepartmentId
        FROM supervisions s JOIN people p ON p.id = s.leader_id LEFT JOIN departments d ON d.id = p.department_id
        """;

    public async Task<Person?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        await SingleAsync(" WHERE p.id = @Value", id, cancellationToken);

    public async Task<Person?> FindByTeamsUserIdAsync(string teamsUserId, CancellationToken cancellationToken = default) =>
        // Ids are stored lowered (ObjectIdKey), so a plain equality finds any spelling and the UNIQUE index serves it:
        // this runs on every turn.
        await SingleAsync(" WHERE p.teams_user_id = @Value", ObjectIdKey(teamsUserId)!, cancellationToken);

    /// <summary>
    /// The stored spelling of an Entra object id: lower case, as Teams sends it. A roster may write one in capitals;
    /// stored as written, one account could be two people and the lookup could not use the column's index.
    /// </summary>
    internal static string? ObjectIdKey(string? objectId) => objectId?.ToLowerInvariant();

    private const string SelectMixedCaseObjectIds = "SELECT name AS Name, teams_user_id AS TeamsUserId FROM people WHERE teams_user_id <> lower(teams_user_id) ORDER BY id";

    /// <summary>
    /// Stored ids migration 0081 could not lower because another person holds the same id in another spelling: one
    /// account written for two people. Startup warns about each; an admin decides who it is.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, string TeamsUserId)>> ListObjectIdCaseCollisionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string Name, string TeamsUserId)>(new CommandDefinition(SelectMixedCaseObjectIds, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken = default) =>
        await SingleAsync(" WHERE lower(p.email) = lower(@Value)", email, cancellationToken);

    /// <summary>All people with exactly this name: the caller decides what more than one means.</summary>
    public async Task<IReadOnlyList<Person>> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, " WHERE p.name = @Value", new { Value = name.Trim() }, cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, "", null, cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> ListAdminsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, " WHERE p.is_admin = @Value", new { Value = true }, cancellationToken);
    }

    /// <summary>Leaders who supervise the department: who approves and who is escalated to.</summary>
    public async Task<IReadOnlyList<Person>> ListSupervisorsAsync(long departmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null,
            " WHERE p.id IN (SELECT leader_id FROM supervisions WHERE department_id = @Value)",
            new { Value = departmentId }, cancellationToken);
    }

    // Only a person not linked yet: two accounts racing for one person cannot both win, and a link is never
    // replaced here (an admin unlinks first).
    private const string LinkTeamsUser = """
        UPDATE people SET teams_user_id = @TeamsUserId, teams_tenant_id = @TenantId
        WHERE id = @Id AND (teams_user_id IS NULL OR teams_user_id = @TeamsUserId)
        """;

    /// <summary>
    /// Remembers which Teams (Entra) user, of which tenant, a ledger person is, once we have matched them. False when
    /// the person is linked to another account already: a link is never replaced without an admin.
    /// </summary>
    public Task<bool> LinkTeamsUserAsync(long personId, string teamsUserId, CancellationToken cancellationToken = default) =>
        LinkTeamsUserAsync(personId, teamsUserId, null, cancellationToken);

    public async Task<bool> LinkTeamsUserAsync(long personId, string teamsUserId, string? tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(LinkTeamsUser, new { Id = personId, TeamsUserId = ObjectIdKey(teamsUserId), TenantId = tenantId }, cancellationToken: cancellationToken)) == 1;
    }

    private const string UnlinkTeamsUser = "UPDATE people SET teams_user_id = NULL, teams_tenant_id = NULL WHERE id = @Id";

    /// <summary>An admin's action: forget a person's Teams account, so the next match links them afresh.</summary>
    public async Task UnlinkTeamsUserAsync(long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await UnlinkTeamsUserAsync(connection, null, personId, cancellationToken);
    }

    /// <summary>The same inside a caller's transaction: <c>people set --object-id none</c>, planned and audited like any edit.</summary>
    internal static Task UnlinkTeamsUserAsync(DbConnection connection, DbTransaction? transaction, long personId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UnlinkTeamsUser, new { Id = personId }, transaction, cancellationToken: cancellationToken));

    private const string SetLanguage = "UPDATE people SET language = @Language WHERE id = @Id";

    /// <summary>Remembers the language a person writes in (zh-CN or en-US).</summary>
    public async Task SetLanguageAsync(long personId, string language, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SetLanguage, new { Id = personId, Language = language }, cancellationToken: cancellationToken));
    }

    private const string InsertPerson = """
        INSERT INTO people (name, department_id, email, teams_user_id, time_zone, is_admin, created_at)
        VALUES (@Name, @DepartmentId, @Email, @TeamsUserId, @TimeZone, @IsAdmin, @CreatedAt)
        RETURNING id
        """;

    private const string InsertSupervision = """
        INSERT INTO supervisions (leader_id, department_id) VALUES (@LeaderId, @DepartmentId)
        ON CONFLICT (leader_id, department_id) DO NOTHING
        """;

    public async Task<long> AddAsync(NewPerson person, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await AddAsync(connection, transaction, person, time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    internal static async Task<long> AddAsync(DbConnection connection, DbTransaction transaction, NewPerson person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long? departmentId = person.Department is null ? null : await EnsureDepartmentAsync(connection, transaction, person.Department, cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertPerson, new
        {
            Name = person.Name.Trim(),
            DepartmentId = departmentId,
            person.Email,
            TeamsUserId = ObjectIdKey(person.TeamsUserId),
            person.TimeZone,
            person.IsAdmin,
            CreatedAt = now,
        }, transaction, cancellationToken: cancellationToken));
        foreach (var supervised in person.Supervises)
        {
            await AddSupervisionAsync(connection, transaction, id, await EnsureDepartmentAsync(connection, transaction, supervised, cancellationToken), cancellationToken);
        }
        return id;
    }

    internal static Task AddSupervisionAsync(DbConnection connection, DbTransaction transaction, long leaderId, long departmentId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSupervision, new { LeaderId = leaderId, DepartmentId = departmentId }, transaction, cancellationToken: cancellationToken));

    private const string SelectDepartment = "SELECT id FROM departments WHERE name = @Name";

    private const string InsertDepartment = "INSERT INTO departments (name) VALUES (@Name) ON CONFLICT (name) DO NOTHING";

    internal static async Task<long> EnsureDepartmentAsync(DbConnection connection, DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        var args = new { Name = name.Trim() };
        await connection.ExecuteAsync(new CommandDefinition(InsertDepartment, args, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectDepartment, args, transaction, cancellationToken: cancellationToken));
    }

    private async Task<Person?> SingleAsync(string where, object value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, null, where, new { Value = value }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>People matching a WHERE clause over <c>people p</c> and <c>departments d</c>, with what they supervise.</summary>
    internal static async Task<IReadOnlyList<Person>> ReadAsync(DbConnection connection, DbTransaction? transaction, string where, object? args, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<PersonRow>(new CommandDefinition(SelectPeople + where + " ORDER BY p.id", args, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }
        var supervisions = (await connection.QueryAsync<(long LeaderId, long DepartmentId)>(new CommandDefinition(
            SelectSupervisions + where, args, transaction, cancellationToken: cancellationToken)))
            .ToLookup(s => s.LeaderId, s => s.DepartmentId);
        return rows.Select(r => new Person(r.Id, r.Name, r.DepartmentId, r.Department, r.Email, r.TeamsUserId, r.TimeZone, r.IsAdmin,
            supervisions[r.Id].Order().ToList(), r.Language, r.TeamsTenantId)).ToList();
    }

    // A class, not a positional record: Dapper matches constructors by exact column type, and SQLite
    // returns every integer as Int64.
    private sealed class PersonRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public long? DepartmentId { get; init; }
        public string? Department { get; init; }
        public string? Email { get; init; }
        public string? TeamsUserId { get; init; }
        public string? TeamsTenantId { get; init; }
        public string? TimeZone { get; init; }
        public bool IsAdmin { get; init; }
        public string? Language { get; init; }
    }
}

public sealed record NewPerson(string Name, string? Department = null, string? Email = null, bool IsAdmin = false, string? TeamsUserId = null, string? TimeZone = null)
{
    public IReadOnlyList<string> Supervises { get; init; } = [];
}
