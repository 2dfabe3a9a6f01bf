using Rectification.Bot.Texts;
using Rectification.Data.Import;

namespace Rectification.Tests.Cli;

public sealed class ImportTextsTests
{
    public static TheoryData<string> Codes => new(ImportErrorCodes.All);

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_import_error_code_has_a_message_in_both_languages(string code)
    {
        var chinese = UiText.ZhCn.ImportErrorMessage(code, "X");
        var english = UiText.EnUs.ImportErrorMessage(code, "X");

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese);
        Assert.NotEqual(chinese, english);
    }

    [Fact]
    public void Every_code_constant_is_listed()
    {
        var constants = typeof(ImportErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Equal(constants.Append(LedgerImportWriter.AmbiguousPerson).Order(), ImportErrorCodes.All.Order());
    }

    [Fact]
    public void Names_the_writers_columns_in_the_users_language()
    {
        var error = new ImportError(7, "officers", LedgerImportWriter.AmbiguousPerson, "张伟");

        Assert.Equal("第7行“责任人”列：系统中有多人名为“张伟”，无法确定是哪一位。", UiText.ZhCn.Describe(error));
        Assert.Equal("Row 7, column 'Responsible officer(s)': Several people are named '张伟'; cannot tell which one is meant.", UiText.EnUs.Describe(error));
    }
}
