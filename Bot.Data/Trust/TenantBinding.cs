using System.Data.Common;
using Dapper;
using Rectification.Data.Db;

namespace Rectification.Data.Trust;

/// <summary>
/// The one Microsoft Entra tenant a ledger belongs to when no tenant is configured: the first person linked binds
/// it, atomically, so two tenants racing for an unbound ledger cannot both win.
/// </summary>
public sealed class TenantBinding(ConnectionFactory connections, TimeProvider time)
{
    private const string Select = "SELECT tenant_id FROM bound_tenant WHERE id = 1";

    private const string Insert = "INSERT INTO bound_tenant (id, tenant_id, bound_at) VALUES (1, @TenantId, @Now) ON CONFLICT (id) DO NOTHING";

    private volatile string? _bound;

    /// <summary>The bound tenant, or null while none is. Once bound it never changes, so it is cached.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_bound is not null)
        {
            return _bound;
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        return _bound = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Select, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Like <see cref="GetAsync"/>, for the start-up check that runs before migrations: a database not created or
    /// not migrated yet has no bound tenant, and is not created by asking.
    /// </summary>
    public async Task<string?> TryGetBeforeMigrationAsync(CancellationToken cancellationToken = default)
    {
        if (connections.Provider == DatabaseProvider.Sqlite && !connections.SqliteFileExists)
        {
            return null;
        }
        try
        {
            return await GetAsync(cancellationToken);
        }
        catch (DbException)
        {
            return null;
        }
    }

    /// <summary>Binds the ledger to <paramref name="tenantId"/> unless it is bound already; returns the tenant that holds it.</summary>
    public async Task<string> BindAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { TenantId = tenantId, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return _bound = (await connection.ExecuteScalarAsync<string?>(new CommandDefinition(Select, cancellationToken: cancellationToken)))!;
    }
}
