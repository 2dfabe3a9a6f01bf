using Microsoft.Extensions.Options;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Reminders;

/// <summary>
/// Runs the reminder pipeline on every tick of <see cref="ReminderOptions.TickInterval"/>, on the injected clock.
/// A failing tick is logged and the next one comes as usual: nothing stops the loop but the host. Hosts sharing one
/// PostgreSQL all send, but only the holder of the <see cref="PlanningLease"/> reads the ledger and plans.
/// </summary>
public sealed class ReminderScheduler(ReminderDispatcher dispatcher, PlanningLease lease, TimeProvider time, IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger)
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

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (options.Value.Enabled)
        {
            await HandOnAsync(cancellationToken);
        }
    }

    /// <summary>Gives up the planning lease; never throws: the lease lapses on its own a tick and a half later.</summary>
    private async Task HandOnAsync(CancellationToken cancellationToken)
    {
        try
        {
            await lease.ReleaseAsync(dispatcher.Owner, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not hand on the reminder planning lease");
        }
    }

    public async Task<ReminderRunResult?> TickAsync(CancellationToken cancellationToken)
    {
        var plan = false;
        try
        {
            // Held for a tick and a half: the holder renews on its next tick; if it dies, another host plans a tick later.
            var now = time.GetUtcNow();
            plan = await lease.TryTakeAsync(dispatcher.Owner, now, options.Value.TickInterval * 1.5, cancellationToken);
            var result = await dispatcher.RunAsync(now, plan, cancellationToken);
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
            if (plan)
            {
                // A host whose planning fails (a bad calendar file, a version behind the others) must not keep the turn
                // from the hosts that could plan: it hands the lease on, and takes it again only when it is free.
                await HandOnAsync(CancellationToken.None);
            }
            return null;
        }
    }
}
