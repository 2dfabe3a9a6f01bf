using Microsoft.Extensions.Options;
using Rectification.Bot.Conversation.Files;
using Rectification.Bot.Teams;
using Rectification.Data.Db;
using Rectification.Data.Evidence;

namespace Rectification.Bot.Hosting;

public static class FileServices
{
    /// <summary>Files in chat: the evidence store picked by configuration, the inbox, the consent flow, the files the bot makes.</summary>
    public static IServiceCollection AddFiles(this IServiceCollection services)
    {
        services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IEvidenceStore>(sp =>
        {
            var files = sp.GetRequiredService<IOptions<FilesOptions>>().Value;
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var kind = files.Store ?? (database.Provider == DatabaseProvider.Postgres ? EvidenceStoreKind.Database : EvidenceStoreKind.Folder);
            return kind == EvidenceStoreKind.Database
                ? new DatabaseEvidenceStore(sp.GetRequiredService<ConnectionFactory>())
                : new FolderEvidenceStore(files.Folder ?? DefaultFolder(database));
        });
        services.AddSingleton<EvidenceRepository>();
        services.AddSingleton<FileOffers>();
        services.AddSingleton<LedgerUploads>();
        services.AddSingleton<LedgerUploadPlanner>();
        services.AddSingleton<ChatFiles>();
        services.AddSingleton<FileUrlPolicy>();
        services.AddSingleton<FileDownloader>();
        services.AddSingleton<FilesInbox>();
        services.AddSingleton<FileConsents>();
        // Redirects are followed by hand, each hop checked against the URL policy.
        services.AddHttpClient(FileDownloader.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary><c>evidence/</c> beside the SQLite ledger file (data/evidence for the default data/ledger.db).</summary>
    private static string DefaultFolder(DatabaseOptions database)
    {
        var source = database.ConnectionString.Contains('=', StringComparison.Ordinal)
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource
            : database.ConnectionString;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".", "evidence");
    }
}
