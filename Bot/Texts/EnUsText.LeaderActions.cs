namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string DecideWhichTask => "Which task? For example \"approve the write-off of 1-2-3\" or \"reject 1-2-3: evidence missing\". These requests wait for you:";

    public override string NoPendingOnTask(string code) => F("Task {0} has no request waiting for your decision.", code);

    public override string WhichRequest(string code) => F("Task {0} has both a write-off and an extension request waiting: say \"approve the write-off of {0}\" or \"approve the extension of {0}\".", code);

    public override string RejectNeedsReasonTyped(string code) => F("A rejection needs a reason, for example \"reject {0}: evidence missing\".", code);

    public override string ApproversUnreachable(IReadOnlyList<string> unreachable, IReadOnlyList<string> alsoSentTo) => alsoSentTo.Count > 0
        ? F("Note: {0} has never opened the assistant and cannot receive the request; it was also sent to the rectification office ({1}).", string.Join(", ", unreachable), string.Join(", ", alsoSentTo))
        : F("Note: {0} has never opened the assistant and cannot receive the request, and neither can the rectification office. Please tell the approver directly.", string.Join(", ", unreachable));

    public override string ButtonUrge => "Chase";

    public override string UrgeWhom => "Whom should I chase? For example \"urge 1-5-4\" or \"chase 刘洋\".";

    public override string UrgeNotALeader => "Only supervising leaders and the rectification office can chase officers.";

    public override string PersonNotFound(string name) => F("Nobody called \"{0}\" is in the ledger.", name);

    public override string PersonAmbiguous(string name, IReadOnlyList<string> matches) => F("\"{0}\" matches several people: {1}. Please give the full name or a task code.", name, string.Join(", ", matches));

    public override string NothingToUrge(string name) => F("{0} has no open task in your scope to chase.", name);

    public override string NotInYourScope(string code) => F("Task {0} is not in your departments; you cannot chase it.", code);

    public override string UrgeNotNeeded(string code) => F("Task {0} is done or written off; there is nothing to chase.", code);

    public override string Urged(IReadOnlyList<string> codes, IReadOnlyList<string> officers) =>
        F("Chased task {0}: {1} got a reminder.", string.Join(", ", codes), string.Join(", ", officers));

    public override string AlreadyUrgedToday(IReadOnlyList<string> codes) => F("Task {0} was already chased today; you can chase it again tomorrow.", string.Join(", ", codes));

    public override string UrgeUnreachable(IReadOnlyList<string> officers) =>
        F("{0} has never opened the assistant, so the reminder cannot be delivered; please call or see them.", string.Join(", ", officers));

    public override string UrgeNudge(string leader, string code, string measure) =>
        F("{0} asks you to speed up task {1} ({2}). Reply with your progress, e.g. \"{1} 80% what was done\".", leader, code, Cards.TaskCards.Shorten(measure));

    public override string UrgeNudgeMany(string leader, int count) => F("{0} asks you to speed up these {1} rectification tasks; please report your progress.", leader, count);

    public override string UrgeListTitle => "Tasks you were chased about";

    public override string Withdrawn(string code, int percent, string status) =>
        F("Your last progress update on task {0} is withdrawn; the task is back at {1}% ({2}). The withdrawal stays in the audit log.", code, percent, status);

    public override string NothingToWithdraw => "You have no progress update to take back.";

    public override string WithdrawTooLate(int minutes) => F("Only an update from the last {0} minutes can be taken back, and your last one is older. To correct it, report new progress.", minutes);

    public override string WithdrawChangedSince(string code) => F("Task {0} has a newer update or request since yours, so yours cannot be taken back. To correct it, report new progress.", code);
}
