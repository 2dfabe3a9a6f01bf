using Microsoft.Extensions.Options;
using Rectification.Bot.Demo;
using Rectification.Data.Db;

namespace Rectification.Bot.Hosting;

/// <summary>Brings the database to the current schema and, on a first start, loads the demo ledger.</summary>
public sealed class DatabaseStartup(MigrationRunner migrations, DemoLedger demo, IOptions<LedgerOptions> options, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(bool seedDemo, CancellationToken cancellationToken)
    {
        var applied = await migrations.MigrateAsync(cancellationToken);
        foreach (var name in applied)
        {
            logger.LogInformation("Applied migration {Migration}", name);
        }
        if (seedDemo && options.Value.SeedDemoLedger && await demo.SeedIfEmptyAsync(cancellationToken))
        {
            logger.LogInformation("Loaded the demo ledger into an empty database");
        }
    }
}
