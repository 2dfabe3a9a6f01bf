using System.Net;
using Newtonsoft.Json.Linq;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.9: an invoke (a Teams card action) from a tenant that is not accepted gets the documented answer, a
/// plain 200 with nothing done, like a message from it, not CloudAdapter's 501 for an unanswered invoke.
/// </summary>
public sealed class DroppedTenantInvokeTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("adaptiveCard/action")]
    [InlineData("composeExtension/query")]
    public async Task An_invoke_from_a_dropped_tenant_gets_200_and_changes_nothing(string name)
    {
        await using var host = _bot.Start(new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = "tenant-1" });
        using var client = host.CreateClient();
        var invoke = Activities.Message("", "invoke-1", tenantId: "tenant-2", type: "invoke");
        invoke["name"] = name;
        invoke["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "confirm" } };

        var response = await SecureBot.PostAsync(client, Activities.Content(invoke));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }
}
