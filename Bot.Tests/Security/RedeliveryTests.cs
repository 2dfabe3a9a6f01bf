using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Data.Ledger;
using Rectification.Data.Trust;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.6: Teams redelivers a message it got no timely answer for. Every ledger-changing turn is deduplicated on
/// the activity id: a write-off request delivered five times records one progress row and one request.
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private readonly SecureBot _bot = new();

    public Task InitializeAsync() => _bot.InitializeAsync();

    public Task DisposeAsync() => _bot.DisposeAsync();

    [Fact]
    public async Task A_write_off_request_delivered_five_times_is_recorded_once_and_answered_once()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();
        var queries = host.Services.GetRequiredService<LedgerQueries>();
        var before = (await queries.FindByCodeAsync("1-2-2"))!;

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await SecureBot.PostAsync(client, Activities.Content(Activities.Message("申请销号 1-2-2 调研报告已印发，会议纪要已归档", "redelivered-1"))));
        }

        var after = (await queries.FindByCodeAsync("1-2-2"))!;
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before.Progress.Count + 1, after.Progress.Count);
        Assert.Equal(before.WriteOffs.Count + 1, after.WriteOffs.Count);
        Assert.Single(_bot.Connector.Texts, t => t.Contains("1-2-2", StringComparison.Ordinal) && t.Contains("销号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_redeliveries_of_a_progress_report_record_one_row()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();
        var queries = host.Services.GetRequiredService<LedgerQueries>();
        var before = (await queries.FindByCodeAsync("1-2-2"))!;
        await SecureBot.PostAsync(client, Activities.Content(Activities.Message("1-2-2 进度90% 已完成调研", "report-1")));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SecureBot.PostAsync(client, Activities.Content(Activities.Message("确认", "confirm-1")))));

        Assert.Equal(before.Progress.Count + 1, (await queries.FindByCodeAsync("1-2-2"))!.Progress.Count);
    }

    [Fact]
    public async Task A_different_activity_with_the_same_text_is_a_new_request()
    {
        await using var host = _bot.Start();
        using var client = host.CreateClient();

        await SecureBot.PostAsync(client, Activities.Content(Activities.Message("帮助", "help-1")));
        await SecureBot.PostAsync(client, Activities.Content(Activities.Message("帮助", "help-2")));

        Assert.Equal(2, _bot.Connector.Sent.Count);
    }

    [Fact]
    public async Task A_claim_left_by_a_turn_that_died_is_taken_again_once_stale()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ChatHarness.Now);
        var handled = new HandledActivities(_bot.Database.Connections, time);
        Assert.True(await handled.TryClaimAsync("c", "a"));

        Assert.False(await handled.TryClaimAsync("c", "a"));
        time.Advance(HandledActivities.StaleAfter + TimeSpan.FromSeconds(1));
        Assert.True(await handled.TryClaimAsync("c", "a"));
        await handled.CompleteAsync("c", "a");
        time.Advance(TimeSpan.FromHours(1));
        Assert.False(await handled.TryClaimAsync("c", "a"));
    }
}
