using Rectification.Bot.Cards;
using Rectification.Bot.Conversation;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public override string StatusName(RectificationStatus status) => status switch
    {
        RectificationStatus.NotStarted => "not started",
        RectificationStatus.InProgress => "in progress",
        RectificationStatus.Done => "done, awaiting write-off",
        RectificationStatus.WrittenOff => "written off",
        _ => "ongoing",
    };

    public override string LongTerm => "ongoing";

    public override string Immediate => "immediate";

    public override string TaskLine(TaskSummary task, DateOnly today, TaskMark mark)
    {
        var days = task.DueDate is { } due ? due.DayNumber - today.DayNumber : 0;
        var when = mark switch
        {
            TaskMark.Overdue => Plural(task.DaysOverdue(today), "day") + " overdue",
            TaskMark.DueSoon when days == 0 => "due today",
            TaskMark.DueSoon => "due in " + Plural(days, "day"),
            _ => "",
        };
        var parts = new[] { when, "deadline " + DueText(task), F("{0} {1}%", StatusName(task.Status), task.Percent) };
        return string.Join(" · ", parts.Where(p => p.Length > 0));
    }

    private string Plural(int n, string word) => F("{0} {1}{2}", n, word, n == 1 ? "" : "s");

    public override string OwnersLine(TaskSummary task) => F("Officers: {0}   Department: {1}", task.Officers, task.LeadDepartment ?? "—");

    public override string Deadline(TaskSummary task, DateOnly? originalDueDate, int extensionCount) =>
        extensionCount == 0 ? DueText(task) : F("{0} (originally {1}, extended {2})", DueText(task), originalDueDate is { } d ? Date(d) : "—", extensionCount == 1 ? "once" : F("{0} times", extensionCount));

    public override IReadOnlyList<string> History(TaskDetail detail)
    {
        var lines = new List<(DateTimeOffset At, string Line)>();
        lines.AddRange(detail.Progress.Select(p => (p.At, F("{0} {1}: {2}% ({3}) {4}", Stamp(p.At), p.PersonName ?? (p.Source == "import" ? "ledger import" : "system"), p.Percent, StatusName(p.Status), p.Note ?? ""))));
        lines.AddRange(detail.Extensions.Select(e => (e.RequestedAt, F("{0} extension to {1} requested: {2} ({3})", Stamp(e.RequestedAt), Date(e.ToDate), e.Reason, StateName(e.State, e.DecisionNote)))));
        lines.AddRange(detail.WriteOffs.Select(w => (w.RequestedAt, F("{0} write-off requested: {1} ({2})", Stamp(w.RequestedAt), w.Evidence, StateName(w.State, w.DecisionNote)))));
        return lines.OrderBy(l => l.At).Select(l => l.Line.TrimEnd()).ToList();
    }

    private string Stamp(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, LedgerCalendar.ChinaStandardTime.TimeZone).ToString("d MMM", Culture);

    private static string StateName(RequestState state, string? note) => state switch
    {
        RequestState.Pending => "pending",
        RequestState.Approved => "approved",
        _ => "rejected" + (string.IsNullOrEmpty(note) ? "" : ": " + note),
    };

    public override string ListRange(int from, int to, int total) => F("Items {0}–{1} of {2}", from, to, total);

    public override string Welcome(string? name) => F("""
        Hello{0}! I am the rectification ledger assistant.
        I show your rectification tasks, record your progress, handle write-off and extension requests, and remind you before deadlines. Send "help" to see how.
        """, string.IsNullOrEmpty(name) ? "" : " " + name);

    public override string NotRegistered(IReadOnlyList<string> admins) => admins.Count == 0
        ? "You are not in the rectification ledger yet, so I cannot help you. Please ask your unit's rectification office to add you."
        : F("You are not in the rectification ledger yet, so I cannot help you. Please ask the rectification office ({0}) to add you.", string.Join(", ", admins));

    public override string SomethingWentWrong => "Sorry, something went wrong while handling your message, and nothing was changed. Please try again later, or send \"help\".";

    public override string AttachmentsUnsupported => "I cannot take file uploads yet. Please describe it in words or paste a link to the material.";

    public override string Help(bool isLeader, bool isAdmin)
    {
        var text = """
            I can help you with:
            • my tasks — the rectification tasks you are responsible for
            • due soon — tasks due in the coming days
            • overdue — tasks past their deadline
            • task 1-2-1 — a task's details and progress history
            • 1-2-1 80% held the special meeting — report progress (or just "report progress" and I will ask)
            • write off 1-2-1 evidence… — ask to write a finished task off
            • extend 1-2-1 to Dec 31 because… — ask for a later deadline
            • summary — progress per aspect
            • undo — take back your last progress update (within 30 minutes)
            • continue — back to the question I asked before
            • cancel — leave what you are doing
            """;
        if (isLeader || isAdmin)
        {
            text += "\n• overdue Office — overdue tasks of one department\n• pending — write-off and extension requests waiting for you";
            text += "\n• approve the write-off of 1-2-3 / reject 1-2-3: reason — decide a request in words\n• urge 1-5-4 / chase 刘洋 — remind the officer, with the task card";
            text += "\n• follow-up — re-check written-off and long-term items that are due (holding / relapsed)";
        }
        return text;
    }

    public override string DidNotUnderstand => "Sorry, I did not get that. Try \"my tasks\", \"overdue\" or \"report progress\", or send \"help\".";

    public override string Invalid(string reason, string? detail) => reason switch
    {
        InvalidInputReason.Empty => "The message is empty. Please send some text, e.g. \"my tasks\".",
        InvalidInputReason.TooLong => "That message is too long. Please keep it under 2000 characters.",
        InvalidInputReason.PercentOutOfRange => F("Progress \"{0}\" is out of range: use a number from 0 to 100.", detail),
        InvalidInputReason.PercentNotWhole => F("Please give progress \"{0}\" as a whole number, e.g. 80%.", detail),
        InvalidInputReason.BadDate => F("I cannot read the date \"{0}\". Try Dec 31, 2027-01-15, next friday or in 10 days.", detail),
        _ => "Something in that message is not right. Please check it and send it again.",
    };

    public override string NothingToCancel => "There is nothing in progress to cancel.";

    public override string NothingToConfirm => "There is nothing waiting for confirmation.";

    public override string Cancelled => "Cancelled. Nothing was changed.";

    public override string MyTasksTitle => "My rectification tasks";

    public override string OverdueTitle(string scope) => F("Overdue tasks ({0})", scope);

    public override string DueSoonTitle(int days, string scope) => F("Tasks due within {0} days ({1})", days, scope);

    public override string ScopeMine => "mine";

    public override string ScopeDepartments => "my departments";

    public override string ScopeAll => "all";

    public override string NoTasks => "There are no tasks to show in the ledger.";

    public override string NoOwnTasks => "You have no rectification tasks at the moment.";

    public override string NoOwnTasksLeader => "You have no tasks of your own. For your departments, send \"overdue\", \"due soon\" or \"summary\".";

    public override string NothingOverdue => "Nothing is overdue. 👍";

    public override string NothingDueSoon(int days) => F("Nothing is due within {0} days.", days);

    public override string NotYourDepartment(string department) => F("\"{0}\" is not one of the departments you supervise.", department);

    public override string AmbiguousFilter(string filter, IReadOnlyList<string> matches) => F("\"{0}\" matches several departments: {1}. Please give the full name.", filter, string.Join(", ", matches));

    public override string UnknownFilter(string filter) => F("No department or aspect is called \"{0}\".", filter);

    public override string ButtonMore(int remaining) => F("More ({0} left)", remaining);

    public override string ButtonDetail => "Details";

    public override string ButtonReport => "Report progress";

    public override string ButtonWriteOff => "Request write-off";

    public override string ButtonExtend => "Request extension";

    public override string TaskNotFound(string code) => F("There is no task \"{0}\". Please check the code (send \"my tasks\" to see yours).", code);

    public override string NotYourTask(string code) => F("Task {0} is not one of yours, so you cannot see or change it.", code);

    public override string HistoryTitle => "Progress history";

    public override string NoHistory => "No progress recorded yet.";

    public override string CoOperating => "with";

    public override string SummaryTitle(string scope, DateOnly today) => F("Rectification progress ({0}, as of {1})", scope, Date(today));

    public override string FigureTotal => "Tasks";

    public override string FigureWrittenOff => "Written off";

    public override string FigureInProgress => "In progress";

    public override string FigureOngoing => "Ongoing";

    public override string FigureOverdue => "Overdue";

    public override string FigureRate => "Completion rate";

    public override string SummaryTotals(int total, int writtenOff, int overdue) =>
        F("Total: {0} tasks, {1} written off, {2} overdue, completion rate {3:P0}", total, writtenOff, overdue, total == 0 ? 0 : (double)writtenOff / total);

    public override string AskWhichTask => "Which task? Pick one, or send its code.";

    public override string AskWhichTaskOrForm => "Which task? Send its code, or fill in the progress form below.";

    public override string AskCodeNoTasks => "Please send the task code, e.g. 1-2-1.";

    public override string ButtonPick(string code) => F("Choose {0}", code);

    public override string TypeCodeForOthers(int more) => F("{0} more not shown: send the code directly.", more);

    public override string NotACode(string text) => F("\"{0}\" is not a task code. Codes look like 1-2-1 or 12.", text);

    public override string AskPercent(string code, string measure, int currentPercent) =>
        F("Task {0} ({1}) is at {2}%. How far is it now? Reply with a percentage like \"80%\", or \"done\" if it is finished.", code, TaskCards.Shorten(measure), currentPercent);

    public override string NotAPercent(string text) => F("I could not read \"{0}\" as progress. Reply with a percentage from 0 to 100, like \"80%\", or \"done\".", text);

    public override string AskNote(string code) => F("What was done on task {0}? A short note please (or \"none\").", code);

    public override string ConfirmProgressTitle => "Please confirm the progress to record";

    public override string ConfirmHint => "Reply \"confirm\" to save or \"cancel\" to drop it; or send a correction such as \"90%\".";

    public override string ConfirmOrCancel => "Please reply \"confirm\" to save, or \"cancel\" to drop it.";

    public override string CardOutOfDate => "That card is out of date (its step is over or was replaced); nothing was changed.";

    public override string ProgressFormTitle => "Report rectification progress";

    public override string NotePlaceholder => "What was done, e.g. held the special meeting, issued the rules";

    public override string ButtonSubmit => "Submit";

    public override string ButtonConfirm => "Confirm";

    public override string ButtonCancel => "Cancel";

    public override string ProgressSaved(string code, int percent, bool done) => done
        ? F("Recorded: task {0} is done. When it is verified, send \"write off {0}\" with the evidence.", code)
        : F("Recorded: task {0} at {1}%.", code, percent);

    public override string ProgressAlreadySaved(string code) => F("That update was already recorded (task {0}); it was not saved twice.", code);

    public override string AlreadyWrittenOff(string code) => F("Task {0} is already written off; nothing more to do.", code);

    public override string AskEvidence(string code, string measure) =>
        F("Write-off request for task {0} ({1}). Please send the evidence: a note or a link, e.g. meeting minutes or a document number.", code, TaskCards.Shorten(measure));

    public override string AskNewDate(string code, DateOnly? due) =>
        F("Task {0} is due {1}. Until when do you need? E.g. \"Dec 31\" or \"2027-01-15\".", code, due is { } d ? Date(d) : "—");

    public override string DateNotLater(DateOnly date, DateOnly? due, DateOnly today) => due is { } d && d >= today
        ? F("The new deadline {0} must be after the current one, {1}.", Date(date), Date(d))
        : F("The new deadline {0} must be after today ({1}).", Date(date), Date(today));

    public override string AskReason(string code) => F("Why does task {0} need more time?", code);

    public override string OngoingHasNoDeadline(string code) => F("Task {0} is ongoing and has no deadline to extend.", code);

    public override string ChangeRefused(LedgerChangeResult result, string? code) => result.Reason switch
    {
        ChangeReasons.NotAnOfficer => F("Task {0} is not yours: only its officers, their supervising leader or the rectification office can do that.", code),
        ChangeReasons.NotSupervisor => "Only the leader supervising that department or the rectification office can decide this.",
        ChangeReasons.WrittenOff => F("Task {0} is written off and cannot change any more.", code),
        ChangeReasons.AlreadyDecided => "That request has already been decided.",
        ChangeReasons.OwnRequest => "You cannot decide your own request; another supervising leader or the rectification office must.",
        ChangeReasons.NotDone => F("Task {0} was reported unfinished after the request, so it cannot be written off; please reject the request.", code),
        ChangeReasons.PendingExists => F("Task {0} already has a request waiting for a decision.", code),
        ChangeReasons.OngoingHasNoDeadline => OngoingHasNoDeadline(code ?? ""),
        ChangeReasons.DateNotLater => "The new deadline must be after today and after the current deadline.",
        _ => code is null ? "That request does not exist." : TaskNotFound(code),
    };

    public override string FieldTask => "Task";

    public override string FieldPercent => "Progress";

    public override string FieldStatus => "Status";

    public override string FieldNote => "What was done";

    public override string FieldAspect => "Aspect";

    public override string FieldProblem => "Problem";

    public override string FieldLeader => "Responsible leader";

    public override string FieldDepartment => "Department";

    public override string FieldOfficers => "Officers";

    public override string FieldDeadline => "Deadline";

    public override string FieldRequester => "Requested by";

    public override string FieldEvidence => "Evidence";

    public override string FieldReason => "Reason";

    public override string WriteOffRequested(string code, IReadOnlyList<string> approvers) =>
        F("Write-off of task {0} requested; waiting for {1}. You will be told the decision.", code, approvers.Count == 0 ? "the rectification office" : string.Join(", ", approvers));

    public override string ExtensionRequested(string code, DateOnly date, IReadOnlyList<string> approvers) =>
        F("Extension of task {0} to {1} requested; waiting for {2}.", code, Date(date), approvers.Count == 0 ? "the rectification office" : string.Join(", ", approvers));

    public override string WriteOffApprovalTitle(string code) => F("Write-off request: task {0}", code);

    public override string ExtensionApprovalTitle(string code) => F("Extension request: task {0}", code);

    public override string RejectReasonPlaceholder => "Reason, if you reject";

    public override string ButtonApprove => "Approve";

    public override string ButtonReject => "Reject";

    public override string RejectNeedsReason => "A rejection needs a reason: write it in the card, then press Reject.";

    public override string DecidedApproved(string decider) => F("✅ Approved by {0}", decider);

    public override string DecidedRejected(string decider, string? note) => F("❌ Rejected by {0}: {1}", decider, note ?? "");

    public override string WriteOffApproved(string code) => F("Task {0} is written off.", code);

    public override string WriteOffRejected(string code, string reason) => F("The write-off of task {0} was rejected: {1}. The work continues.", code, reason);

    public override string ExtensionApproved(string code, DateOnly due) => F("The extension of task {0} is approved; the new deadline is {1}.", code, Date(due));

    public override string ExtensionRejected(string code, string reason) => F("The extension of task {0} was rejected: {1}. The deadline stays.", code, reason);

    public override string DecisionForRequester(string decider, string outcome) => F("{0} decided on your request: {1}", decider, outcome);

    public override string NotALeader => "Only supervising leaders and the rectification office decide on requests.";

    public override string NothingPending => "Nothing is waiting for your decision.";

    public override string PendingCount(int count) => F("{0} request(s) waiting for your decision:", count);
}
