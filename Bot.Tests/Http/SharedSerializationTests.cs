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

    [Fact]
    public async Task A_turns_replies_use_the_shared_resolvers_too()
    {
        var authentication = new SharedSerializationAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));
        var activity = new Microsoft.Bot.Schema.Activity { Type = "message", ChannelId = "msteams", ServiceUrl = "https://smba.example.test/" };

        // With no app id configured a request needs no token: what the CloudAdapter does on every incoming message.
        var firstTurn = await authentication.AuthenticateRequestAsync(activity, null!, CancellationToken.None);
        var secondTurn = await authentication.AuthenticateRequestAsync(activity, null!, CancellationToken.None);
        using var first = (ConnectorClient)await firstTurn.ConnectorFactory.CreateAsync(activity.ServiceUrl, firstTurn.Audience, CancellationToken.None);
        using var second = (ConnectorClient)await secondTurn.ConnectorFactory.CreateAsync(activity.ServiceUrl, secondTurn.Audience, CancellationToken.None);
        using var proactive = (ConnectorClient)await authentication.CreateConnectorFactory(new ClaimsIdentity()).CreateAsync(activity.ServiceUrl, null!, CancellationToken.None);

        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.SerializationSettings.ContractResolver, proactive.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
    }
}
