using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rectification.Bot.Hosting;
using Rectification.Data.People;
using Rectification.Data.Trust;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.1: with authentication on, a display name must not take over a ledger person. People are linked only
/// by Entra object id or roster email, within the tenant the ledger trusts; a link is never replaced by another
/// account; and a bot with nothing to say which tenant it serves refuses to start.
/// </summary>
public sealed class IdentityTrustTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();
    private int _ids;

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    /// <summary>Authentication on, no AllowedTenants: the first linked tenant binds the ledger.</summary>
    private static Dictionary<string, string?> Unbound(bool allowAnyTenant = true)
    {
        var settings = FakeBotFrameworkCloud.Settings();
        settings.Remove("Teams:AllowedTenants:0");
        settings["Teams:AllowAnyTenant"] = allowAnyTenant ? "true" : "false";
        return settings;
    }

    private async Task<HttpResponseMessage> SayAsync(HttpClient client, string text, string userId, string name, string aad, string tenant) =>
        await SecureBot.PostAsync(client, Activities.Content(Activities.Message(text, $"trust-{Interlocked.Increment(ref _ids)}", userId, name, aad, tenant,
            conversationId: $"a:personal-{userId}")), FakeBotFrameworkCloud.Token());

    private async Task<Person> PersonAsync(string name) =>
        (await new PeopleRepository(_bot.Database.Connections, TimeProvider.System).FindByNameAsync(name)).Single();

    [Theory]
    [InlineData("孙丽", "tenant-1")]
    [InlineData("孙丽", "tenant-attacker")]
    [InlineData("刘洋", "tenant-attacker")]
    public async Task A_display_name_alone_never_links_anyone(string name, string tenant)
    {
        await using var host = _bot.Start(Unbound());
        using var client = host.CreateClient();

        var response = await SayAsync(client, "我的任务", "29:attacker", name, "aad-attacker", tenant);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await PersonAsync(name)).TeamsUserId);
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("仅凭姓名不能自动关联", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.Connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
        Assert.Null(await host.Services.GetRequiredService<TenantBinding>().GetAsync());
    }

    [Fact]
    public async Task The_roster_email_links_the_person_with_their_tenant_and_binds_the_ledger_to_it()
    {
        await using var host = _bot.Start(Unbound());
        using var client = host.CreateClient();

        await SayAsync(client, "我的任务", "29:liu", "Liu Yang", "aad-liu", "tenant-1");

        var liu = await PersonAsync("刘洋");
        Assert.Equal(("aad-liu", "tenant-1"), (liu.TeamsUserId, liu.TeamsTenantId));
        Assert.Equal("tenant-1", await host.Services.GetRequiredService<TenantBinding>().GetAsync());
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_bound_the_ledger_drops_every_other_tenant_even_with_a_matching_roster_email()
    {
        await using var host = _bot.Start(Unbound());
        using var client = host.CreateClient();
        await SayAsync(client, "帮助", "29:liu", "Liu Yang", "aad-liu", "tenant-1");
        var sent = _bot.Connector.Sent.Count;
        _bot.Connector.Members["29:sun-elsewhere"] = ("孙丽", "sun.li@example.org", "aad-sun-elsewhere");

        var response = await SayAsync(client, "我的任务", "29:sun-elsewhere", "孙丽", "aad-sun-elsewhere", "tenant-attacker");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sent, _bot.Connector.Sent.Count);
        Assert.Null((await PersonAsync("孙丽")).TeamsUserId);
    }

    [Fact]
    public async Task A_linked_person_is_never_relinked_to_another_account()
    {
        await using var host = _bot.Start(FakeBotFrameworkCloud.Settings());
        using var client = host.CreateClient();
        await SayAsync(client, "帮助", "29:liu", "Liu Yang", "aad-liu", "tenant-1");
        // A second account whose roster entry carries the same address (an alias, a re-created account).
        _bot.Connector.Members["29:liu-2"] = ("刘洋", "liu.yang@example.org", "aad-liu-2");

        await SayAsync(client, "我的任务", "29:liu-2", "刘洋", "aad-liu-2", "tenant-1");

        Assert.Equal("aad-liu", (await PersonAsync("刘洋")).TeamsUserId);
        Assert.Contains(_bot.Connector.Texts, t => t.Contains("无法确认您的身份", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_object_id_linked_in_one_tenant_is_not_honoured_from_another()
    {
        await using (var first = _bot.Start(FakeBotFrameworkCloud.Settings()))
        {
            using var client = first.CreateClient();
            await SayAsync(client, "帮助", "29:liu", "Liu Yang", "aad-liu", "tenant-1");
        }
        var settings = FakeBotFrameworkCloud.Settings();
        settings["Teams:AllowedTenants:1"] = "tenant-2";
        await using var host = _bot.Start(settings);
        using var second = host.CreateClient();
        var sent = _bot.Connector.Sent.Count;

        await SayAsync(second, "我的任务", "29:liu-t2", "Liu Yang", "aad-liu", "tenant-2");

        Assert.DoesNotContain(_bot.Connector.Texts.Skip(sent), t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_authentication_on_and_no_tenant_trusted_the_start_is_refused_before_the_database_is_touched()
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"rectification-{Guid.NewGuid():N}", "ledger.db");
        var settings = Unbound(allowAnyTenant: false);
        settings["Database:ConnectionString"] = fresh;
        await using var host = _bot.Start(settings);

        var refused = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("Teams:AllowedTenants", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_bot.Log, e => e.Level == LogLevel.Critical && e.EventId == StartupSecurityCheck.NoTenantRefused);
        Assert.False(File.Exists(fresh));
    }

    [Fact]
    public async Task A_ledger_bound_earlier_starts_without_AllowedTenants()
    {
        await new TenantBinding(_bot.Database.Connections, TimeProvider.System).BindAsync("tenant-1");
        await using var host = _bot.Start(Unbound(allowAnyTenant: false));
        using var client = host.CreateClient();

        await SayAsync(client, "我的任务", "29:liu", "Liu Yang", "aad-liu", "tenant-1");

        Assert.Contains(_bot.Connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_tenants_racing_for_an_unbound_ledger_cannot_both_bind_it()
    {
        var binding = new TenantBinding(_bot.Database.Connections, TimeProvider.System);

        var winners = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => binding.BindAsync($"tenant-{i % 2}")));

        Assert.Single(winners.Distinct());
        await using var connection = await _bot.Database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM bound_tenant"));
    }
}
