using Rectification.Bot.Conversation.Understanding;

namespace Rectification.Tests.Conversation.Understanding;

/// <summary>
/// Each entity kind, in Chinese and English, through the real extractor and Microsoft.Recognizers.Text. Names come
/// from two ledgers: the demo's and another unit's, so nothing here depends on one ledger's spelling.
/// </summary>
public sealed class EntityExtractorTests
{
    private static readonly EntityExtractor Extractor = new(Recognizers.Shared);

    /// <summary>A Wednesday, as the corpus's today.</summary>
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly LedgerNames OtherUnit = new(
        ["组织科", "统战部", "干部一科", "综合办公室", "民族宗教事务局"],
        [NamedPerson.From("欧阳娜娜", "ouyang.nana@unit.example"), NamedPerson.From("张伟", "zhang_wei@unit.example"), NamedPerson.From("王芳", null)]);

    private static MessageEntities Read(string text, LedgerNames? names = null, bool wantDate = false, DateOnly? today = null) =>
        Extractor.Extract(IntentModel.Fold(text), today ?? Today, names ?? IntentCorpus.Names, wantDate);

    [Theory]
    [InlineData("1-2-2 进度80%", "1-2-2")]
    [InlineData("１－２－２ 完成了", "1-2-2")]
    [InlineData("请看一下 2—1—1 的情况", "2-1-1")]
    [InlineData("#12 详情", "12")]
    [InlineData("＃１２", "12")]
    [InlineData("第12项申请销号", "12")]
    [InlineData("第十二项完成了", "12")]
    [InlineData("task 7 is done", "7")]
    [InlineData("1.2.3 done", "1-2-3")]
    [InlineData("extend 3-3-1 to Jan 15", "3-3-1")]
    [InlineData("催办1-5-4", "1-5-4")]
    [InlineData("2026-12-31 前完成", null)]
    [InlineData("进度 50%", null)]
    [InlineData("what's overdue?", null)]
    public void Codes(string text, string? code) => Assert.Equal(code, Read(text).Code);

    [Theory]
    [InlineData("1-2-2 进度80%", 80)]
    [InlineData("进度百分之七十", 70)]
    [InlineData("完成八成了", 80)]
    [InlineData("1-3-2 完成了一半", 50)]
    [InlineData("已经过半", 50)]
    [InlineData("完成三分之二", 67)]
    [InlineData("1-2-2 about halfway", 50)]
    [InlineData("60 percent done", 60)]
    [InlineData("three quarters done on 2-1-1", 75)]
    [InlineData("progress at 35", 35)]
    [InlineData("半个月后能完成", null)]
    [InlineData("1-2-2 进度120%", null)]
    [InlineData("need half a month more", null)]
    [InlineData("1-2-2 进度九十", 90)]
    [InlineData("进度七十五了", 75)]
    [InlineData("还没动呢，进度零", 0)]
    [InlineData("progress for 1-4-3 is 3/4", 75)]
    [InlineData("about 2/3 done", 67)]
    [InlineData("进展一般", null)]
    [InlineData("完成三项", null)]
    [InlineData("延期到3/4", null)]
    [InlineData("due 3/4", null)]
    public void Percents(string text, int? percent) => Assert.Equal(percent, Read(text).Percent);

    [Theory]
    [InlineData("1-2-2 完成了", true)]
    [InlineData("搞定了", true)]
    [InlineData("整改到位", true)]
    [InlineData("已经全部完成", true)]
    [InlineData("3-1-1 finished", true)]
    [InlineData("all done on 1-5-2", true)]
    [InlineData("完成了一半", false)]
    [InlineData("还没完成", false)]
    [InlineData("1-2-3 完成了吗", false)]
    [InlineData("完成率多少", false)]
    [InlineData("not done yet", false)]
    [InlineData("基本完成，就差最后验收", false)]
    [InlineData("完成了，只差签字", false)]
    [InlineData("done except for the final sign-off", false)]
    [InlineData("基本完成", true)]
    [InlineData("那个调研全部搞完了", true)]
    [InlineData("早就完成了", true)]
    [InlineData("昨天就完成了", true)]
    [InlineData("整改完成了，还要建立长效机制", true)]
    [InlineData("调研报告已经完成了，督查还差两个旗县", false)]
    [InlineData("还差一点点就完成了", false)]
    [InlineData("快完成了", false)]
    [InlineData("明天就完成了", false)]
    [InlineData("mostly finished, only need the signature from the leader", false)]
    [InlineData("almost done", false)]
    [InlineData("3-1-1 done or not?", false)]
    [InlineData("3/4 done", false)]
    public void Done_phrases(string text, bool done) => Assert.Equal(done, Read(text).Done);

    [Theory]
    [InlineData("延期到月底", "2026-12-31")]
    [InlineData("想延到明年3月底", "2027-03-31")]
    [InlineData("延期到下周五", "2026-12-11")]
    [InlineData("两周后完成", "2026-12-16")]
    [InlineData("延到1月15日", "2027-01-15")]
    [InlineData("延期至2027年2月28日", "2027-02-28")]
    [InlineData("extend to March 31 next year", "2027-03-31")]
    [InlineData("push it to Jan 15", "2027-01-15")]
    [InlineData("by end of next month", "2027-01-31")]
    [InlineData("give me until tomorrow", "2026-12-03")]
    [InlineData("extend by 10 days", "2026-12-12")]
    [InlineData("extend to the 18th", "2026-12-18")]
    [InlineData("培训安排在下月，申请延期到下个月15号", "2027-01-15")]
    [InlineData("no date here", null)]
    [InlineData("能否延期至元旦前", "2026-12-31")]
    [InlineData("延期到元旦", "2027-01-01")]
    // 春节 2027 is 6 February, 端午 9 June, 中秋 15 September (the Chinese lunisolar calendar).
    [InlineData("延期到春节前", "2027-02-05")]
    [InlineData("端午节之前完成", "2027-06-08")]
    [InlineData("中秋前", "2027-09-14")]
    [InlineData("国庆节前", "2027-09-30")]
    [InlineData("延期到国庆前后", null)]
    public void Dates_from_the_ledgers_today(string text, string? date) =>
        Assert.Equal(date, Read(text, wantDate: true)?.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("延期到月底", "2026-12-31")]
    [InlineData("延到1月15日", "2027-01-15")]
    [InlineData("延期到下周五", "2027-01-08")]
    [InlineData("push it to Jan 15", "2027-01-15")]
    public void Dates_at_the_turn_of_the_year(string text, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Read(text, wantDate: true, today: new DateOnly(2026, 12, 31)).Date);

    [Theory]
    [InlineData("民族宗教那边逾期的", "民族宗教科")]
    [InlineData("宣传教育科的进度", "宣传教育科")]
    [InlineData("看看经济联络哪些拖了", "经济联络科")]
    [InlineData("overdue for the Economic Liaison section", "经济联络科")]
    [InlineData("summary for Ethnic and Religious Affairs", "民族宗教科")]
    [InlineData("anything late in the publicity & education dept", "宣传教育科")]
    [InlineData("how's the Office doing", "办公室")]
    [InlineData("overdue items for the party branch", "机关党支部")]
    [InlineData("超期的有哪些", null)]
    [InlineData("how is the rectification going", null)]
    public void Departments_of_the_demo_ledger(string text, string? department) => Assert.Equal(department, Read(text).Department);

    [Theory]
    [InlineData("组织科逾期的", "组织科")]
    [InlineData("统战部完成率", "统战部")]
    [InlineData("干部一科有几项快到期", "干部一科")]
    [InlineData("民族宗教事务那边的台账", "民族宗教事务局")]
    [InlineData("overdue in the Organization section", "组织科")]
    [InlineData("United Front department summary", "统战部")]
    [InlineData("what is the organization doing", null)]
    [InlineData("经济联络科的逾期", null)]
    public void Departments_of_another_unit(string text, string? department) => Assert.Equal(department, Read(text, OtherUnit).Department);

    [Theory]
    [InlineData("催一下刘洋", "刘洋")]
    [InlineData("提醒刘洋抓紧1-3-2", "刘洋")]
    [InlineData("remind Liu Yang about 1-3-2", "刘洋")]
    [InlineData("chase yang liu", "刘洋")]
    [InlineData("马超那边超期几项", "马超")]
    [InlineData("is Huang Lei behind", "黄磊")]
    [InlineData("逾期的有哪些", null)]
    public void People_of_the_demo_ledger(string text, string? person) => Assert.Equal(person, Read(text).Person);

    [Theory]
    [InlineData("催欧阳娜娜报进度", "欧阳娜娜")]
    [InlineData("nudge Nana Ouyang", "欧阳娜娜")]
    [InlineData("remind zhang wei", "张伟")]
    [InlineData("王芳的任务", "王芳")]
    [InlineData("催一下刘洋", null)]
    public void People_of_another_unit(string text, string? person) => Assert.Equal(person, Read(text, OtherUnit).Person);

    [Theory]
    [InlineData("同意1-2-3销号", Verdict.Approve)]
    [InlineData("批准2-1-1延期", Verdict.Approve)]
    [InlineData("1-3-1 审核通过", Verdict.Approve)]
    [InlineData("approve 1-2-3", Verdict.Approve)]
    [InlineData("ok to close 1-5-1", Verdict.Approve)]
    [InlineData("驳回1-2-3，佐证材料不足", Verdict.Reject)]
    [InlineData("不同意延期", Verdict.Reject)]
    [InlineData("不批准", Verdict.Reject)]
    [InlineData("reject the extension on 2-1-1", Verdict.Reject)]
    [InlineData("write-off not approved", Verdict.Reject)]
    [InlineData("1-2-2 进度80%", null)]
    public void Decisions(string text, Verdict? decision) => Assert.Equal(decision, Read(text).Decision);
}
