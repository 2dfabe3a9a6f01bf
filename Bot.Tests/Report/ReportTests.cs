using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Rectification.Bot.Cli;
using Rectification.Bot.Texts;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Report;

/// <summary>The drafted 通报 from the demo ledger, as a real .docx read back with the Open XML SDK.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("rectification-report-").FullName;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _chat.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Exit, string Output, IReadOnlyList<string> Paragraphs)> DraftAsync(UiText text, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ReportCommand.RunAsync(_chat.Services, args, text, output, CancellationToken.None);
        var path = Path.Combine(_folder, "draft.docx");
        if (exit != 0 || !File.Exists(path))
        {
            return (exit, output.ToString(), []);
        }
        using var document = WordprocessingDocument.Open(path, false);
        return (exit, output.ToString(), document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList());
    }

    [Fact]
    public async Task The_chinese_draft_has_the_notices_three_parts_with_figures_and_every_measure()
    {
        var (exit, output, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Path.Combine(_folder, "draft.docx"));

        Assert.Equal(0, exit);
        Assert.Contains("已起草通报（25项整改措施）", output, StringComparison.Ordinal);
        Assert.Equal("盟委统战部关于盟委第九轮巡察民族工作领域意识形态专项巡察整改情况的通报", paragraphs[0]);
        Assert.Contains("根据巡察工作统一部署，2021年3月16日至2021年5月15日，盟委第九轮巡察民族工作领域意识形态专项巡察组对盟委统战部开展了巡察，并于2021年6月10日反馈了巡察意见", paragraphs[2], StringComparison.Ordinal);
        var headings = new[] { "一、扎实开展巡察整改工作", "二、落实巡察整改主体责任", "（一）聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面", "（四）落实巡视巡察监督发现问题", "三、整改后续工作长效机制" }
            .Select(h => paragraphs.ToList().FindIndex(p => p.StartsWith(h, StringComparison.Ordinal))).ToList();
        Assert.All(headings, i => Assert.True(i > 0));
        Assert.Equal(headings.Order(), headings);
        Assert.Contains("针对11个问题制定整改措施25项，已完成并销号9项，完成待销号2项，正在整改12项，长期坚持2项，其中逾期5项，整改完成率36%", paragraphs[4], StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("一是将习近平总书记关于加强和改进民族工作的重要思想纳入部机关党支部学习计划", StringComparison.Ordinal) && p.Contains("已完成整改并销号", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("已逾期25天", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("共增加事业编制76个", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_english_draft_uses_english_words()
    {
        var (exit, _, paragraphs) = await DraftAsync(UiText.EnUs, "--out", Path.Combine(_folder, "draft.docx"));

        Assert.Equal(0, exit);
        Assert.Contains(paragraphs, p => p.StartsWith("1. How the rectification was organised", StringComparison.Ordinal));
        Assert.Contains("Completion rate: 36%", paragraphs[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_output_path_it_prints_its_usage_and_writes_nothing()
    {
        var (exit, output, _) = await DraftAsync(UiText.ZhCn);

        Assert.Equal(2, exit);
        Assert.Contains("用法", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
