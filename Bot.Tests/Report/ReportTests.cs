using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cli;
using Rectification.Bot.Demo;
using Rectification.Bot.Texts;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.Report;
using Rectification.Tests.Teams;

namespace Rectification.Tests.Report;

/// <summary>The drafted 通报 from the demo ledger and its history, as a real .docx read back with the Open XML SDK.</summary>
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

    private string Draft => Path.Combine(_folder, "draft.docx");

    private async Task<(int Exit, string Output, IReadOnlyList<string> Paragraphs)> DraftAsync(UiText text, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ReportCommand.RunAsync(_chat.Services, args, text, output, CancellationToken.None);
        if (exit != 0 || !File.Exists(Draft))
        {
            return (exit, output.ToString(), []);
        }
        if (Environment.GetEnvironmentVariable("RECTIFICATION_KEEP_REPORT") is { Length: > 0 } keep)
        {
            File.Copy(Draft, keep, overwrite: true);
        }
        using var document = WordprocessingDocument.Open(Draft, false);
        return (exit, output.ToString(), document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList());
    }

    private static int IndexOf(IReadOnlyList<string> paragraphs, string start) => paragraphs.ToList().FindIndex(p => p.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public async Task The_chinese_draft_has_the_notices_parts_in_order_with_figures_from_the_ledger()
    {
        var (exit, output, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--no-charts");

        Assert.Equal(0, exit);
        Assert.Contains("已起草通报（截至2026年11月27日，25项整改措施）", output, StringComparison.Ordinal);
        Assert.Equal("盟委统战部关于盟委第九轮巡察民族工作领域意识形态专项巡察整改情况的通报", paragraphs[0]);
        // The demo's inspection sits before today (its dates follow today), so the opening is checked by its shape.
        Assert.Matches(@"^根据巡察工作统一部署，\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日，盟委第九轮巡察民族工作领域意识形态专项巡察组对盟委统战部开展了巡察，并于\d{4}年\d{1,2}月\d{1,2}日反馈了巡察意见。根据巡察工作有关要求，现将巡察整改进展情况公布如下。$", paragraphs[2]);
        string[] headings =
        [
            "一、扎实开展巡察整改工作", "（一）统一思想认识", "（二）加强组织领导", "（三）落实整改措施", "二、落实巡察整改主体责任",
            "（一）聚焦贯彻落实党的理论路线方针政策", "（二）聚焦群众身边腐败问题", "（三）聚焦基层党组织", "（四）落实巡视巡察监督发现问题", "三、整改后续工作长效机制",
        ];
        var positions = headings.Select(h => IndexOf(paragraphs, h)).ToList();
        Assert.All(positions, i => Assert.True(i > 0));
        Assert.Equal(positions.Order(), positions);

        var figures = paragraphs[positions[3] + 1];
        Assert.Contains("截至2026年11月27日，针对11个问题制定整改措施25项，已完成并销号9项，完成待销号2项，正在整改11项，尚未启动1项，长期坚持2项，其中逾期5项。整改完成率为36%（已销号的整改措施数÷整改措施总数）", figures, StringComparison.Ordinal);
        Assert.Contains("针对反馈的4个方面11个问题", paragraphs[positions[2] + 1], StringComparison.Ordinal);

        // Phrasing by status: written off in the past tense, in progress with its stage, not started never as done.
        Assert.Contains(paragraphs, p => p.StartsWith("一是将习近平总书记关于加强和改进民族工作的重要思想纳入部机关党支部学习计划", StringComparison.Ordinal) && p.Contains("已完成整改并销号", StringComparison.Ordinal));
        var notStarted = Assert.Single(paragraphs, p => p.Contains("将意识形态工作纳入部领导班子和班子成员述职述廉报告，", StringComparison.Ordinal));
        Assert.Contains("尚未启动，计划于2026年12月17日前完成", notStarted, StringComparison.Ordinal);
        Assert.DoesNotContain("完成整改", notStarted, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.Contains("开展民族团结进步创建示范单位自查复核", StringComparison.Ordinal) && p.Contains("正在整改，已完成10%，逾期25天，已督促", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("结合旗县市（区）领导班子换届", StringComparison.Ordinal) && p.Contains("已完成整改，待审核销号", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("共增加事业编制76个", StringComparison.Ordinal));
        Assert.Contains("该方面共15项整改措施，已完成并销号6项，完成率40%，逾期3项。", paragraphs, StringComparer.Ordinal);

        // 三: open items by department with deadlines, overdue in publishable words, never internal codes.
        var next = paragraphs.Skip(positions[^1]).ToList();
        Assert.Contains(next, p => p.StartsWith("一是继续抓好整改工作，确保件件有着落。尚有12项整改措施正在推进", StringComparison.Ordinal));
        var ethnic = Assert.Single(next, p => p.StartsWith("民族宗教科（6项）：", StringComparison.Ordinal));
        Assert.Contains("原定2026年11月2日完成，逾期25天，已督促", ethnic, StringComparison.Ordinal);
        Assert.Contains("整改时限2026年12月2日", ethnic, StringComparison.Ordinal);
        Assert.Contains(next, p => p.StartsWith("二是对需长期坚持的2项整改措施", StringComparison.Ordinal));
        Assert.Contains(next, p => p.StartsWith("三是巩固整改成果，对已销号的整改事项适时开展“回头看”", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => System.Text.RegularExpressions.Regex.IsMatch(p, @"\d-\d-\d"));

        // Unknown set-up stays visible, sentences stay whole; the issuing unit and date close the text.
        Assert.Contains(ReportToFill, paragraphs[positions[1] + 1], StringComparison.Ordinal);
        Assert.Contains("组长由【待填写】担任", paragraphs[positions[2] + 1], StringComparison.Ordinal);
        Assert.Equal(["盟委统战部", "2026年11月27日"], paragraphs.TakeLast(2));
    }

    private const string ReportToFill = "【待填写】";

    [Fact]
    public async Task The_document_is_a_valid_a4_official_document_with_styles_page_numbers_and_charts()
    {
        var (exit, _, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft);
        Assert.Equal(0, exit);

        using var document = WordprocessingDocument.Open(Draft, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var main = document.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u, PageOrientationValues.Portrait), (size.Width!.Value, size.Height!.Value, size.Orient!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1588u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        var styles = main.StyleDefinitionsPart!.Styles!;
        Style StyleOf(string id) => styles.Elements<Style>().Single(s => s.StyleId == id);
        Assert.Equal("黑体", StyleOf("Heading1").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("楷体_GB2312", StyleOf("Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        var defaults = styles.DocDefaults!;
        Assert.Equal("仿宋_GB2312", defaults.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!.EastAsia!.Value);
        Assert.Equal("32", defaults.RunPropertiesDefault.RunPropertiesBaseStyle.FontSize!.Val!.Value);
        Assert.Equal("zh-CN", defaults.RunPropertiesDefault.RunPropertiesBaseStyle.Languages!.EastAsia!.Value);
        var spacing = defaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(("560", LineSpacingRuleValues.Exact), (spacing.Line!.Value, spacing.LineRule!.Value));
        var indent = StyleOf("Normal").StyleParagraphProperties!.Indentation!;
        Assert.Equal(("640", 200), (indent.FirstLine!.Value, indent.FirstLineChars!.Value));
        Assert.Equal("仿宋", main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "仿宋_GB2312").AltName!.Val!.Value);

        // "— 1 —" at the outside edge: right on odd pages, left on even ones, in 4号 宋体.
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)main.GetPartById(r.Id!));
        Assert.Equal("— 1 —", footers[HeaderFooterValues.Default].Footer!.InnerText.Replace(" PAGE ", "", StringComparison.Ordinal));
        Assert.Equal(JustificationValues.Right, footers[HeaderFooterValues.Default].Footer!.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, footers[HeaderFooterValues.Even].Footer!.Descendants<Justification>().Single().Val!.Value);
        Assert.Equal("28", StyleOf("Footer").StyleRunProperties!.FontSize!.Val!.Value);
        Assert.Equal("宋体", StyleOf("Footer").StyleRunProperties!.RunFonts!.Ascii!.Value);

        // The annex on its own page with the two charts as PNG.
        var annex = main.Document.Body!.Elements<Paragraph>().Single(p => p.InnerText == "附件");
        Assert.NotNull(annex.ParagraphProperties!.PageBreakBefore);
        var images = main.ImageParts.ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, image =>
        {
            using var stream = image.GetStream();
            var header = new byte[8];
            stream.ReadExactly(header);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, header);
        });
        Assert.Contains("图1  各方面整改措施完成情况", paragraphs);
        var signature = paragraphs.ToList().IndexOf("盟委统战部");
        Assert.True(signature > 0 && signature < IndexOf(paragraphs, "附件"));
    }

    [Fact]
    public async Task Two_inspections_give_two_separate_reports_each_aspect_once()
    {
        var writer = _chat.Get<LedgerImportWriter>();
        var second = new LedgerDraft(new InspectionDraft("县委第三轮巡察", "县民政局", null, new DateOnly(2026, 3, 1), null, null),
        [
            new TaskDraft(2, "1-1-1", "聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面", "学习不深入", "制定学习计划并组织专题学习", "李明", "民族宗教科", [], ["刘洋"], TimeLimit.On(new DateOnly(2026, 12, 31)), "2026年12月31日"),
            new TaskDraft(3, "2-1-1", "财务管理方面", "报销审核不严", "修订报销审核办法", "李明", "民族宗教科", [], ["刘洋"], TimeLimit.On(new DateOnly(2026, 10, 31)), "2026年10月31日", Percent: 30),
        ]);
        Assert.True((await writer.WriteAsync(second, Actor.System("test"), ChatHarness.Now, CancellationToken.None)).Succeeded);

        var (exitAll, outputAll, _) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--no-charts");
        Assert.Equal(2, exitAll);
        Assert.Contains("请用 --inspection 指定巡察", outputAll, StringComparison.Ordinal);

        var (exit, _, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--inspection", "县委第三轮巡察", "--no-charts");
        Assert.Equal(0, exit);
        Assert.Equal("县民政局关于县委第三轮巡察整改情况的通报", paragraphs[0]);
        Assert.Contains("2026年3月1日至【待填写】，【待填写】对县民政局开展了巡察，并于【待填写】反馈了巡察意见", paragraphs[2], StringComparison.Ordinal);
        Assert.Single(paragraphs, p => p == "（一）聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面");
        Assert.Single(paragraphs, p => p == "（二）财务管理方面");
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("（三）", StringComparison.Ordinal) && !p.StartsWith("（三）落实整改措施", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("针对2个问题制定整改措施2项，已完成并销号0项，完成待销号0项，正在整改1项，尚未启动1项，长期坚持0项，其中逾期1项", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("修订报销审核办法，正在整改，已完成30%，逾期27天，已督促", StringComparison.Ordinal));

        var (demoExit, _, demo) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--inspection", DemoLedger.InspectionTitle, "--no-charts");
        Assert.Equal(0, demoExit);
        Assert.Single(demo, p => p == "（一）聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面");
        Assert.DoesNotContain(demo, p => p.Contains("报销审核", StringComparison.Ordinal));
        Assert.Contains(demo, p => p.Contains("针对11个问题制定整改措施25项", StringComparison.Ordinal));
    }

    [Fact]
    public async Task As_of_an_earlier_date_the_report_has_that_days_figures_from_history()
    {
        // The demo's write-offs were approved three days before "now", its progress reported four and twenty days before.
        var (exit, output, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--as-of", "2026-11-20", "--no-charts");

        Assert.Equal(0, exit);
        Assert.Contains("截至2026年11月20日", output, StringComparison.Ordinal);
        Assert.Equal("（草稿，截至2026年11月20日）", paragraphs[1]);
        var figures = Assert.Single(paragraphs, p => p.Contains("截至2026年11月20日，针对", StringComparison.Ordinal));
        Assert.Contains("针对11个问题制定整改措施25项，已完成并销号0项，完成待销号0项，", figures, StringComparison.Ordinal);
        Assert.Contains("整改完成率为0%", figures, StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.Contains("开展民族团结进步创建示范单位自查复核", StringComparison.Ordinal) && p.Contains("逾期18天，已督促", StringComparison.Ordinal));
        Assert.Equal("2026年11月20日", paragraphs[^1]);

        var (todayExit, _, today) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--as-of", "2026-11-27", "--no-charts");
        Assert.Equal(0, todayExit);
        Assert.Contains(today, p => p.Contains("截至2026年11月27日，针对11个问题制定整改措施25项，已完成并销号9项", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("next week")]
    [InlineData("2030-01-01")]
    public async Task A_bad_or_future_as_of_date_is_refused_and_nothing_is_written(string asOf)
    {
        var (exit, output, _) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--as-of", asOf);

        Assert.Equal(2, exit);
        Assert.Contains("无法识别或晚于今天", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Draft));
    }

    [Fact]
    public async Task Control_characters_in_notes_and_the_set_up_never_break_the_document()
    {
        var queries = _chat.Get<LedgerQueries>();
        var task = (await queries.FindByCodeAsync("1-2-2"))!;
        var note = "督查\u0001完成\u000B第5个旗县\r\n调研报告起草中\u0007";
        var saved = await _chat.Get<LedgerChanges>().RecordProgressAsync(new ProgressReport(task.Task.Id, task.OfficerList[0].Id, 70, null, note, "test", "ctl-1", ChatHarness.Now));
        Assert.True(saved.Succeeded);
        var reportSetup = ActivatorUtilities.CreateInstance<ReportSetup>(_chat.Services);
        var inspection = (await queries.InspectionsAsync()).Single();
        await reportSetup.AddMeetingAsync(inspection.Id, new DateOnly(2026, 6, 12), "专项推进会\u0002", "传达反馈意见\u001F精神", Actor.System("test"), ChatHarness.Now);

        var (exit, _, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--no-charts");

        Assert.Equal(0, exit);
        Assert.EndsWith("正在整改，已完成70%，计划于2026年12月2日前完成。目前督查完成第5个旗县 调研报告起草中。", paragraphs.First(p => p.Contains("三科统编教材专题调研", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.Contains("2026年6月12日召开专项推进会，传达反馈意见精神", StringComparison.Ordinal));
        using var document = WordprocessingDocument.Open(Draft, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public async Task The_leading_group_and_meetings_kept_for_the_inspection_are_written_out()
    {
        var inspection = (await _chat.Get<LedgerQueries>().InspectionsAsync()).Single();
        var setup = ActivatorUtilities.CreateInstance<ReportSetup>(_chat.Services);
        await setup.SetLeadingGroupAsync(inspection.Id,
        [
            new LeadingGroupMember(LeadingRole.Leader, "张晓君", "盟委委员、统战部部长"),
            new LeadingGroupMember(LeadingRole.Deputy, "乌恩其", "常务副部长、党支部书记"),
            new LeadingGroupMember(LeadingRole.Member, "周涛", "办公室主任"),
        ], Actor.System("test"), ChatHarness.Now);
        await setup.AddMeetingAsync(inspection.Id, new DateOnly(2021, 6, 15), "巡察整改工作专项推进会", "传达巡察反馈意见精神，研究部署整改工作", Actor.System("test"), ChatHarness.Now);
        await setup.AddMeetingAsync(inspection.Id, new DateOnly(2021, 7, 2), "巡察整改专题民主生活会", "对照反馈问题开展批评与自我批评", Actor.System("test"), ChatHarness.Now);

        var (exit, _, paragraphs) = await DraftAsync(UiText.ZhCn, "--out", Draft, "--no-charts");

        Assert.Equal(0, exit);
        var meetings = paragraphs[IndexOf(paragraphs, "（一）统一思想认识") + 1];
        Assert.Contains("先后召开会议2次：2021年6月15日召开巡察整改工作专项推进会，传达巡察反馈意见精神，研究部署整改工作；2021年7月2日召开巡察整改专题民主生活会", meetings, StringComparison.Ordinal);
        var group = paragraphs[IndexOf(paragraphs, "（二）加强组织领导") + 1];
        Assert.Contains("组长由盟委委员、统战部部长张晓君同志担任，副组长由常务副部长、党支部书记乌恩其同志担任，成员有办公室主任周涛", group, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportToFill, meetings + group, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_english_draft_uses_english_words()
    {
        var (exit, _, paragraphs) = await DraftAsync(UiText.EnUs, "--out", Draft, "--no-charts");

        Assert.Equal(0, exit);
        Assert.Contains(paragraphs, p => p.StartsWith("1. How the rectification was organised", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains("Completion rate: 36%", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains('【'));
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

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("已完成\u0001整改", "已完成整改")]
    [InlineData("第一行\r\n第二行\t第三行", "第一行 第二行 第三行")]
    [InlineData("表情😀保留", "表情😀保留")]
    [InlineData("\u000B\u000C", "")]
    [InlineData(null, "")]
    public void Characters_xml_cannot_hold_are_dropped_and_line_breaks_become_spaces(string? text, string expected) =>
        Assert.Equal(expected, Rectification.Bot.Report.SafeText.Clean(text));

    [Fact]
    public void Broken_surrogates_are_dropped()
    {
        // Built in code: an attribute argument would have the compiler replace the lone surrogates already.
        var text = "坏的" + '\uD800' + "代理" + '\uDC00' + "对";
        Assert.Equal("坏的代理对", Rectification.Bot.Report.SafeText.Clean(text));
    }
}
