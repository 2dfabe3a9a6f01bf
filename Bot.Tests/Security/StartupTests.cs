using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rectification.Bot.Hosting;

namespace Rectification.Tests.Security;

/// <summary>With no MicrosoftAppId nothing is authenticated: the bot starts on loopback only and says so.</summary>
public sealed class StartupTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://[::]:3978")]
    [InlineData("http://bot.example.org:3978")]
    [InlineData("http://localhost:3978;http://192.168.1.10:3978")]
    public async Task Without_an_app_id_the_bot_refuses_to_start_on_a_non_loopback_address(string urls)
    {
        await using var host = _bot.Start(new Dictionary<string, string?> { ["urls"] = urls });

        // Recorded rather than Assert.Throws: a start that fails for another reason says which.
        var refused = Record.Exception(() => host.CreateClient());
        Assert.True(refused is InvalidOperationException, refused?.ToString() ?? "the host started");
        Assert.Contains(_bot.Log, e => e.Level == LogLevel.Critical && e.EventId == StartupSecurityCheck.NonLoopbackRefused);
    }

    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("http://[::1]:3978")]
    public async Task Without_an_app_id_the_bot_starts_on_loopback_and_warns_that_authentication_is_off(string urls)
    {
        await using var host = _bot.Start(new Dictionary<string, string?> { ["urls"] = urls });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(_bot.Log, e => e.Level == LogLevel.Warning && e.EventId == StartupSecurityCheck.AuthenticationOff);
    }

    [Fact]
    public async Task The_loudly_named_setting_lets_an_unauthenticated_bot_listen_elsewhere_and_it_still_warns()
    {
        await using var host = _bot.Start(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:3978", ["Bot:AllowUnauthenticatedNonLoopback"] = "true" });
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(_bot.Log, e => e.Level == LogLevel.Warning && e.EventId == StartupSecurityCheck.AuthenticationOff);
    }

    [Fact]
    public async Task With_an_app_id_the_bot_may_listen_anywhere_and_says_authentication_is_on()
    {
        var settings = FakeBotFrameworkCloud.Settings();
        settings["urls"] = "http://0.0.0.0:3978";
        await using var host = _bot.Start(settings);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(_bot.Log, e => e.EventId == StartupSecurityCheck.AuthenticationOn);
        Assert.DoesNotContain(_bot.Log, e => e.EventId == StartupSecurityCheck.AuthenticationOff);
    }

    [Theory]
    [InlineData("", "8080", false)]
    [InlineData("", "", true)]
    public void Ports_settings_mean_every_interface(string urls, string httpPorts, bool loopbackOnly)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["http_ports"] = httpPorts })
            .Build();

        Assert.Equal(loopbackOnly, StartupSecurityCheck.ListenAddresses(configuration).All(StartupSecurityCheck.IsLoopback));
    }
}
