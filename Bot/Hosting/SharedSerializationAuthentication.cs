using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Serialization;

namespace Rectification.Bot.Hosting;

/// <summary>
/// The configured Bot Framework authentication, with one change: every ConnectorClient it makes, for a turn's replies
/// or a proactive send, shares the JSON contract resolvers of the first. Bot Framework builds a client, and with it new serializer settings and a new
/// contract resolver, for every turn and every proactive send; each one reflected over Activity and its types again
/// and emitted new dynamic methods, whose finalizers then ran too (in a trace of 50 conversations at once, a tenth of
/// the process's samples). Newtonsoft's resolvers are thread-safe and cache what they build, so one serves them all.
/// </summary>
public sealed class SharedSerializationAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    // A turn's replies go through the connector factory that comes with the authenticated request, not through
    // CreateConnectorFactory (which only proactive sends use): it is wrapped too. Missing this cost a third of the
    // process's CPU with 50 conversations at once, every reply building its contracts again.
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    private static AuthenticateRequestResult Shared(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not SharedFactory)
        {
            result.ConnectorFactory = new SharedFactory(factory);
        }
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => new SharedFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static IContractResolver? _serialization;
    private static IContractResolver? _deserialization;

    private sealed class SharedFactory(ConnectorFactory factory) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var client = await factory.CreateAsync(serviceUrl, audience, cancellationToken);
            if (client is ConnectorClient connector)
            {
                // The first client's resolvers become everyone's (same types, same settings: only the caches differ).
                connector.SerializationSettings.ContractResolver =
                    Interlocked.CompareExchange(ref _serialization, connector.SerializationSettings.ContractResolver, null) ?? connector.SerializationSettings.ContractResolver;
                connector.DeserializationSettings.ContractResolver =
                    Interlocked.CompareExchange(ref _deserialization, connector.DeserializationSettings.ContractResolver, null) ?? connector.DeserializationSettings.ContractResolver;
            }
            return client;
        }
    }
}
