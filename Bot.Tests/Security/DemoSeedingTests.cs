using Rectification.Data.Ledger;

namespace Rectification.Tests.Security;

/// <summary>
/// The demo ledger loads only for local use: with authentication on (an app id) only when Ledger:SeedDemoLedger asks for
/// it, with authentication off unless it is turned off. A real deployment never starts with the demo's people and tasks.
/// </summary>
public sealed class DemoSeedingTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData(true, null, false)]
    [InlineData(true, "false", false)]
    [InlineData(true, "true", true)]
    [InlineData(false, null, true)]
    [InlineData(false, "false", false)]
    public async Task The_host_seeds_the_demo_only_when_local_or_asked(bool authenticationOn, string? seedDemoLedger, bool expectDemo)
    {
        var settings = authenticationOn ? Security.FakeBotFrameworkCloud.Settings() : new Dictionary<string, string?> { ["urls"] = "http://localhost:3978" };
        settings["Ledger:SeedDemoLedger"] = seedDemoLedger;
        await using var host = _bot.Start(settings);
        using var client = host.CreateClient();

        Assert.True((await client.GetAsync("/healthz")).IsSuccessStatusCode);
        var inspections = await new LedgerQueries(_bot.Database.Connections).InspectionsAsync();
        Assert.Equal(expectDemo, inspections.Count > 0);
        await using var connection = await _bot.Database.Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM people";
        Assert.Equal(expectDemo, (long)(await command.ExecuteScalarAsync())! > 0);
    }
}
