using Microsoft.Extensions.Options;
using Rectification.Bot.Demo;
using Rectification.Data.Db;
using Rectification.Data.People;

namespace Rectification.Bot.Hosting;

/// <summary>
/// Brings the database to the current schema and, on a first start, loads the demo ledger when
/// <see cref="LedgerOptions.ShouldSeedDemo"/> says so (local use, or asked for).
/// </summary>
public sealed class DatabaseStartup(MigrationRunner migrations, PeopleRepository people, DemoLedger demo, IOptions<LedgerOptions> options, IConfiguration configuration, ILogger<DatabaseStartup> logger)
{
    public async Task RunAsync(bool seedDemo, CancellationToken cancellationToken)
    {
        var applied = await migrations.MigrateAsync(cancellationToken);
        foreach (var name in applied)
        {
            logger.LogInformation("Applied migration {Migration}", name);
        }
        foreach (var (name, objectId) in await people.ListObjectIdCaseCollisionsAsync(cancellationToken))
        {
            logger.LogWarning("Ledger person {Name} has Entra object id {ObjectId}, which another person holds in another spelling: "
                + "Teams finds only the lower-case one. An admin should unlink the wrong person with `people set <name> --object-id none` "
                + "(then `people set <name> --object-id <id>` for the right one, if needed)", name, objectId);
        }
        if (seedDemo && options.Value.ShouldSeedDemo(configuration["MicrosoftAppId"]) && await demo.SeedIfEmptyAsync(cancellationToken))
        {
            logger.LogInformation("Loaded the demo ledger into an empty database");
        }
    }
}
