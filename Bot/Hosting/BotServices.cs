namespace Rectification.Bot.Hosting;

public static class BotServices
{
    /// <summary>The web host's own services: database start-up now; the Bot Framework adapter comes with the conversation layer.</summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHostedService<DatabaseStartupService>();
        return services;
    }

    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapPost("/api/messages", () => Results.StatusCode(StatusCodes.Status501NotImplemented));
        return app;
    }

    private sealed class DatabaseStartupService(DatabaseStartup startup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => startup.RunAsync(seedDemo: true, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
