using Rectification.Bot.Conversation;

namespace Rectification.Bot.Texts;

/// <summary>What the bot says to keep a conversation whole: drafts, interruptions, small talk, suggestions.</summary>
public abstract partial class UiText
{
    // Drafts and interruptions
    public abstract string KeepOrDrop(string code);
    public abstract string ButtonKeep(string code);
    public abstract string ButtonDrop { get; }
    public abstract string KeepOrDropHint(string code);
    public abstract string DraftDropped(string code);
    public abstract string RequestDropped(string? code, FlowKind kind);
    public abstract string ResumeFlow { get; }
    public abstract string NothingToContinue { get; }
    public abstract string PercentLowered(int from, int to);

    // Small talk
    public abstract string Greeting(string name, bool isLeader, bool isAdmin);
    public abstract string ThanksReply { get; }
    public abstract string GoodbyeReply { get; }

    // Suggestions when unsure
    public abstract string SuggestTitle { get; }
    public abstract string NotSure { get; }
    public abstract string SuggestionLabel(string intent, string? code);

    // Files not yet sent in chat: the commands that produce them
    public abstract string ExportLedgerCommand { get; }
    public abstract string DraftReportCommand(DateOnly? asOf);
    public abstract string ExportRosterCommand { get; }
    public abstract string OnlyAdminsExport(IReadOnlyList<string> admins);
}
