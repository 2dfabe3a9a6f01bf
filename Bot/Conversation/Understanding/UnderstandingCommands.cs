using System.Text.RegularExpressions;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// Turns a classifier reading (intent and entities) into the command the flows act on. The free text a command
/// carries (a progress note, an extension's reason, a rejection's reason) is cut from the user's own words; a
/// message that only says how far it is (搞定一半了, finished) carries no note, so the flow asks for one.
/// </summary>
public static partial class UnderstandingCommands
{
    public static ChatCommand From(string intent, MessageEntities e, NormalizedText text) => intent switch
    {
        Intents.Help => new ChatCommand.Help(),
        Intents.Greeting => Goodbye().IsMatch(text.Key) ? new ChatCommand.Goodbye() : new ChatCommand.Greeting(),
        Intents.Thanks => new ChatCommand.Thanks(),
        Intents.MyTasks => new ChatCommand.MyTasks(),
        Intents.DueSoon => new ChatCommand.DueSoon(),
        Intents.Overdue => new ChatCommand.Overdue(e.Department),
        Intents.TaskDetail => e.Code is { } code ? new ChatCommand.TaskDetail(code) : new ChatCommand.MyTasks(),
        Intents.ReportProgress => new ChatCommand.ReportProgress(e.Code, e.Done ? null : e.Percent,
            e.Done ? RectificationStatus.Done : null, Note(text, e)),
        Intents.WriteOff => new ChatCommand.RequestWriteOff(e.Code, Note(text, e)),
        Intents.Extend => new ChatCommand.RequestExtension(e.Code, e.Date, After(text, ReasonMarker())) { Shift = e.Shift },
        Intents.Pending => new ChatCommand.Pending(),
        Intents.Decide => new ChatCommand.Decide(e.Code, e.Decision != Verdict.Reject, Target(text.Key),
            e.Decision == Verdict.Reject ? After(text, ReasonMarker()) ?? After(text, RejectReason()) : null),
        Intents.Summary => new ChatCommand.Summary(),
        Intents.Urge => new ChatCommand.Urge(e.Code, e.Person),
        Intents.Export => Roster().IsMatch(text.Key) ? new ChatCommand.ExportRoster() : new ChatCommand.ExportLedger(),
        Intents.Report => new ChatCommand.DraftReport(null),
        Intents.Cancel => new ChatCommand.Cancel(),
        Intents.Confirm => new ChatCommand.Confirm(),
        Intents.Decline => new ChatCommand.Decline(),
        Intents.Withdraw => new ChatCommand.Withdraw(),
        _ => new ChatCommand.Unknown(text.Text),
    };

    private static DecisionTarget? Target(string key) =>
        ExtensionWords().IsMatch(key) ? DecisionTarget.Extension : WriteOffWords().IsMatch(key) ? DecisionTarget.WriteOff : null;

    /// <summary>
    /// The note of a progress report or write-off: the message without its code, percent and done words, if
    /// something of substance is left; else null, and the flow asks what was done.
    /// </summary>
    internal static string? Note(NormalizedText text, MessageEntities e)
    {
        var (_, masked) = EntityExtractor.FindCode(text.Key);
        var kept = new char[text.Text.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = masked[i] == EntityExtractor.CodeMark ? ' ' : text.Text[i];
        }
        var note = Filler().Replace(NotNote().Replace(new string(kept), " "), " ");
        note = Spaces().Replace(note, " ").Trim(' ', ',', '，', '。', '.', '、', ';', '；', ':', '：', '!', '！', '~');
        return Substance().Count(note) >= 4 ? note : null;
    }

    private static string? After(NormalizedText text, Regex marker)
    {
        var match = marker.Match(text.Key);
        if (!match.Success)
        {
            return null;
        }
        var rest = text.Text[(match.Index + match.Length)..].Trim(' ', ',', '，', '。', '.', ':', '：', '、');
        return rest.Length > 0 ? rest : null;
    }

    [GeneratedRegex(@"再见|拜拜|回头见|先这样|\bbye\b|goodbye|see you|good night|晚安")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"人员|名单|花名册|通讯录|roster|people list|staff list|contacts")]
    private static partial Regex Roster();

    [GeneratedRegex(@"延期|延长|宽限|展期|推迟|extension|extend|deadline")]
    private static partial Regex ExtensionWords();

    [GeneratedRegex(@"销号|销项|write-?off|close|closing")]
    private static partial Regex WriteOffWords();

    [GeneratedRegex(@"因为|由于|原因是?|理由是?|主要是|\bbecause\b|\bsince\b|\bdue to\b|\breason:?|\bas we\b")]
    private static partial Regex ReasonMarker();

    [GeneratedRegex(@"(?:驳回|不同意|退回|打回|不批准?|\breject(?:ed)?\b|\bdeny\b|\bsend (?:it )?back\b)[^,，。.:：]*[,，。.:：]")]
    private static partial Regex RejectReason();

    // What a note is not: percents, fractions, done words, and the words that only say "this is a progress report".
    [GeneratedRegex(@"\d{1,3}\s*(?:%|％|percent|pct)|百分之[零〇一二两三四五六七八九十百]+|[一二三四五六七八九十]成|[二三四五六七八九十]分之[一二三四五六七八九]|(?:完成了?|做了?|搞定了?|弄了?)?(?:一半|过半|大半)了?|已经?(?:全部|基本)?(?:完成|完工|办结|整改到位|做完|弄完)了?|(?:全部|基本)?完成了|搞定了?|整改到位了?|(?:报告|汇报|更新|报一下|说一下)?(?:一下)?(?:进度|进展)(?:为|是|到了?|情况)?|申请销号|销号|\b(?:finished|done|completed?|progress(?: is| at| to)?|update:?|report:?|write off|close)\b|\bhalf ?way\b|\babout\b")]
    private static partial Regex NotNote();

    [GeneratedRegex(@"^(?:\s*(?:那个|这个|我的|我|的|了|吧|啊|哈|呢|嗯|已经|目前|现在|任务|事项|请|麻烦|帮我|please|the|my|task|item|is|it's|now|so far|already)\s*)+")]
    private static partial Regex Filler();

    [GeneratedRegex(@"[\u4e00-\u9fff]|[a-zA-Z]{3,}")]
    private static partial Regex Substance();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
