using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Rectification.Bot.Hosting;

namespace Rectification.Tests.Http;

/// <summary>Every connector client the host's authentication makes shares one set of JSON contract resolvers.</summary>
public sealed class SharedSerializationTests
{
    [Fact]
    public async Task Connector_clients_for_different_turns_share_their_contract_resolvers()
    {
        var authentication = new SharedSerializationAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));
        var identity = new ClaimsIdentity();

        using var first = (ConnectorClient)await authentication.CreateConnectorFactory(identity).CreateAsync("https://smba.example.test/", null!, CancellationToken.None);
        using var second = (ConnectorClient)await authentication.CreateConnectorFactory(identity).CreateAsync("https://smba.example.test/", null!, CancellationToken.None);

        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
        // Without the wrapper each client has its own, which is what the wrapper is for.
        using var plain = (ConnectorClient)await new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build())
            .CreateConnectorFactory(identity).CreateAsync("https://smba.example.test/", null!, CancellationToken.None);
        Assert.NotSame(first.SerializationSettings.ContractResolver, plain.SerializationSettings.ContractResolver);
    }
}
