using System.Text.RegularExpressions;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>What the understanding stage needs to know besides the words.</summary>
public sealed record UnderstandingContext(DateOnly Today, SenderRole Role, LedgerNames Names, bool InFlow = false);

/// <summary>The reading of one message: the intent, how sure, the entities, and the command the engine acts on.</summary>
public sealed record Understanding(
    string Intent,
    float Confidence,
    MessageEntities Entities,
    ChatCommand Command,
    IReadOnlyList<IntentScore> Alternatives);

/// <summary>
/// Text in, (intent, confidence, entities) out. Two readers, precise one first:
/// <list type="number">
/// <item>the rule parser (<see cref="CommandParser"/>): the commands people type as commands (2-3-1 进度80% …, 逾期,
/// 同意1-2-3销号, buttons' words); when it recognises the message, that reading stands;</item>
/// <item>otherwise the classifier reads the sentence ("我手上还有哪些没完成的？", "what's on my plate?") and the
/// entity extractor fills the slots from anywhere in it.</item>
/// </list>
/// Below <see cref="MinimumConfidence"/> the reading is <see cref="ChatCommand.Unclear"/> with the likeliest
/// alternatives, so the person is offered choices, never a dead end. Plain C#: no Bot Framework types.
/// </summary>
public sealed partial class Understander(CommandParser parser, EntityExtractor extractor, IntentModel model)
{
    public const float MinimumConfidence = 0.3f;

    private static readonly TextNormalizer Normalizer = new();

    public Understanding Understand(string? text, UnderstandingContext context)
    {
        var rule = parser.Parse(text, context.Today);
        if (rule is ChatCommand.InvalidInput { Reason: InvalidInputReason.BadDate } bad && DatedExtension(text!, bad.Detail, context) is { } dated)
        {
            // "extend 1-4-1 to end of March", 延期到明年三月底: the rules' date parser knows the ledger's forms only;
            // when the recognizers read a date in the sentence, that is the deadline asked for.
            rule = dated;
        }
        if (rule is ChatCommand.InvalidInput)
        {
            return new Understanding(Intents.Unknown, 1f, MessageEntities.None, rule, []);
        }

        var key = Normalizer.Normalize(text).Key;
        var scores = model.Classifier.Classify(ClassifierInput.For(key, context.Role, context.Names));
        var ruled = Overruled(IntentOf(rule), scores[0]);
        var read = ruled ?? scores[0].Intent;
        var confidence = ruled is null ? scores[0].Score : 1f;
        var found = extractor.Extract(key, context.Today, context.Names, wantDate: read == Intents.Extend);
        var decision = found.Decision ?? (rule is ChatCommand.Decide ruledDecision ? (ruledDecision.Approve ? Verdict.Approve : Verdict.Reject) : null);
        // A rejection's reason may well ask something ("驳回1-2-2：照片是否为整改后拍摄？"): only the words before it count.
        var asked = rule is ChatCommand.Decide { Reason: { Length: > 0 } reason } ? key.Replace(Normalizer.Normalize(reason).Key, "", StringComparison.Ordinal) : key;
        var question = Question().IsMatch(asked);
        var intent = question && AsksAboutADecision(read, decision, context)
            // 4-1-1 延期批了没有, 1-2-3 可以销号吗, approved yet?: a leader asking, never a decision taken.
            ? found.Code is null ? Intents.Pending : Intents.TaskDetail
            : ByRole(read, decision, found.Code, key, context);
        if (intent is Intents.WriteOff or Intents.Extend && found.Code is not null && StatusQuestion().IsMatch(key))
        {
            // 1-2-3 销号了没, has 1-3-1 been written off: a question about the task, not a request.
            intent = Intents.TaskDetail;
        }
        var unclear = false;
        if (intent == Intents.Decide && (decision is null || (ruled is null && confidence < DecisionConfidence && !DecidesOnRequest(decision, found.Code, key, context))))
        {
            // A decision changes the ledger at once: it takes an explicit 同意 / 驳回 and the rules or a confident model.
            // Anything less ("不懂", "1-4-1 需要延期两个月" read as decide) is a question about the task or unclear.
            unclear = found.Code is null;
            intent = unclear ? Intents.Unknown : Intents.TaskDetail;
        }
        var entities = Relevant(intent, found with { Decision = decision });

        ChatCommand command;
        if (unclear)
        {
            command = Unclear(text!, scores, entities);
        }
        else if (ruled is not null && intent == read)
        {
            command = Refine(rule, entities);
        }
        else if (ruled is null && context.InFlow)
        {
            // In a flow, a sentence the rules do not know is the answer to the bot's question (a note, a reason):
            // the rules still catch a real change of subject (逾期, 帮助, a task code).
            command = rule;
        }
        else if (ruled is null && confidence < MinimumConfidence)
        {
            command = Unclear(text!, scores, entities);
        }
        else
        {
            command = UnderstandingCommands.From(intent, entities, Normalizer.Normalize(text));
        }
        return new Understanding(intent, confidence, entities, command, scores);
    }

    /// <summary>
    /// An extension request with the date the recognizers read in the words the rules could not (those after 到 / to);
    /// null when they read none there, when the rules knew the form but the day is impossible (2月30日 keeps its bad-date
    /// answer), or when the sentence asks rather than requests ("延期到明年三月底可以吗").
    /// </summary>
    private ChatCommand? DatedExtension(string text, string? fragment, UnderstandingContext context)
    {
        var normalized = Normalizer.Normalize(text);
        if (string.IsNullOrWhiteSpace(fragment) || Question().IsMatch(normalized.Key))
        {
            return null;
        }
        var words = Normalizer.Normalize(fragment).Key;
        if (ChatDateParser.MatchAtStart(words, context.Today) is not null)
        {
            return null;
        }
        var date = extractor.Extract(words, context.Today, context.Names, wantDate: true).Date;
        if (date is null)
        {
            return null;
        }
        var found = extractor.Extract(normalized.Key, context.Today, context.Names, wantDate: false) with { Date = date };
        return UnderstandingCommands.From(Intents.Extend, found, normalized);
    }

    /// <summary>
    /// The rules read a code next to 销号, 延期 or a status word as a request or a report; the model, which reads the
    /// whole sentence, knows "1-2-3 销号了没" and "has 1-3-1 been written off?" ask about the task, "延期申请有哪些待批"
    /// asks for the queue, and "4-1-1 done, please close it" asks for the write-off. Only a confident model overrules.
    /// </summary>
    private static string? Overruled(string? ruled, IntentScore model) => (ruled, model.Intent) switch
    {
        (Intents.WriteOff or Intents.Extend or Intents.ReportProgress, Intents.TaskDetail or Intents.Pending) when model.Score >= OverruleConfidence => null,
        (Intents.WriteOff or Intents.Extend or Intents.ReportProgress, Intents.Help) when model.Score >= OverruleConfidence => null,
        (Intents.ReportProgress, Intents.WriteOff) when model.Score >= OverruleConfidence => null,
        (Intents.Urge, Intents.Extend) when model.Score >= OverruleConfidence => null,
        _ => ruled,
    };

    private const float OverruleConfidence = 0.7f;

    [GeneratedRegex(@"^\s*(?:[,，、]\s*)?(?:就|只|还)差|^\s*(?:[,，]\s*)?except\b|^\s*or not\b|^\s*(?:yet|already)\s*\?|^[^。.!！?？]{0,12}?(?:就差|只差|还差|还剩|还需|还得|仍需|尚需|尚待|only need|still need|but still|apart from|other than|pending)", RegexOptions.IgnoreCase)]
    private static partial Regex StillMissing();

    [GeneratedRegex(@"(?:销号|销掉|延期|延上|批)(?:了)?(?:没有?|吗|么|没呢)|(?:has|have|is|was)\b.*\b(?:been )?(?:written off|closed|extended)\b.*(?:already|yet)?\s*\?")]
    private static partial Regex StatusQuestion();

    /// <summary>Decision words mean "decide" only from someone who decides, and never as the answer to the bot's own question.</summary>
    private static string ByRole(string intent, Verdict? decision, string? code, string key, UnderstandingContext context) => intent switch
    {
        Intents.Decide when context.InFlow && code is null => Intents.Confirm,
        Intents.Confirm when context.Role != SenderRole.Officer && !context.InFlow && decision is not null => Intents.Decide,
        // 4-2-1 销号通过 from a leader: a decision on the request, not a request of his own. Only when the decision word
        // stands with the request word: "销号材料已通过部门审核，请领导审批" or "销号要不要批准" decide nothing.
        Intents.WriteOff or Intents.Extend or Intents.TaskDetail when DecidesOnRequest(decision, code, key, context) => Intents.Decide,
        _ => intent,
    };

    /// <summary>
    /// A leader's or admin's decision word standing with a task's request word (1-3-2延期，同意; 3-2-2 延期申请准了;
    /// 刘洋的1-3-2延期，我看可以，批了): as explicit as 同意1-3-2延期, so it decides even where the model is unsure.
    /// </summary>
    private static bool DecidesOnRequest(Verdict? decision, string? code, string key, UnderstandingContext context) =>
        context.Role != SenderRole.Officer && !context.InFlow && decision is not null && code is not null && DecisionOnRequest().IsMatch(key);

    /// <summary>A question that would otherwise read as a decision: a decide reading, or a leader's request words with a decision word.</summary>
    private static bool AsksAboutADecision(string intent, Verdict? decision, UnderstandingContext context) =>
        intent == Intents.Decide
        || (intent is Intents.WriteOff or Intents.Extend or Intents.Confirm && context.Role != SenderRole.Officer && decision is not null);

    // The decision word next to the request word, either way round: 销号通过, 延期申请予以批准, 同意销号, 驳回其延期,
    // write-off approved, approve the extension.
    // Or the decision word ending the sentence a few words after the request word: 1-3-2延期，同意; 延期申请准了;
    // 延期的事同意了; 延期，我看可以，批了; "1-3-2 extension: approved". Not a decision to come: 延期等我看完材料再同意.
    [GeneratedRegex(@"(?:销号|延期|write[- ]?off|extension)(?:申请|request)?(?:(?!再|等|先|后|考虑|研究|商量|看看|讨论|if\b|once\b|after\b|when\b|later\b|will\b|would\b)[^。.!！?？;；]){0,10}?(?:不同意|不批准|不予批准|驳回|退回|不准|不批|不行|同意|批准|准予|准|批|通过|可以|approved|rejected|denied|granted|declined|ok)\s*(?:了|啦|吧|的)?\s*[。.!！~～]*\s*$|(?:销号|延期|write[- ]?off|extension)(?:申请|request)?\s*(?:已|予以|is |was )?\s*(?:通过|同意|批准|准予|驳回|不予?通过|不同意|不批准|退回|approved|rejected|denied|granted|declined)|(?:同意|批准|准予|驳回|不同意|不批准|退回|approve|reject|deny|grant|decline)\s*(?:其|该|the |this |his |her )?\s*(?:销号|延期|write[- ]?off|extension)")]
    private static partial Regex DecisionOnRequest();

    /// <summary>Below this a model's decide is not acted on: the rules' reading or a sure model only.</summary>
    private const float DecisionConfidence = 0.7f;

    // 了没 / 了吗 / 吗 / 么 / 是否 / 能不能 / ? ; "has 1-2-3 been approved", "was the extension granted".
    [GeneratedRegex(@"[?？]|了没|没批|吗|要不要|是不是|该不该|行不行|好不好|\b(?:should|shall|whether)\b|(?<![什怎这那多要])么|是否|能否|可否|能不能|可不可以|有没有|批没|^\s*(?:has|have|is|was|were|did|are)\b.*\b(?:approved|written off|closed|extended|granted|signed off|rejected)\b")]
    private static partial Regex Question();

    /// <summary>
    /// The slots an intent carries. A name or number that is only part of the wording ("请李明部长审批" in a
    /// write-off, "how many done" in a summary) is not what the message asks about.
    /// </summary>
    private static MessageEntities Relevant(string intent, MessageEntities entities) => entities with
    {
        Percent = intent is Intents.ReportProgress or Intents.WriteOff or Intents.Confirm or Intents.Decline or Intents.Withdraw
            ? entities.Percent : null,
        Done = intent is Intents.ReportProgress or Intents.WriteOff or Intents.Decline && entities.Done,
        Date = intent == Intents.Extend ? entities.Date : null,
        Department = intent is Intents.MyTasks or Intents.DueSoon or Intents.Overdue or Intents.Pending or Intents.Summary
            or Intents.Urge or Intents.Export or Intents.Report ? entities.Department : null,
        Person = intent is Intents.MyTasks or Intents.DueSoon or Intents.Overdue or Intents.TaskDetail or Intents.Pending
            or Intents.Decide or Intents.Urge or Intents.Summary ? entities.Person : null,
        Decision = intent == Intents.Decide ? entities.Decision : null,
        Shift = intent == Intents.Extend ? entities.Shift : null,
    };

    /// <summary>A rule reading keeps its own fields; the extractor adds what the rules do not look for (an urge's person, an overdue list's department).</summary>
    private static ChatCommand Refine(ChatCommand rule, MessageEntities entities) => rule switch
    {
        ChatCommand.Urge { Person: null } urge when entities.Person is not null => urge with { Person = entities.Person },
        ChatCommand.Urge { Code: null } urge when entities.Code is not null => urge with { Code = entities.Code },
        // 完成了，只差签字 / "done except for the sign-off": the rules read the done word, but something is still missing.
        ChatCommand.ReportProgress { Status: RectificationStatus.Done, Note: { } note } report when !entities.Done && StillMissing().IsMatch(note) =>
            report with { Status = null },
        // A length the rules read as a date from today ("by two weeks") or not at all (延期两周 left as the reason).
        ChatCommand.RequestExtension { Shift: null } extension when entities.Shift is not null && (extension.NewDate is null || extension.NewDate == entities.Date) =>
            extension with { Shift = entities.Shift, Reason = DeadlineShift.ReasonWithout(extension.Reason) },
        _ => rule,
    };

    private static ChatCommand Unclear(string text, IReadOnlyList<IntentScore> scores, MessageEntities entities)
    {
        var suggestions = scores.Where(s => s.Intent != Intents.Unknown).Take(3)
            .Select(s => new Suggestion(s.Intent, entities.Code)).ToList();
        if (suggestions.All(s => s.Intent != Intents.Help))
        {
            suggestions = [.. suggestions.Take(2), new Suggestion(Intents.Help)];
        }
        return new ChatCommand.Unclear(text, suggestions);
    }

    /// <summary>The intent a rule reading stands for; null when the rules did not recognise the message.</summary>
    public static string? IntentOf(ChatCommand command) => command switch
    {
        ChatCommand.Help => Intents.Help,
        ChatCommand.Greeting or ChatCommand.Goodbye => Intents.Greeting,
        ChatCommand.Thanks => Intents.Thanks,
        ChatCommand.MyTasks => Intents.MyTasks,
        ChatCommand.DueSoon => Intents.DueSoon,
        ChatCommand.Overdue => Intents.Overdue,
        ChatCommand.TaskDetail or ChatCommand.PickTask => Intents.TaskDetail,
        ChatCommand.ReportProgress => Intents.ReportProgress,
        ChatCommand.RequestWriteOff => Intents.WriteOff,
        ChatCommand.RequestExtension => Intents.Extend,
        ChatCommand.Pending => Intents.Pending,
        ChatCommand.Decide => Intents.Decide,
        ChatCommand.Summary => Intents.Summary,
        ChatCommand.Urge => Intents.Urge,
        ChatCommand.ExportLedger or ChatCommand.ExportRoster => Intents.Export,
        ChatCommand.DraftReport => Intents.Report,
        ChatCommand.Cancel => Intents.Cancel,
        ChatCommand.Confirm or ChatCommand.Continue => Intents.Confirm,
        ChatCommand.Decline => Intents.Decline,
        ChatCommand.Withdraw => Intents.Withdraw,
        ChatCommand.FollowUp => Intents.FollowUp,
        _ => null,
    };
}

/// <summary>The classifier trained on the whole corpus, once, on first use (or at start, off the request path).</summary>
public sealed class IntentModel
{
    /// <summary>One model per process: it is read-only once trained, and the tests' many hosts share it.</summary>
    public static readonly IntentModel Shared = new();

    private readonly Lazy<IntentClassifier> _classifier;

    public IntentModel()
        : this(IntentCorpus.All)
    {
    }

    /// <summary>A model of part of the corpus (the accuracy test trains on the train split only).</summary>
    public IntentModel(IEnumerable<CorpusExample> examples, string? cacheDirectory = null, bool useShipped = true) =>
        _classifier = new(() => IntentClassifier.LoadOrTrain(Featurised(examples), cacheDirectory ?? DefaultCache, useShipped));

    /// <summary>The examples as the classifier sees them (masked, with the role), for training and for the model's hash.</summary>
    public static IReadOnlyList<(string Features, string Intent)> Featurised(IEnumerable<CorpusExample> examples) =>
        examples.Select(e => (ClassifierInput.For(Fold(e.Text), RoleOf(e.As), CorpusNames.Value), e.Intent)).ToList();

    /// <summary>Where trained models are kept between starts: the machine's temporary folder (a cache, not data).</summary>
    public static string DefaultCache => Path.Combine(Path.GetTempPath(), "rectification-bot");

    /// <summary>Trains (or loads) the model now; the host calls it at start, off the request path.</summary>
    public void WarmUp() => _ = _classifier.Value;

    private static readonly TextNormalizer Normalizer = new();

    /// <summary>The names the corpus was written with (the demo ledger's), masked like live ledger names.</summary>
    private static readonly Lazy<LedgerNames> CorpusNames = new(() => IntentCorpus.Names);

    public IntentClassifier Classifier => _classifier.Value;

    public static string Fold(string text) => Normalizer.Normalize(text).Key;

    /// <summary>The role of a corpus line's sender: the demo ledger's leaders and admin by name.</summary>
    public static SenderRole RoleOf(string? name) => name switch
    {
        null => SenderRole.Officer,
        _ when IntentCorpus.Admins.Contains(name) => SenderRole.Admin,
        _ when IntentCorpus.Leaders.Contains(name) => SenderRole.Leader,
        _ => SenderRole.Officer,
    };
}
