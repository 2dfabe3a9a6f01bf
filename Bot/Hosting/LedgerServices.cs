using Microsoft.Extensions.Options;
using Rectification.Bot.Demo;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Data.State;
using Rectification.Data.Trust;

namespace Rectification.Bot.Hosting;

public static class LedgerServices
{
    /// <summary>The ledger database and everything that reads or writes it; shared by the web host and the CLI.</summary>
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ConnectionFactory(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton(sp => new LedgerCalendar(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<LedgerOptions>>().Value.TimeZone)));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<LedgerChanges>();
        services.AddSingleton<PeopleRepository>();
        services.AddSingleton<RosterImport>();
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<TenantBinding>();
        services.AddSingleton<HandledActivities>();
        services.AddSingleton<DeliveredReminders>();
        services.AddSingleton<LedgerImportWriter>();
        // The 通报 and 回头看 (issue 12).
        services.AddSingleton<Rectification.Data.Report.ReportHistory>();
        services.AddSingleton<Rectification.Data.Report.ReportSetup>();
        services.AddSingleton<Rectification.Bot.Report.ReportDrafter>();
        services.AddSingleton<Rectification.Data.FollowUp.Rechecks>();
        services.AddSingleton<ImportPlanner>();
        services.AddSingleton<InspectionParticulars>();
        services.AddSingleton<DemoLedger>();
        services.AddSingleton<DatabaseStartup>();
        return services;
    }
}
