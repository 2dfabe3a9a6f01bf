using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Rectification.Data.Db;
using Rectification.Tests.Data;
using Rectification.Tests.Http;

namespace Rectification.Tests.Security;

/// <summary>The real host over a temp SQLite ledger, a fake Bot Connector behind a fake Bot Framework cloud, and the log.</summary>
public sealed class SecureBot : IAsyncLifetime
{
    private int _activityIds;

    public TestDatabase Database { get; private set; } = null!;

    public FakeConnector Connector { get; } = new();

    public FakeBotFrameworkCloud Cloud { get; }

    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId)> Log { get; } = new();

    public SecureBot()
    {
        Cloud = new FakeBotFrameworkCloud(Connector);
        Connector.Members["29:liu"] = ("刘洋 (民族宗教科)", "liu.yang@example.org", "aad-liu");
    }

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync()
    {
        Cloud.Dispose();
        Connector.Dispose();
        await Database.DisposeAsync();
    }

    public WebApplicationFactory<Program> Start(IReadOnlyDictionary<string, string?>? settings = null) => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Database:ConnectionString", Database.Options.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            web.UseSetting(key, value);
        }
        web.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Log)));
        web.ConfigureTestServices(services => services.AddSingleton<IHttpClientFactory>(Cloud));
    });

    /// <summary>A message from 刘洋 in his personal chat, as Teams sends it.</summary>
    public StringContent Message(string text, string? tenantId = "tenant-1", JObject? channelData = null) =>
        FakeConnector.TeamsMessage(text, $"activity-{Interlocked.Increment(ref _activityIds)}", tenantId, channelData);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, HttpContent content, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Rows the handler would have written: the conversation reference, the conversation state, a Teams link.</summary>
    public async Task<(long References, long States, long Links)> CountWritesAsync()
    {
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        return (await CountAsync(connection, "SELECT COUNT(*) FROM conversation_references"),
            await CountAsync(connection, "SELECT COUNT(*) FROM bot_state"),
            await CountAsync(connection, "SELECT COUNT(*) FROM people WHERE teams_user_id IS NOT NULL"));
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<(string, LogLevel, EventId)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(categoryName, log);

        public void Dispose()
        {
        }

        private sealed class Collector(string category, ConcurrentQueue<(string, LogLevel, EventId)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue((category, logLevel, eventId));
        }
    }
}
