using System.Globalization;
using Rectification.Bot.Reminders;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Reminders;

/// <summary>Builders shared by the policy tests: people, tasks, instants in China Standard Time.</summary>
internal static class ReminderScenario
{
    public const long Liu = 1;
    public const long Sun = 2;
    public const long LeaderLi = 10;
    public const long LeaderWang = 11;
    public const long AdminChen = 20;
    public const long Ma = 30;
    public const long Office = 100;
    public const long Publicity = 200;

    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Load(Path.Combine(AppContext.BaseDirectory, "holidays.json"));

    public static ReminderPolicy Policy(ReminderOptions? options = null) =>
        new(options ?? new ReminderOptions(), Calendar, LedgerCalendar.ChinaStandardTime);

    public static IReadOnlyList<ReminderPerson> People() =>
    [
        new(Liu, "刘洋", null, false, [], true),
        new(Sun, "孙丽", null, false, [], true),
        new(LeaderLi, "李明", null, false, [Office], true),
        new(LeaderWang, "王建国", null, false, [Publicity], true),
        new(AdminChen, "陈静", null, true, [], true),
        new(Ma, "马超", null, false, [], false),
    ];

    public static ReminderTask Task(long id, string? due, long officer, long department = Office,
        RectificationStatus status = RectificationStatus.InProgress, bool ongoing = false, string? lastProgress = null) =>
        new(id, $"1-{id}", $"措施 {id}", status, due is null ? null : Date(due), ongoing, [officer], department,
            lastProgress is null ? null : At(lastProgress));

    public static ReminderSnapshot Snapshot(params ReminderTask[] tasks) => new(tasks, People());

    public static DateOnly Date(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>"2026-03-10 09:05" in Asia/Shanghai.</summary>
    public static DateTimeOffset At(string local) =>
        DateTimeOffset.Parse(local + " +08:00", CultureInfo.InvariantCulture);

    /// <summary>Plans at 09:05 on every day from <paramref name="from"/> to <paramref name="to"/>, keeping each slot key
    /// once, as the outbox would.</summary>
    public static List<PlannedReminder> Walk(ReminderPolicy policy, ReminderSnapshot snapshot, string from, string to, string time = "09:05")
    {
        var sent = new Dictionary<string, PlannedReminder>();
        for (var day = Date(from); day <= Date(to); day = day.AddDays(1))
        {
            foreach (var reminder in policy.Plan(snapshot, At($"{day:yyyy-MM-dd} {time}")))
            {
                sent.TryAdd(reminder.SlotKey, reminder);
            }
        }
        return [.. sent.Values.OrderBy(r => r.SlotDate).ThenBy(r => r.PersonId)];
    }

    public static string[] Dates(IEnumerable<PlannedReminder> reminders) =>
        [.. reminders.Select(r => r.SlotDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
