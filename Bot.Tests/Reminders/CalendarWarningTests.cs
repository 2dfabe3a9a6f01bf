using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Tests.Data;
using static Rectification.Tests.Reminders.ReminderScenario;

namespace Rectification.Tests.Reminders;

/// <summary>
/// The admins' red digest through the whole pipeline says when the holiday file lacks the year the reminders run in,
/// or from 1 December the next one; other digests never carry it.
/// </summary>
public sealed class CalendarWarningTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task From_1_December_the_admins_red_digest_warns_that_next_year_is_missing()
    {
        // The shipped file ends with 2026: in December 2026 the reminders are a month from an unknown year.
        Assert.Equal([2027], Calendar.MissingYears(Date("2026-12-01")));
        Assert.Empty(Calendar.MissingYears(Date("2026-11-30")));
        await using var pipeline = await ReminderPipeline.StartAsync(_database, At("2026-11-30 07:00"));
        var (officer, admin) = await LoadAsync();

        await pipeline.TickAtAsync(At("2026-11-30 09:05"));
        await pipeline.TickAtAsync(At("2026-12-01 09:05"));

        var warning = UiText.ZhCn.CalendarYearsMissing([2027]);
        var red = pipeline.Channel.Received.Where(r => r.PersonId == admin && r.Slot.Kind == ReminderKind.AdminRed).OrderBy(r => r.At).ToList();
        Assert.Equal(["2026-11-30", "2026-12-01"], red.Select(r => r.At.Day()));
        Assert.DoesNotContain("holidays.json", red[0].Json, StringComparison.Ordinal);
        Assert.Contains(warning, red[1].Json, StringComparison.Ordinal);
        Assert.All(pipeline.Channel.Received.Where(r => r.PersonId == officer), r => Assert.DoesNotContain("holidays.json", r.Json, StringComparison.Ordinal));
        Assert.Contains(pipeline.Channel.Received, r => r.PersonId == officer && r.At.Day() == "2026-12-01");
    }

    private async Task<(long Officer, long Admin)> LoadAsync()
    {
        var draft = new LedgerDraft(
            new InspectionDraft("年末巡察", "测试单位", "第二巡察组", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 3)),
            [TestLedger.Task(2, "1", "方面一", "问题一", "整改措施甲", "李明", "民族宗教科", ["刘洋"], TimeLimit.On(Date("2026-10-30")))]);
        var start = At("2026-11-30 07:00");
        Assert.True((await new LedgerImportWriter(_database.Connections, TestLedger.Calendar).WriteAsync(draft, Actor.System("test"), start)).Succeeded);
        var people = new PeopleRepository(_database.Connections, TimeProvider.System);
        var admin = await people.AddAsync(new NewPerson("陈静", "整改办", IsAdmin: true));
        var officer = (await people.FindByNameAsync("刘洋")).Single().Id;
        var references = new ConversationReferences(_database.Connections);
        foreach (var id in new[] { officer, admin })
        {
            await references.SaveAsync(new StoredReference($"user-{id}", $"conversation-{id}", null, id, true, "https://connector.test/", "tenant", "msteams", "bot", "{}", start));
        }
        return (officer, admin);
    }
}
