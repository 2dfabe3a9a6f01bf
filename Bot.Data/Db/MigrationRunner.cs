using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;

namespace Rectification.Data.Db;

/// <summary>
/// Applies the embedded, numbered, forward-only scripts of the configured provider that are not yet
/// recorded in <c>schema_version</c>. A shipped script is never edited: a change is a new number.
/// </summary>
public sealed class MigrationRunner(ConnectionFactory connections, TimeProvider time)
{
    // Any constant works; it only has to be the same for every instance of the bot.
    private const long PostgresLockKey = 0x5245_4354_4946;

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        )
        """;

    private const string SelectApplied = "SELECT version FROM schema_version";

    private const string InsertApplied = "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (connections.Provider == DatabaseProvider.Postgres)
        {
            // Two instances starting together must not both apply the same script.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = PostgresLockKey }, transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, transaction: transaction, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(SelectApplied, transaction: transaction, cancellationToken: cancellationToken))).ToHashSet();

        var done = new List<string>();
        foreach (var script in Scripts(connections.Provider).Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteScriptAsync(connection, transaction, script.Sql, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(InsertApplied, new { script.Version, script.Name, AppliedAt = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            done.Add(script.Name);
        }
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    internal static IReadOnlyList<MigrationScript> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    private static MigrationScript Load(Assembly assembly, string resource, string name)
    {
        var number = name.Split('_', 2)[0];
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(long.Parse(number, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }

    private static async Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // Both providers accept several statements in one command.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal sealed record MigrationScript(long Version, string Name, string Sql);
}
