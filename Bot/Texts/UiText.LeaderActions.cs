namespace Rectification.Bot.Texts;

/// <summary>Typed decisions, 催办 and 撤回.</summary>
public abstract partial class UiText
{
    // Typed decisions
    public abstract string DecideWhichTask { get; }
    public abstract string NoPendingOnTask(string code);
    public abstract string WhichRequest(string code);
    public abstract string RejectNeedsReasonTyped(string code);
    public abstract string ApproversUnreachable(IReadOnlyList<string> unreachable, IReadOnlyList<string> alsoSentTo);

    // 催办
    public abstract string ButtonUrge { get; }
    public abstract string UrgeWhom { get; }
    public abstract string UrgeNotALeader { get; }
    public abstract string PersonNotFound(string name);
    public abstract string PersonAmbiguous(string name, IReadOnlyList<string> matches);
    public abstract string NothingToUrge(string name);
    public abstract string NotInYourScope(string code);
    public abstract string UrgeNotNeeded(string code);
    public abstract string Urged(IReadOnlyList<string> codes, IReadOnlyList<string> officers);
    public abstract string AlreadyUrgedToday(IReadOnlyList<string> codes);
    public abstract string UrgeUnreachable(IReadOnlyList<string> officers);
    public abstract string UrgeNudge(string leader, string code, string measure);
    public abstract string UrgeNudgeMany(string leader, int count);
    public abstract string UrgeListTitle { get; }

    // 撤回
    public abstract string Withdrawn(string code, int percent, string status);
    public abstract string NothingToWithdraw { get; }
    public abstract string WithdrawTooLate(int minutes);
    public abstract string WithdrawChangedSince(string code);
}
