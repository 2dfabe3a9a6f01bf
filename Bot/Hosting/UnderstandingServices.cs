using Rectification.Bot.Conversation;
using Rectification.Bot.Conversation.Understanding;

namespace Rectification.Bot.Hosting;

public static class UnderstandingServices
{
    /// <summary>The understanding stage: recognizers, the intent model (trained or loaded in the background at start) and the reader.</summary>
    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddSingleton(Recognizers.Shared);
        services.AddSingleton(IntentModel.Shared);
        services.AddSingleton<EntityExtractor>();
        services.AddSingleton(sp => new Understander(sp.GetRequiredService<CommandParser>(), sp.GetRequiredService<EntityExtractor>(), sp.GetRequiredService<IntentModel>()));
        services.AddSingleton<LedgerNamesSource>();
        services.AddHostedService<UnderstandingWarmUp>();
        return services;
    }
}

/// <summary>
/// Loads (or trains) the intent model and compiles the recognizers' expressions after start, on a pool thread, so
/// the host starts at once and the first message does not pay for it (it waits only if it comes first).
/// </summary>
public sealed class UnderstandingWarmUp(IntentModel model, Recognizers recognizers, ILogger<UnderstandingWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        model.WarmUp();
        recognizers.WarmUp();
        logger.LogInformation("Understanding ready in {Milliseconds} ms", clock.ElapsedMilliseconds);
    }, stoppingToken);
}
