using System.ComponentModel.DataAnnotations;

namespace Rectification.Data.Db;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c> of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite a file path or a full connection string; for PostgreSQL a connection string.</summary>
    [Required]
    public string ConnectionString { get; set; } = "data/ledger.db";
}
