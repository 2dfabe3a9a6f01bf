using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Tests.Data;

/// <summary>A small ledger with one item in every state the queries care about, as of <see cref="Now"/>.</summary>
public static class TestLedger
{
    /// <summary>Friday 2026-11-27, 10:00 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 27);

    public static readonly LedgerCalendar Calendar = LedgerCalendar.ChinaStandardTime;

    public const string Title = "测试巡察";

    public static LedgerDraft Draft(params TaskDraft[] extra) => new(
        new InspectionDraft(Title, "测试单位", "第一巡察组", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 10)),
        [
            Task(2, "1-1-1", "方面一", "问题一", "措施一", "李明", "民族宗教科", ["刘洋"], TimeLimit.On(new DateOnly(2026, 11, 20))),
            Task(3, "1-1-2", "方面一", "问题一", "措施二", "李明", "宣传教育科", ["孙丽", "刘洋"], TimeLimit.On(new DateOnly(2026, 11, 30)), co: ["办公室"]),
            Task(4, "1-2-1", "方面一", "问题二", "措施三", "王建国", "办公室", ["周涛"], TimeLimit.On(new DateOnly(2026, 11, 26))),
            Task(5, "2-1-1", "方面二", "问题三", "措施四", "王建国", "办公室", ["周涛"], TimeLimit.Ongoing, text: "长期坚持"),
            Task(6, "2-1-2", "方面二", "问题三", "措施五", "李明", "民族宗教科", ["刘洋"], TimeLimit.On(new DateOnly(2026, 10, 1)), status: RectificationStatus.WrittenOff),
            Task(7, "2-1-3", "方面二", "问题三", "措施六", "李明", "民族宗教科", ["刘洋"], new TimeLimit(TimeLimitKind.Immediate, null), text: "立行立改"),
            .. extra,
        ]);

    public static TaskDraft Task(int row, string code, string aspect, string problem, string measure, string leader, string department,
        string[] officers, TimeLimit limit, string? text = null, RectificationStatus? status = null, int? percent = null, string? progress = null,
        string[]? co = null) =>
        new(row, code, aspect, problem, measure, leader, department, co ?? [], officers, limit, text ?? limit.Date?.ToString("yyyy-MM-dd") ?? "", status, percent, progress);

    /// <summary>
    /// Writes a timeline's ledger as of <paramref name="start"/>, adds the admin 陈静, and gives the named people a
    /// conversation reference, so the reminder pipeline can reach them.
    /// </summary>
    public static async Task WriteReachableAsync(TestDatabase database, LedgerDraft draft, DateTimeOffset start, params string[] reachable)
    {
        var written = await new LedgerImportWriter(database.Connections, Calendar).WriteAsync(draft, Actor.System("test"), start);
        Xunit.Assert.True(written.Succeeded, string.Join("; ", written.Errors));
        var people = new PeopleRepository(database.Connections, TimeProvider.System);
        await people.AddAsync(new NewPerson("陈静", "整改办", IsAdmin: true));
        var references = new ConversationReferences(database.Connections);
        foreach (var name in reachable)
        {
            var id = (await people.FindByNameAsync(name)).Single().Id;
            await references.SaveAsync(new StoredReference($"user-{id}", $"conversation-{id}", null, id, true, "https://connector.test/", "tenant", "msteams", "bot", "{}", start));
        }
    }

    public static async Task<TestPeople> LoadAsync(TestDatabase database)
    {
        var writer = new LedgerImportWriter(database.Connections, Calendar);
        var result = await writer.WriteAsync(Draft(), Actor.System("test"), Now.AddDays(-30));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var people = new PeopleRepository(database.Connections, TimeProvider.System);
        await people.AddAsync(new NewPerson("陈静", "整改办", "chen.jing@example.org", IsAdmin: true));
        await people.AddAsync(new NewPerson("路人甲", "办公室"));
        async Task<Person> One(string name) => (await people.FindByNameAsync(name, CancellationToken.None)).Single();
        return new TestPeople(await One("刘洋"), await One("孙丽"), await One("周涛"), await One("李明"), await One("王建国"), await One("陈静"), await One("路人甲"));
    }
}

public sealed record TestPeople(Person LiuYang, Person SunLi, Person ZhouTao, Person LiMing, Person WangJianguo, Person ChenJing, Person Bystander);
