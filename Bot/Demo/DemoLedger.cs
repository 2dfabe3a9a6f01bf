using System.Globalization;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Demo;

/// <summary>
/// The rectification of the real notice in shared/domain/seed-notice.zh.txt (盟委第九轮巡察, 盟委统战部), with
/// invented people, the inspection placed before today and deadlines around today, so a newcomer meets a living ledger: some items written
/// off, some due this week, some overdue long enough to be escalated, one or two long-term.
/// </summary>
public sealed class DemoLedger(LedgerImportWriter writer, LedgerChanges changes, PeopleRepository people, LedgerQueries queries,
    LedgerCalendar calendar, TimeProvider time)
{
    public const string InspectionTitle = "盟委第九轮巡察民族工作领域意识形态专项巡察";

    private static readonly NewPerson[] People =
    [
        new("王建国", "部领导", "wang.jianguo@example.org") { Supervises = ["办公室", "机关党支部"] },
        new("李明", "部领导", "li.ming@example.org") { Supervises = ["民族宗教科", "宣传教育科"] },
        new("赵志刚", "部领导", "zhao.zhigang@example.org") { Supervises = ["党外干部科", "经济联络科"] },
        new("陈静", "整改办", "chen.jing@example.org", IsAdmin: true),
        new("刘洋", "民族宗教科", "liu.yang@example.org"),
        new("孙丽", "宣传教育科", "sun.li@example.org"),
        new("黄磊", "宣传教育科", "huang.lei@example.org"),
        new("周涛", "办公室", "zhou.tao@example.org"),
        new("吴敏", "机关党支部", "wu.min@example.org"),
        new("郑伟", "党外干部科", "zheng.wei@example.org"),
        new("马超", "经济联络科", "ma.chao@example.org"),
    ];

    private const string Aspect1 = "聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面";
    private const string Aspect2 = "聚焦群众身边腐败问题和不正之风方面";
    private const string Aspect3 = "聚焦基层党组织领导班子和干部队伍建设方面";
    private const string Aspect4 = "落实巡视巡察监督发现问题和“不忘初心、牢记使命”主题教育检视问题整改方面";

    /// <summary>Offset of the deadline from today in days; null for 长期坚持, int.MinValue for 立行立改.</summary>
    private sealed record Item(string Code, string Aspect, string Problem, string Measure, string Leader, string Department,
        string Officers, int? DueInDays, int Percent, Outcome Outcome, string? Note = null, string? CoDepartment = null);

    private enum Outcome
    {
        Open,
        Done,
        WrittenOff,
    }

    private const int Immediate = int.MinValue;

    /// <summary>The feedback (反馈) came this many days before today; the earliest deadline is after it.</summary>
    private const int FeedbackDaysAgo = 150;

    private static readonly Item[] Items =
    [
        new("1-1-1", Aspect1, "学习贯彻习近平总书记关于加强和改进民族工作的重要思想不够深入", "将习近平总书记关于加强和改进民族工作的重要思想纳入部机关党支部学习计划，组织全体党员干部专题学习", "王建国", "机关党支部", "吴敏", Immediate, 100, Outcome.WrittenOff, "已纳入学习计划并开展专题学习"),
        new("1-1-2", Aspect1, "学习贯彻习近平总书记关于加强和改进民族工作的重要思想不够深入", "成立统战部理论学习中心组，建立理论学习中心组制度并开展专题学习", "王建国", "办公室", "周涛", -120, 100, Outcome.WrittenOff, "中心组制度已印发，开展专题学习1次"),
        new("1-1-3", Aspect1, "学习贯彻习近平总书记关于加强和改进民族工作的重要思想不够深入", "中央和自治区党委民族工作会议召开后及时组织专题学习研讨", "王建国", "机关党支部", "吴敏", -60, 100, Outcome.WrittenOff, "11月4日组织专题学习研讨"),
        new("1-2-1", Aspect1, "铸牢中华民族共同体意识教育覆盖面不广", "推动铸牢中华民族共同体意识教育“八进”，全力开展“一周两月”活动", "李明", "宣传教育科", "孙丽", null, 40, Outcome.Open, "已在机关、学校、社区开展"),
        new("1-2-2", Aspect1, "铸牢中华民族共同体意识教育覆盖面不广", "开展全盟民族工作专项督查和推行使用三科统编教材专题调研，抓好督促落实", "李明", "民族宗教科", "刘洋", 5, 60, Outcome.Open, "督查已完成4个旗县，调研报告起草中", "宣传教育科"),
        new("1-2-3", Aspect1, "铸牢中华民族共同体意识教育覆盖面不广", "组织统一战线各领域代表人士开展专题学习，强化政治引领", "李明", "宣传教育科", "黄磊", -3, 100, Outcome.Done, "共开展各类活动27次，参加人数累计560人次"),
        new("1-3-1", Aspect1, "民族工作主体责任落实不到位", "组织部务会专题研究民族工作，调整盟委统一战线工作领导小组成员、职责", "王建国", "办公室", "周涛", -90, 100, Outcome.WrittenOff, "领导小组成员已调整"),
        new("1-3-2", Aspect1, "民族工作主体责任落实不到位", "理顺工作机制，落实部务会和部长办公会议事规则，与盟民委共同研究、部署、推进民族工作", "李明", "民族宗教科", "刘洋", -12, 40, Outcome.Open, "已与盟民委召开联席会议1次"),
        new("1-4-1", Aspect1, "意识形态工作责任制落实不够", "成立部机关意识形态工作领导小组，建立意识形态工作分析研判制度", "王建国", "办公室", "周涛", -75, 100, Outcome.WrittenOff, "领导小组已成立，研判制度已印发"),
        new("1-4-2", Aspect1, "意识形态工作责任制落实不够", "制定民族工作领域意识形态旗县市（区）、苏木（乡镇）、嘎查（村、社区）三级网格化管理制度", "李明", "民族宗教科", "刘洋、孙丽", -4, 70, Outcome.Open, "制度初稿已征求意见"),
        new("1-4-3", Aspect1, "意识形态工作责任制落实不够", "将意识形态工作纳入部领导班子和班子成员述职述廉报告", "王建国", "办公室", "周涛", 20, 0, Outcome.Open),
        new("1-5-1", Aspect1, "民族团结进步宣传教育和创建工作不扎实", "举办“铸牢中华民族共同体意识”专题培训班，纳入党校各类主体班次，教学课时比例达到19%", "李明", "宣传教育科", "孙丽", -45, 100, Outcome.WrittenOff, "已举办专题培训班2期"),
        new("1-5-2", Aspect1, "民族团结进步宣传教育和创建工作不扎实", "修订完善民族团结进步创建测评标准及命名办法，研究制定创建全国民族团结进步示范盟实施方案", "李明", "民族宗教科", "刘洋", 2, 50, Outcome.Open, "测评标准修订稿已形成"),
        new("1-5-3", Aspect1, "民族团结进步宣传教育和创建工作不扎实", "在锡林浩特市、苏尼特右旗、阿巴嘎旗、苏尼特左旗建设民族团结进步教育基地", "李明", "宣传教育科", "黄磊", 45, 30, Outcome.Open, "两处基地已选址"),
        new("1-5-4", Aspect1, "民族团结进步宣传教育和创建工作不扎实", "开展民族团结进步创建示范单位自查复核，对上一年度复核不合格单位进行“回头看”", "李明", "民族宗教科", "刘洋", -25, 10, Outcome.Open),
        new("2-1-1", Aspect2, "调查研究不深入，调研成果转化不够", "开展民族工作专题调研，总结经验，完善工作举措，推动调研成果转化", "李明", "民族宗教科", "刘洋", 10, 80, Outcome.Open, "调研报告已报部务会"),
        new("3-1-1", Aspect3, "议事规则执行不严格", "落实好部务会、部长办公会议事规则，经常性召开部务会研究部署民族工作", "王建国", "办公室", "周涛", null, 50, Outcome.Open, "每月召开部务会"),
        new("3-2-1", Aspect3, "党建与业务融合不够", "围绕“党建引领促统战”创新“主题党日”活动", "王建国", "机关党支部", "吴敏", -30, 100, Outcome.WrittenOff, "开展主题党日4次"),
        new("3-2-2", Aspect3, "党建与业务融合不够", "推进党支部标准化规范化精细化建设，严格落实“三会一课”制度", "王建国", "机关党支部", "吴敏", -6, 50, Outcome.Open, "“三会一课”台账已建立"),
        new("3-3-1", Aspect3, "统战和民族工作力量薄弱", "结合旗县市（区）领导班子换届，为各级统战、民族工作部门配齐配强领导班子", "赵志刚", "党外干部科", "郑伟", -8, 100, Outcome.Done, "换届配备工作已完成"),
        new("3-3-2", Aspect3, "统战和民族工作力量薄弱", "结合事业单位机构改革，为盟旗两级统战和民族工作部门增加事业编制", "赵志刚", "党外干部科", "郑伟", -40, 100, Outcome.WrittenOff, "共增加事业编制76个"),
        new("3-3-3", Aspect3, "统战和民族工作力量薄弱", "对全盟统战系统工作人员进行业务培训", "赵志刚", "党外干部科", "郑伟", 30, 20, Outcome.Open),
        new("4-1-1", Aspect4, "对旗县市（区）调研督导不够", "就民族宗教、党外代表人士队伍建设、非公有制经济发展等工作深入旗县市（区）调研督导", "赵志刚", "经济联络科", "马超", 0, 90, Outcome.Open, "已完成11个旗县市（区）调研"),
        new("4-1-2", Aspect4, "对旗县市（区）调研督导不够", "深入开展民营经济人士理想信念教育实践活动", "赵志刚", "经济联络科", "马超", -15, 30, Outcome.Open),
        new("4-2-1", Aspect4, "主题教育检视问题整改不彻底", "对部领导班子检视的13个方面问题制定整改措施，形成对策措施15条并逐项整改", "王建国", "办公室", "周涛", -20, 100, Outcome.WrittenOff, "整改完成率100%"),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if ((await queries.InspectionsAsync(cancellationToken)).Count > 0)
        {
            return false;
        }
        var now = time.GetUtcNow();
        var today = calendar.Today(now);
        foreach (var person in People)
        {
            if ((await people.FindByNameAsync(person.Name, cancellationToken)).Count == 0)
            {
                await people.AddAsync(person, cancellationToken);
            }
        }

        // The inspection sits before today as the real one did (two months on site, feedback four weeks later, the
        // ledger loaded on feedback day), so every deadline falls after the feedback and 立行立改 is due from it.
        var started = now.AddDays(-FeedbackDaysAgo);
        var feedback = today.AddDays(-FeedbackDaysAgo);
        var draft = new LedgerDraft(
            new InspectionDraft(InspectionTitle, "盟委统战部", "盟委第九轮巡察民族工作领域意识形态专项巡察组",
                feedback.AddDays(-86), feedback.AddDays(-26), feedback),
            Items.Select((item, i) => new TaskDraft(i + 2, item.Code, item.Aspect, item.Problem, item.Measure, item.Leader, item.Department,
                item.CoDepartment is null ? [] : [item.CoDepartment], item.Officers.Split('、'), Limit(item, today), LimitText(item, today))).ToList());
        var result = await writer.WriteAsync(draft, Actor.System("demo"), started, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo ledger does not import: " + string.Join("; ", result.Errors));
        }

        // Progress, write-off requests and approvals go through the same paths as chat, so the history is real.
        foreach (var item in Items.Where(i => i.Percent > 0))
        {
            var task = (await queries.FindByCodeAsync(item.Code, cancellationToken))!;
            var officer = task.OfficerList[0].Id;
            var reportedAt = now.AddDays(item.Outcome == Outcome.Open && item.DueInDays is < 0 ? -20 : -4);
            if (item.Percent < 100 && item.Percent >= 50)
            {
                await changes.RecordProgressAsync(new ProgressReport(task.Task.Id, officer, item.Percent / 2, null, "已制定工作方案", "demo", $"demo:{item.Code}:1", reportedAt.AddDays(-10)), cancellationToken);
            }
            await changes.RecordProgressAsync(new ProgressReport(task.Task.Id, officer, item.Percent, null, item.Note, "demo", $"demo:{item.Code}:2", reportedAt), cancellationToken);
            if (item.Outcome == Outcome.WrittenOff)
            {
                var request = await changes.RequestWriteOffAsync(task.Task.Id, officer, item.Note ?? "见整改台账", reportedAt.AddHours(1), cancellationToken);
                var leader = task.LeaderId!.Value;
                await changes.DecideWriteOffAsync(request.Id!.Value, leader, approve: true, "同意销号", reportedAt.AddDays(1), cancellationToken);
            }
            else if (item.Outcome == Outcome.Done)
            {
                await changes.RequestWriteOffAsync(task.Task.Id, officer, item.Note ?? "见整改台账", reportedAt.AddHours(1), cancellationToken);
            }
        }
        return true;
    }

    private static TimeLimit Limit(Item item, DateOnly today) => item.DueInDays switch
    {
        null => TimeLimit.Ongoing,
        Immediate => new TimeLimit(TimeLimitKind.Immediate, null),
        { } days => TimeLimit.On(today.AddDays(days)),
    };

    private static string LimitText(Item item, DateOnly today) => item.DueInDays switch
    {
        null => "长期坚持",
        Immediate => "立行立改",
        { } days => today.AddDays(days).ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
    };
}
