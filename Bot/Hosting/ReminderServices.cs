using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Rectification.Bot.Reminders;
using Rectification.Bot.Teams;
using Rectification.Data.Ledger;
using Rectification.Data.Reminders;

namespace Rectification.Bot.Hosting;

public static class ReminderServices
{
    /// <summary>
    /// The reminder pipeline: options, the holiday calendar, the policy, the outbox, the dispatcher and its
    /// scheduler. Needs AddLedger() and something that registers a BotAdapter for the proactive sender (AddBot()
    /// in the web host).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderDeliveryOptions>().BindConfiguration(ReminderDeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddFollowUp();
        services.AddSingleton(sp => new ReminderPolicy(sp.GetRequiredService<IOptions<ReminderOptions>>().Value, sp.GetRequiredService<WorkingDayCalendar>(),
            sp.GetRequiredService<LedgerCalendar>(), sp.GetRequiredService<FollowUpPolicy>()));
        services.AddSingleton<ReminderSnapshotQueries>();
        services.AddSingleton<ReminderSnapshotSource>();
        services.TryAddSingleton<ReminderOutbox>();
        services.TryAddSingleton<DeliveryRate>();
        services.TryAddSingleton<PlanningLease>();
        services.TryAddSingleton<ReminderRecipients>();
        services.TryAddSingleton<ReminderActions>();
        services.TryAddSingleton<ProactiveSender>();
        services.AddSingleton<IReminderChannel>(sp => sp.GetRequiredService<ProactiveSender>());
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddHostedService<CalendarCoverageCheck>();
        return services;
    }

    /// <summary>
    /// For `reminders run` outside the web host: a CloudAdapter needs no web server to send proactively, only the
    /// Bot Framework credentials from configuration.
    /// </summary>
    public static IServiceCollection AddProactiveAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotFrameworkAuthentication(configuration);
        services.AddSingleton<BotAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>(), sp.GetRequiredService<ILogger<CloudAdapter>>()));
        return services;
    }
}
