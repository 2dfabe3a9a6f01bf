using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Tests.Data;

namespace Rectification.Tests.Http;

/// <summary>The real host: POST /api/messages through CloudAdapter to the handler, replies to a fake Bot Connector.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FakeConnector _connector = new();
    private int _activityIds;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _connector.Members["29:liu"] = ("刘洋 (民族宗教科)", "liu.yang@example.org", "aad-liu");
    }

    public async Task DisposeAsync()
    {
        _connector.Dispose();
        await _database.DisposeAsync();
    }

    private WebApplicationFactory<Program> StartBot() => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        web.ConfigureTestServices(services => services.AddSingleton<IHttpClientFactory>(_connector));
    });

    private StringContent Message(string text) => FakeConnector.TeamsMessage(text, $"activity-{Interlocked.Increment(ref _activityIds)}");

    [Fact]
    public async Task A_progress_report_over_http_is_stored_and_survives_a_restart()
    {
        await using (var bot = StartBot())
        {
            using var client = bot.CreateClient();
            var report = await client.PostAsync("/api/messages", Message("1-2-2 进度80% 调研报告已报部务会"));
            var confirm = await client.PostAsync("/api/messages", Message("确认"));

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (report.StatusCode, confirm.StatusCode));
        }
        Assert.Contains(_connector.Texts, t => t.Contains("请确认将记录的进展", StringComparison.Ordinal));
        Assert.Contains(_connector.Texts, t => t.Contains("已记录：任务 1-2-2 进度 80%", StringComparison.Ordinal));
        Assert.All(_connector.Sent, s => Assert.StartsWith("/v3/conversations/a%3Apersonal-liu/activities", s.Path, StringComparison.Ordinal));

        await using (var restarted = StartBot())
        {
            using var client = restarted.CreateClient();
            var detail = await client.PostAsync("/api/messages", Message("任务 1-2-2"));
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        }
        Assert.Contains(_connector.Texts, t => t.Contains("调研报告已报部务会", StringComparison.Ordinal) && t.Contains("进展记录", StringComparison.Ordinal));
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-2-2"))!;
        Assert.Equal((80, "调研报告已报部务会", "刘洋"), (task.Task.Percent, task.ProgressNote, task.Progress[^1].PersonName));
    }

    [Fact]
    public async Task The_sender_is_matched_by_their_teams_email_and_linked()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await client.PostAsync("/api/messages", Message("我的任务"));

        var liu = (await new Rectification.Data.People.PeopleRepository(_database.Connections, TimeProvider.System).FindByTeamsUserIdAsync("aad-liu"))!;
        Assert.Equal("刘洋", liu.Name);
        var reference = await new Rectification.Data.People.ConversationReferences(_database.Connections).FindForPersonAsync(liu.Id);
        Assert.Equal(("a:personal-liu", FakeConnector.ServiceUrl, "tenant-1"), (reference!.ConversationId, reference.ServiceUrl, reference.TenantId));
        Assert.Contains(_connector.Texts, t => t.Contains("我的整改任务", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task A_malformed_activity_is_refused_and_nothing_is_sent(string body)
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task The_health_endpoint_answers()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
