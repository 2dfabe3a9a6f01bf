using Microsoft.Extensions.Options;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>holidays check</c>: the years the holiday file covers, and a warning for this year or the next when missing. Exit 0
/// when both are covered, 1 when one is missing or the file is broken, 2 for a usage error.
/// </summary>
public static class HolidaysCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output)
    {
        if (args is not [var mode] || !mode.Equals("check", StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(text.HolidaysUsage);
            return 2;
        }
        var path = Path.Combine(AppContext.BaseDirectory, services.GetRequiredService<IOptions<ReminderOptions>>().Value.HolidayFile);
        WorkingDayCalendar calendar;
        try
        {
            calendar = WorkingDayCalendar.Load(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync(text.HolidaysFileBroken(path, e.Message));
            return 1;
        }
        await output.WriteLineAsync(text.HolidaysCovered(calendar.CoveredYears(), path));
        var year = services.GetRequiredService<TimeProvider>().GetLocalNow().Year;
        var missing = new[] { year, year + 1 }.Where(y => !calendar.Covers(y)).ToList();
        await output.WriteLineAsync(missing.Count == 0 ? text.HolidaysAllCovered(year) : text.CalendarYearsMissing(missing));
        return missing.Count == 0 ? 0 : 1;
    }
}
