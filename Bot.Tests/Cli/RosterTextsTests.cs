using Rectification.Bot.Texts;
using Rectification.Data.People;

namespace Rectification.Tests.Cli;

public sealed class RosterTextsTests
{
    public static TheoryData<string> Codes =>
        new(typeof(RosterErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_roster_error_code_has_a_message_in_both_languages(string code)
    {
        var chinese = UiText.ZhCn.RosterErrorMessage(code, "X");
        var english = UiText.EnUs.RosterErrorMessage(code, "X");

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
        Assert.NotEqual(chinese, english);
    }
}
