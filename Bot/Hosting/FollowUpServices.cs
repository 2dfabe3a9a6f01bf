using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rectification.Bot.Reminders;
using Rectification.Data.FollowUp;

namespace Rectification.Bot.Hosting;

public static class FollowUpServices
{
    /// <summary>
    /// 回头看: its options, policy and actions. Both the reminder pipeline (the digest) and the chat (the list, the
    /// card's buttons) need them, so each registers them and the first one wins.
    /// </summary>
    public static IServiceCollection AddFollowUp(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(FollowUpPolicy)))
        {
            return services;
        }
        // ReminderOptions are bound by AddReminders only: binding twice would append its arrays twice.
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => WorkingDayCalendar.Load(Path.Combine(AppContext.BaseDirectory, sp.GetRequiredService<IOptions<ReminderOptions>>().Value.HolidayFile)));
        services.AddSingleton(sp => new FollowUpPolicy(sp.GetRequiredService<IOptions<FollowUpOptions>>().Value, sp.GetRequiredService<WorkingDayCalendar>()));
        services.TryAddSingleton<Rechecks>();
        services.TryAddSingleton<FollowUpActions>();
        return services;
    }
}
