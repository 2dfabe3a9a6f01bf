using Rectification.Bot.Conversation;

namespace Rectification.Tests.Conversation;

public sealed class TextNormalizerTests
{
    private readonly TextNormalizer _normalizer = new(["整改助手", "Rectification Bot"]);

    [Theory]
    [InlineData("<at>Rectification</at> 我的任务", "我的任务")]
    [InlineData("<at>Rectification</at>&nbsp;我的任务", "我的任务")]
    [InlineData("<p><at>Rectification</at> my tasks</p>", "my tasks")]
    [InlineData("<at>整改助手</at><at>Other</at> 逾期", "逾期")]
    [InlineData("@整改助手 逾期 办公室", "逾期 办公室")]
    [InlineData("@Rectification Bot overdue", "overdue")]
    [InlineData("@Bot help", "help")]
    [InlineData("12 done <at>整改助手</at>", "12 done")]
    public void Strips_the_bot_mention(string raw, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(raw).Text);
    }

    [Theory]
    [InlineData("请帮我查看 12", "查看 12")]
    [InlineData("请 我的任务", "我的任务")]
    [InlineData("麻烦帮我 汇报进度", "汇报进度")]
    [InlineData("麻烦你，我的任务", "我的任务")]
    [InlineData("帮我查一下逾期", "查逾期")]
    [InlineData("汇报一下进度", "汇报进度")]
    [InlineData("please show 2-3-1", "show 2-3-1")]
    [InlineData("Could you please list my tasks", "list my tasks")]
    [InlineData("pls help", "help")]
    [InlineData("can you, help", "help")]
    public void Removes_polite_filler_at_the_start(string raw, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(raw).Text);
    }

    [Theory]
    [InlineData("请")]
    [InlineData("please")]
    public void Keeps_a_filler_word_that_is_the_whole_message(string raw)
    {
        Assert.Equal(raw, _normalizer.Normalize(raw).Text);
    }

    [Fact]
    public void Keeps_one_xia_inside_a_note()
    {
        Assert.Equal("12 80% 研究了一下方案", _normalizer.Normalize("12 80% 研究了一下方案").Text);
    }

    [Theory]
    [InlineData("１２３ＡＢ％：，", "123ab%:,")]
    [InlineData("２－３－１", "2-3-1")]
    [InlineData("2—3–1", "2-3-1")]
    [InlineData("ＴＡＳＫ　１２", "task 12")]
    public void Folds_full_width_and_case_in_the_key(string raw, string expectedKey)
    {
        Assert.Equal(expectedKey, _normalizer.Normalize(raw).Key);
    }

    [Fact]
    public void Keeps_the_users_text_with_its_case_and_width_beside_a_key_of_the_same_length()
    {
        var normalized = _normalizer.Normalize("<at>Rectification</at>  12 Done，Minutes  Filed\n\t见附件");

        Assert.Equal("12 Done，Minutes Filed 见附件", normalized.Text);
        Assert.Equal("12 done,minutes filed 见附件", normalized.Key);
    }

    [Theory]
    [InlineData("a&amp;b &lt;ok&gt;", "a&b <ok>")]
    [InlineData("line one<br/>line two", "line one line two")]
    [InlineData("<div>12</div><div>done</div>", "12 done")]
    [InlineData("see <a href=\"https://x.example/A\">https://x.example/A</a>", "see https://x.example/A")]
    [InlineData("1 < 2 and 3 > 2", "1 < 2 and 3 > 2")]
    public void Removes_html_and_decodes_entities(string raw, string expected)
    {
        Assert.Equal(expected, _normalizer.Normalize(raw).Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<at>Rectification</at>")]
    [InlineData("&nbsp;")]
    public void Gives_empty_for_nothing_but_markup_and_space(string? raw)
    {
        Assert.True(_normalizer.Normalize(raw).IsEmpty);
    }
}
