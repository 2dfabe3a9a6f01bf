namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string DecideWhichTask => "请说明审批哪项任务，例如“同意1-2-3销号”或“驳回1-2-3，佐证材料不足”。待您审批的申请如下：";

    public override string NoPendingOnTask(string code) => F("任务 {0} 没有待您审批的申请。", code);

    public override string WhichRequest(string code) => F("任务 {0} 同时有销号和延期申请待审批，请说明是“同意{0}销号”还是“同意{0}延期”。", code);

    public override string RejectNeedsReasonTyped(string code) => F("驳回需要说明理由，例如“驳回{0}，佐证材料不足”。", code);

    public override string ApproversUnreachable(IReadOnlyList<string> unreachable, IReadOnlyList<string> alsoSentTo) => alsoSentTo.Count > 0
        ? F("注意：{0}尚未打开过整改台账助手，收不到审批通知；申请已同时发给整改办（{1}）。", string.Join("、", unreachable), string.Join("、", alsoSentTo))
        : F("注意：{0}尚未打开过整改台账助手，收不到审批通知，整改办也暂时无法送达。请当面或电话告知审批人。", string.Join("、", unreachable));

    public override string ButtonUrge => "催办";

    public override string UrgeWhom => "请说明催办哪项任务或哪位责任人，例如“催办1-5-4”或“催一下刘洋”。";

    public override string UrgeNotALeader => "只有分管领导和整改办可以催办。";

    public override string PersonNotFound(string name) => F("没有找到名为“{0}”的人员。", name);

    public override string PersonAmbiguous(string name, IReadOnlyList<string> matches) => F("“{0}”对应多位人员：{1}。请写全名，或直接催办任务编号。", name, string.Join("、", matches));

    public override string NothingToUrge(string name) => F("{0}在您的分管范围内没有需要催办的任务。", name);

    public override string NotInYourScope(string code) => F("任务 {0} 不在您的分管范围内，无法催办。", code);

    public override string UrgeNotNeeded(string code) => F("任务 {0} 已完成或已销号，无需催办。", code);

    public override string Urged(IReadOnlyList<string> codes, IReadOnlyList<string> officers) =>
        F("已催办任务 {0}，已提醒{1}。", string.Join("、", codes), string.Join("、", officers));

    public override string AlreadyUrgedToday(IReadOnlyList<string> codes) => F("任务 {0} 今天已经催办过，明天可再次催办。", string.Join("、", codes));

    public override string UrgeUnreachable(IReadOnlyList<string> officers) =>
        F("{0}尚未打开过整改台账助手，催办提醒无法送达，请电话或当面联系。", string.Join("、", officers));

    public override string UrgeNudge(string leader, string code, string measure) =>
        F("{0}提醒您抓紧办理任务 {1}（{2}）。有进展请直接回复，例如“{1} 进度80% 做了什么”。", leader, code, Cards.TaskCards.Shorten(measure));

    public override string UrgeNudgeMany(string leader, int count) => F("{0}提醒您抓紧办理以下{1}项整改任务，有进展请及时报告。", leader, count);

    public override string UrgeListTitle => "催办的整改任务";

    public override string Withdrawn(string code, int percent, string status) =>
        F("已撤回您对任务 {0} 的上一条进展，任务恢复为 {1}%（{2}）。撤回记录保留在审计日志中。", code, percent, status);

    public override string NothingToWithdraw => "您没有可以撤回的进展。";

    public override string WithdrawTooLate(int minutes) => F("只能撤回{0}分钟内报告的进展，您的上一条进展已超过时限。如需更正，请直接报告新的进展。", minutes);

    public override string WithdrawChangedSince(string code) => F("任务 {0} 在您的进展之后已有新的进展或申请，无法撤回。如需更正，请报告新的进展。", code);
}
