namespace Rectification.Bot.Reminders;

/// <summary>
/// Says at start, loudly, when the holiday file lacks this year or the next: reminders would then go out on public
/// holidays and skip make-up working days without anyone noticing.
/// </summary>
public sealed class CalendarCoverageCheck(WorkingDayCalendar calendar, TimeProvider time, ILogger<CalendarCoverageCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var year = time.GetLocalNow().Year;
        var missing = new[] { year, year + 1 }.Where(y => !calendar.Covers(y)).ToList();
        if (missing.Count > 0)
        {
            logger.LogWarning("The holiday file has no arrangement for {MissingYears} (covered: {CoveredYears}); those years are treated as plain Monday to Friday. Add them to holidays.json (see docs/holidays.md)",
                string.Join(", ", missing), string.Join(", ", calendar.CoveredYears()));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
