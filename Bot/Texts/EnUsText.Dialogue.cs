using Rectification.Bot.Conversation;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string KeepOrDrop(string code) => F("The progress on task {0} is not saved yet: save / discard? Then I will go on with what you just sent.", code);

    public override string ButtonKeep(string code) => F("Save {0}", code);

    public override string ButtonDrop => "Discard";

    public override string KeepOrDropHint(string code) => F("The progress on task {0} is not saved yet: please reply \"save\" or \"discard\".", code);

    public override string DraftDropped(string code) => F("Discarded the unsaved progress on task {0}.", code);

    public override string RequestDropped(string? code, FlowKind kind) => kind switch
    {
        FlowKind.Extension => F("The extension request for task {0} was not sent and is discarded.", code ?? "—"),
        FlowKind.WriteOff => F("The write-off request for task {0} was not sent and is discarded.", code ?? "—"),
        _ => DraftDropped(code ?? "—"),
    };

    public override string ResumeFlow => "Back to where we were:";

    public override string NothingToContinue => "There is nothing to continue. Try \"my tasks\" or \"report progress\".";

    public override string PercentLowered(int from, int to) => F("⚠️ The percent goes down from {0}% to {1}%", from, to);

    public override string Greeting(string name, bool isLeader, bool isAdmin) => isLeader || isAdmin
        ? F("Hello {0}! Send \"overdue\" for the overdue tasks of your departments, \"pending\" for requests waiting for you, \"urge 1-5-4\" to chase an officer, or \"help\" for everything.", name)
        : F("Hello {0}! Send \"my tasks\" to see your tasks, or report progress in one line such as \"1-2-2 80% report drafted\". Send \"help\" for everything.", name);

    public override string ThanksReply => "You're welcome! I'm here whenever you need me; send \"help\" to see what I can do.";

    public override string GoodbyeReply => "Goodbye! I will remind you before your deadlines.";

    public override string SuggestTitle => "Did you mean:";

    public override string NotSure => "I am not sure what you meant.";

    public override string SuggestionLabel(string intent, string? code) => intent switch
    {
        "my_tasks" => "Show my tasks",
        "due_soon" => "Show tasks due soon",
        "overdue" => "Show overdue tasks",
        "task_detail" => code is null ? "Show a task's details" : F("Show task {0}", code),
        "report_progress" => code is null ? "Report progress" : F("Report progress on {0}", code),
        "write_off" => code is null ? "Request a write-off" : F("Request the write-off of {0}", code),
        "extend" => code is null ? "Request an extension" : F("Request an extension for {0}", code),
        "pending" or "decide" => "Show requests waiting for me",
        "summary" => "Show the progress summary",
        "urge" => code is null ? "Chase an officer" : F("Chase {0}", code),
        "export" => "Export the ledger",
        "report" => "Draft the report",
        "withdraw" => "Undo my last update",
        "cancel" => "Cancel what I was doing",
        _ => "Show help",
    };

    public override string ExportLedgerCommand => """
        Sending the ledger file in chat is coming soon. For now, run this on the server:
        dotnet run --project Bot -- export ledger.xlsx
        """;

    public override string DraftReportCommand(DateOnly? asOf) => F("""
        Sending the report in chat is coming soon. For now, run this on the server to draft the rectification report{0}:
        dotnet run --project Bot -- report --out report.docx
        """, asOf is { } date ? F(" (it describes the ledger as it is now; \"as of {0}\" is not supported yet)", Date(date)) : "");

    public override string ExportRosterCommand => """
        The roster cannot be exported in chat yet. The exported ledger lists every task's officers; run this on the server:
        dotnet run --project Bot -- export ledger.xlsx
        """;

    public override string OnlyAdminsExport(IReadOnlyList<string> admins) => admins.Count == 0
        ? "Only the rectification office can export the ledger or draft the report."
        : F("Only the rectification office can export the ledger or draft the report; please ask {0}.", string.Join(", ", admins));
}
