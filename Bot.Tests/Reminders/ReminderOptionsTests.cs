using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Rectification.Bot.Reminders;

namespace Rectification.Tests.Reminders;

public sealed class ReminderOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_remind_7_3_1_and_0_days_before()
    {
        var options = new ReminderOptions();

        Assert.Empty(Validate(options));
        Assert.Equal([7, 3, 1, 0], options.EffectiveBeforeDeadlineDays);
        Assert.Equal(new TimeOnly(9, 0), options.SendTime);
    }

    [Fact]
    public void Configured_offsets_replace_the_defaults_instead_of_adding_to_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reminders:BeforeDeadlineDays:0"] = "5",
            ["Reminders:BeforeDeadlineDays:1"] = "0",
            ["Reminders:SendTime"] = "10:30",
            ["Reminders:TickInterval"] = "00:01:00",
        }).Build();

        var options = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>()!;

        Assert.Equal([5, 0], options.EffectiveBeforeDeadlineDays);
        Assert.Equal(new TimeOnly(10, 30), options.SendTime);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TickInterval);
    }

    [Fact]
    public void A_send_time_in_the_quiet_hours_an_unknown_zone_and_red_before_yellow_are_rejected()
    {
        var options = new ReminderOptions
        {
            SendTime = new TimeOnly(7, 0),
            TimeZone = "Mars/Olympus",
            LeaderAfterWorkingDays = 5,
            AdminsAfterWorkingDays = 2,
            BeforeDeadlineDays = [3, 3],
        };

        var members = Validate(options).SelectMany(r => r.MemberNames).ToHashSet();

        Assert.Contains(nameof(ReminderOptions.SendTime), members);
        Assert.Contains(nameof(ReminderOptions.TimeZone), members);
        Assert.Contains(nameof(ReminderOptions.AdminsAfterWorkingDays), members);
        Assert.Contains(nameof(ReminderOptions.BeforeDeadlineDays), members);
    }

    private static List<ValidationResult> Validate(ReminderOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
