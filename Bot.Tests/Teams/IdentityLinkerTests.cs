using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Rectification.Bot.Teams;
using Rectification.Data.People;

namespace Rectification.Tests.Teams;

/// <summary>Who is talking, when nothing but a display name is known.</summary>
public sealed class IdentityLinkerTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private async Task<Person?> ResolveAsync(string displayName, string? appId, string aadObjectId = "aad-stranger")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId }).Build();
        var linker = new IdentityLinker(_chat.Get<PeopleRepository>(), _chat.Get<Rectification.Data.Trust.TenantBinding>(), configuration, NullLogger<IdentityLinker>.Instance);
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "test", From = new ChannelAccount("29:stranger", displayName) { AadObjectId = aadObjectId },
            Conversation = new ConversationAccount(id: "c1"), Recipient = new ChannelAccount("bot"),
        };
        return await linker.ResolveAsync(new TurnContext(new TestAdapter(), activity), CancellationToken.None);
    }

    [Theory]
    [InlineData("李明")]
    [InlineData("陈静")]
    public async Task With_authentication_on_a_display_name_never_makes_someone_a_leader_or_admin(string name)
    {
        Assert.Null(await ResolveAsync(name, "00000000-0000-0000-0000-000000000001"));
        Assert.Null((await _chat.PersonAsync(name)).TeamsUserId);
    }

    [Fact]
    public async Task With_authentication_on_not_even_an_officer_is_linked_by_display_name_alone()
    {
        Assert.Null(await ResolveAsync("刘洋", "00000000-0000-0000-0000-000000000001"));
        Assert.Null((await _chat.PersonAsync("刘洋")).TeamsUserId);
    }

    [Fact]
    public async Task In_local_development_anyone_is_found_by_display_name()
    {
        Assert.Equal("李明", (await ResolveAsync("李明", null))!.Name);
    }

    [Fact]
    public async Task With_authentication_on_the_object_id_a_roster_gives_links_the_person_whatever_the_display_name()
    {
        var roster = _chat.Get<RosterImport>();
        var plan = await roster.PlanEditAsync("刘洋", new PersonEdit(ObjectId: "5D7C4A9B-1E2F-4A3B-8C9D-0E1F2A3B4C5D"));
        Assert.True((await roster.ApplyAsync(plan, Rectification.Data.Ledger.Actor.System("people set"), DateTimeOffset.UtcNow)).Succeeded);

        var person = await ResolveAsync("Liu Yang (County Audit)", "00000000-0000-0000-0000-000000000001", "5d7c4a9b-1e2f-4a3b-8c9d-0e1f2a3b4c5d");

        Assert.Equal("刘洋", person?.Name);
    }
}
