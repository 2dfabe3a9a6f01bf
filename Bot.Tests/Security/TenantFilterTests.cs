using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Rectification.Tests.Security;

/// <summary>
/// Teams:AllowedTenants drops every turn from another tenant, or from none, before the handler: HTTP 200 and
/// silence (nothing sent, nothing stored), so an outside tenant learns nothing and the connector retries nothing.
/// </summary>
public sealed class TenantFilterTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> OnlyTenantOne = new() { ["Teams:AllowedTenants:0"] = "tenant-1" };

    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("tenant-2", null)]
    [InlineData(null, null)]
    [InlineData(null, "tenant-2")]
    [InlineData("tenant-1", "tenant-2")]
    public async Task A_turn_from_a_tenant_that_is_not_allowed_is_dropped_before_the_handler(string? conversationTenant, string? channelDataTenant)
    {
        await using var host = _bot.Start(OnlyTenantOne);
        using var client = host.CreateClient();

        var channelData = channelDataTenant is null ? null : new JObject { ["tenant"] = new JObject { ["id"] = channelDataTenant } };
        var response = await SecureBot.PostAsync(client, _bot.Message("我的任务", conversationTenant, channelData));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Connector.Sent);
        Assert.Equal((0, 0, 0), await _bot.CountWritesAsync());
    }

    [Theory]
    [InlineData("tenant-1", null)]
    [InlineData(null, "tenant-1")]
    [InlineData("TENANT-1", "tenant-1")]
    public async Task A_turn_from_an_allowed_tenant_is_answered(string? conversationTenant, string? channelDataTenant)
    {
        await using var host = _bot.Start(OnlyTenantOne);
        using var client = host.CreateClient();

        var channelData = channelDataTenant is null ? null : new JObject { ["tenant"] = new JObject { ["id"] = channelDataTenant } };
        var response = await SecureBot.PostAsync(client, _bot.Message("我的任务", conversationTenant, channelData));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proactive_message_to_a_tenant_no_longer_allowed_is_reported_as_failed_not_sent()
    {
        await using (var open = _bot.Start())
        {
            using var client = open.CreateClient();
            await SecureBot.PostAsync(client, _bot.Message("帮助", "tenant-2"));
        }
        await using var host = _bot.Start(OnlyTenantOne);
        using var started = host.CreateClient();
        var sent = _bot.Connector.Sent.Count;
        var liu = (await host.Services.GetRequiredService<Rectification.Data.People.PeopleRepository>().FindByNameAsync("刘洋")).Single();

        var outcome = await host.Services.GetRequiredService<Rectification.Bot.Teams.ProactiveSender>()
            .SendAsync(liu.Id, [new Rectification.Bot.Conversation.Reply.Text("提醒")], CancellationToken.None);

        Assert.Equal(Rectification.Bot.Teams.DeliveryOutcome.Failed, outcome);
        Assert.Equal(sent, _bot.Connector.Sent.Count);
    }

    [Fact]
    public async Task With_no_allowed_tenants_configured_every_tenant_is_answered()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        await SecureBot.PostAsync(client, _bot.Message("我的任务", "any-tenant"));

        Assert.Contains(_bot.Connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }
}
