using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Rectification.Bot.Conversation;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Hosting;

public static class BotServices
{
    /// <summary>The web host's own services: the Bot Framework adapter and handler, state, and the chat engine.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddProblemDetails();
        services.AddOptions<BotHostOptions>().BindConfiguration(BotHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateOnStart();
        // Hosted services start in this order: a refused start must come before migrations and seeding touch the database.
        services.AddHostedService<StartupSecurityCheck>();
        services.AddHostedService<DatabaseStartupService>();
        services.AddSingleton<OpenIdMetadataGate>();

        services.AddSingleton<TenantFilter>();
        services.AddSingleton<IStorage, LedgerStorage>();
        services.AddSingleton(sp => new PrivateConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<RectificationAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<RectificationAdapter>());
        services.AddSingleton<BotAdapter>(sp => sp.GetRequiredService<RectificationAdapter>());
        services.AddChat();
        services.AddTransient<IBot, RectificationBot>();
        return services;
    }

    /// <summary>
    /// Reads MicrosoftAppType/Id/Password/TenantId; with no app id, requests are not authenticated (loopback only, see
    /// StartupSecurityCheck). The token for our replies is fetched through IHttpClientFactory, like the replies.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient();
        services.AddSingleton<ServiceClientCredentialsFactory>(sp => new ConfigurationServiceClientCredentialFactory(
            configuration, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ServiceClientCredentialsFactory)), sp.GetRequiredService<ILogger<RectificationAdapter>>()));
        services.AddSingleton<BotFrameworkAuthentication>(sp => new SharedSerializationAuthentication(new ConfigurationBotFrameworkAuthentication(
            configuration,
            sp.GetRequiredService<ServiceClientCredentialsFactory>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<RectificationAdapter>>())));
        return services;
    }

    /// <summary>Everything a turn needs below the adapter; the tests' TestAdapter uses the same registrations.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton(new CommandParser());
        services.AddUnderstanding();
        services.TryAddSingleton<ReminderOutbox>();
        services.TryAddSingleton<DeliveryRate>();
        services.TryAddSingleton<ReminderRecipients>();
        services.TryAddSingleton<ReminderActions>();
        services.AddFollowUp();
        services.AddSingleton<ChatEngine>();
        services.AddSingleton<IdentityLinker>();
        services.AddSingleton<ReferenceCapture>();
        services.TryAddSingleton<ProactiveSender>();
        services.AddFiles();
        return services;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        // A failing request gets a plain problem response, never an exception page or a stack trace.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", (OpenIdMetadataGate metadata) => Results.Ok(new
        {
            status = metadata.State is MetadataState.Failing ? "degraded" : "ok",
            // Whether the keys that check Bot Framework tokens can be fetched: "off" without an app id.
            openIdMetadata = metadata.State.ToString().ToLowerInvariant(),
        }));
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        return app;
    }

    private sealed class DatabaseStartupService(DatabaseStartup startup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => startup.RunAsync(seedDemo: true, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
