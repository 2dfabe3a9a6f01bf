using Microsoft.Extensions.Options;

namespace Rectification.Bot.Reminders;

/// <summary>
/// Runs the reminder pipeline on every tick of <see cref="ReminderOptions.TickInterval"/>, on the injected clock.
/// A failing tick is logged and the next one comes as usual: nothing stops the loop but the host.
/// </summary>
public sealed class ReminderScheduler(ReminderDispatcher dispatcher, TimeProvider time, IOptions<ReminderOptions> options, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Reminders are disabled (Reminders:Enabled)");
            return;
        }
        // Let the host finish starting (migrations run in an earlier hosted service) before the first tick.
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        try
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task<ReminderRunResult?> TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await dispatcher.RunAsync(time.GetUtcNow(), cancellationToken);
            if (result.NewlyPlanned > 0 || result.Sent + result.Failed + result.Unknown + result.Cancelled > 0)
            {
                logger.LogInformation("Reminders: {Planned} new, {Sent} sent, {Failed} failed, {Unknown} unknown, {Cancelled} cancelled",
                    result.NewlyPlanned, result.Sent, result.Failed, result.Unknown, result.Cancelled);
            }
            return result;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Reminder tick failed; trying again next tick");
            return null;
        }
    }
}
