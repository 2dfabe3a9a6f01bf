using System.Globalization;
using Microsoft.Extensions.Options;
using Rectification.Bot.Cards;
using Rectification.Bot.Conversation.Files;
using Rectification.Bot.Conversation.Flows;
using Rectification.Bot.Conversation.Understanding;
using Rectification.Bot.Hosting;
using Rectification.Bot.Reminders;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation;

/// <summary>
/// One chat turn, from a message of a known person to what the bot answers: picks the command (typed or a card
/// submit), answers queries within the person's role scope, runs the flows and carries out what they ask for.
/// A flow in progress is never dropped unseen: a question is answered and the flow's question asked again, and a
/// second report asks whether to keep the first. Knows nothing of Teams: the handler at the edge turns the
/// response into activities.
/// </summary>
public sealed partial class ChatEngine(
    LedgerQueries queries,
    LedgerChanges changes,
    PeopleRepository people,
    LedgerCalendar calendar,
    CommandParser parser,
    ReminderActions reminderActions,
    FollowUpActions followUp,
    ConversationReferences references,
    ChatFiles files,
    Understander understander,
    LedgerNamesSource names,
    IOptions<LedgerOptions> options)
{
    /// <summary>How long after viewing a task a bare "80%" still reports on it.</summary>
    private static readonly TimeSpan ViewedWindow = TimeSpan.FromMinutes(30);

    private readonly FlowSteps _flows = new(parser);

    private int DueSoonDays => options.Value.DueSoonDays;

    /// <summary>
    /// The language of the reply: the message's own (Chinese or English words), else the flow's, else the one the
    /// person last wrote in, else the Teams client's locale.
    /// </summary>
    private UiText LanguageOf(ChatRequest request, FlowState? state) =>
        UiText.For(parser.DetectLanguage(request.Text) ?? state?.Locale ?? request.Person.Language ?? request.Locale);

    /// <summary>One turn: typed text goes through the understanding stage first (sentences, not only commands).</summary>
    public async Task<ChatResponse> HandleAsync(ChatRequest request, FlowState? saved, CancellationToken cancellationToken)
    {
        ChatCommand? understood = null;
        if (request.Submit is null && !string.IsNullOrWhiteSpace(request.Text))
        {
            var person = request.Person;
            var role = person.IsAdmin ? SenderRole.Admin : person.IsLeader ? SenderRole.Leader : SenderRole.Officer;
            var context = new UnderstandingContext(calendar.Today(request.Now), role, await names.GetAsync(cancellationToken),
                InFlow: saved is { Idle: false });
            understood = understander.Understand(request.Text, context).Command;
        }
        return await HandleAsync(request, saved, understood, cancellationToken);
    }

    /// <summary>
    /// One turn; <paramref name="understood"/> is what an understanding stage made of the typed text (null: the
    /// command parser reads it). Card submits are always read from the card.
    /// </summary>
    public async Task<ChatResponse> HandleAsync(ChatRequest request, FlowState? saved, ChatCommand? understood, CancellationToken cancellationToken)
    {
        // An idle state only remembers the task just viewed; it is good for the next message only.
        var viewed = saved is { Idle: true, ViewedCode: { } code, ViewedAt: { } at } && request.Now - at <= ViewedWindow ? code : null;
        var state = saved is { Idle: true } ? null : saved;
        var t = LanguageOf(request, state);
        var today = calendar.Today(request.Now);
        if (parser.DetectLanguage(request.Text) is { } written && written != request.Person.Language)
        {
            await people.SetLanguageAsync(request.Person.Id, written, cancellationToken);
        }

        if (request.Submit is { } submit)
        {
            switch (submit.Action)
            {
                case "more":
                    return ChatResponse.Say(state, await MoreAsync(t, request, submit, today, cancellationToken));
                case TaskCards.HistoryAction:
                    return ChatResponse.Say(state, await EarlierHistoryAsync(t, request, submit, today, cancellationToken));
                case "decide_writeoff":
                case "decide_extension":
                    return await DecideCardAsync(t, request, submit, state, cancellationToken);
                case ChatFiles.GetEvidenceAction:
                    return ChatResponse.Say(state, await files.GetEvidenceAsync(t, request.Person, submit["id"], cancellationToken));
                case ChatFiles.ConfirmImportAction:
                    return ChatResponse.Say(state, await files.ConfirmImportAsync(t, request.Person, submit, request.Now, cancellationToken));
                case ReminderActions.SnoozeAction:
                case ReminderActions.AcknowledgeAction:
                    return ChatResponse.Say(state, [.. await reminderActions.HandleAsync(request.Person, submit, request.Now, t, cancellationToken)]);
                case var action when FollowUpActions.Handles(action):
                    return (await followUp.HandleAsync(t, request.Person, submit, request.Now, cancellationToken)) with { NextState = state };
            }
        }

        var command = request.Submit is { } card ? FromCard(card) : understood ?? parser.Parse(request.Text, today);
        (command, var filesDone) = await files.InterpretAsync(t, request, state, command, cancellationToken);
        if (filesDone is not null)
        {
            return filesDone;
        }
        if (request.Submit is { Action: "confirm" or "cancel" } pressed && pressed["flow"] is { } flowId && flowId != state?.FlowId)
        {
            // A button on an older card: its flow is over or was replaced, and must not confirm or cancel the current one.
            return ChatResponse.Say(state, new Reply.Text(t.CardOutOfDate));
        }
        return state is null
            ? await OutOfFlowAsync(t, request, command, viewed, today, cancellationToken)
            : await InFlowAsync(t, request, state, command, today, cancellationToken);
    }

    private async Task<ChatResponse> OutOfFlowAsync(UiText t, ChatRequest request, ChatCommand command, string? viewed, DateOnly today, CancellationToken cancellationToken)
    {
        if (viewed is not null)
        {
            command = WithCode(command, viewed);
        }
        if (FlowSteps.Start(command, NewFlowId()) is not { } started)
        {
            return await AnswerAsync(t, request, command, today, cancellationToken);
        }
        if (await ApprovalInsteadAsync(t, request.Person, command, cancellationToken) is { } approval)
        {
            return ChatResponse.Say(null, approval);
        }
        return await StartFlowAsync(t, request, started, command, today, cancellationToken);
    }

    /// <summary>"80%" or 申请销号 right after looking at a task: the task is the one just viewed.</summary>
    private static ChatCommand WithCode(ChatCommand command, string code) => command switch
    {
        ChatCommand.ReportProgress { Code: null } r => r with { Code = code },
        ChatCommand.RequestWriteOff { Code: null } w => w with { Code = code },
        ChatCommand.RequestExtension { Code: null } e => e with { Code = code },
        _ => command,
    };

    /// <summary>A question or an action of its own, outside any flow (or between the questions of one).</summary>
    private async Task<ChatResponse> AnswerAsync(UiText t, ChatRequest request, ChatCommand command, DateOnly today, CancellationToken cancellationToken)
    {
        var person = request.Person;
        switch (command)
        {
            case ChatCommand.TaskDetail d:
            {
                var (reply, visible) = await DetailAsync(t, person, d.Code, today, cancellationToken);
                return ChatResponse.Say(visible ? FlowState.Viewed(d.Code, request.Now) : null,
                    [reply, .. visible ? await files.EvidenceListAsync(t, person, d.Code, cancellationToken) : []]);
            }
            case ChatCommand.Decide { Code: null } when !person.IsLeader && !person.IsAdmin:
                // An officer's bare 同意 is a yes to nothing, not a decision they may not take.
                return ChatResponse.Say(null, new Reply.Text(t.NothingToConfirm));
            case ChatCommand.Decide decide:
                return await DecideTypedAsync(t, request, decide, cancellationToken);
            case ChatCommand.Urge urge:
                return await UrgeAsync(t, request, urge, today, cancellationToken);
            case ChatCommand.Unclear unclear:
                return ChatResponse.Say(null, FlowCards.Suggestions(t, unclear.Suggestions.Count > 0 ? unclear.Suggestions : DefaultSuggestions(person, null)));
            case ChatCommand.Unknown unknown:
                // Never a dead end: the likeliest things this person does, as buttons.
                return ChatResponse.Say(null, FlowCards.Suggestions(t, DefaultSuggestions(person, parser.FindCode(unknown.Text))));
        }
        var replies = command switch
        {
            ChatCommand.Help => [new Reply.Text(t.Help(person.IsLeader, person.IsAdmin))],
            ChatCommand.MyTasks => [await ListAsync(t, person, "mine", null, 0, today, cancellationToken)],
            ChatCommand.DueSoon => [await ListAsync(t, person, "due", null, 0, today, cancellationToken)],
            ChatCommand.Overdue o => [await ListAsync(t, person, "overdue", o.Filter, 0, today, cancellationToken)],
            ChatCommand.PickTask => [await PickAsync(t, person, today, cancellationToken)],
            ChatCommand.Summary => [await SummaryAsync(t, person, today, cancellationToken), .. await followUp.SummaryAsync(t, person, cancellationToken)],
            ChatCommand.Pending => [.. await PendingAsync(t, person, cancellationToken)],
            ChatCommand.Withdraw => [await WithdrawAsync(t, request, cancellationToken)],
            ChatCommand.Greeting => [new Reply.Text(t.Greeting(person.Name, person.IsLeader, person.IsAdmin))],
            ChatCommand.Thanks => [new Reply.Text(t.ThanksReply)],
            ChatCommand.Goodbye => [new Reply.Text(t.GoodbyeReply)],
            ChatCommand.ExportLedger or ChatCommand.DraftReport or ChatCommand.ExportRoster => [await files.ProduceAsync(t, person, command, request.Now, cancellationToken)],
            ChatCommand.FollowUp => [await followUp.ListAsync(t, person, today, cancellationToken)],
            ChatCommand.Continue => [new Reply.Text(t.NothingToContinue)],
            ChatCommand.Cancel => [new Reply.Text(t.NothingToCancel)],
            ChatCommand.Confirm or ChatCommand.Decline => [new Reply.Text(t.NothingToConfirm)],
            ChatCommand.InvalidInput invalid => [new Reply.Text(t.Invalid(invalid.Reason, invalid.Detail))],
            _ => new Reply[] { FlowCards.Suggestions(t, DefaultSuggestions(person, null)) },
        };
        return ChatResponse.Say(null, replies);
    }

    private static IReadOnlyList<Suggestion> DefaultSuggestions(Person person, string? code) =>
        code is not null
            ? [new Suggestion("task_detail", code), new Suggestion(person.IsLeader && !person.IsAdmin ? "urge" : "report_progress", code), new Suggestion("help")]
            : person.IsLeader || person.IsAdmin
                ? [new Suggestion("overdue"), new Suggestion("pending"), new Suggestion("help")]
                : [new Suggestion("my_tasks"), new Suggestion("report_progress"), new Suggestion("help")];

    private static string NewFlowId() => Guid.NewGuid().ToString("N");

    /// <summary>A card submit becomes the same command typed text would: one flow code for both.</summary>
    private ChatCommand FromCard(CardSubmit submit) => submit.Action switch
    {
        "confirm" => new ChatCommand.Confirm(),
        "cancel" => new ChatCommand.Cancel(),
        "continue" => new ChatCommand.Continue(),
        "pick" when submit["code"] is { } code => new ChatCommand.TaskDetail(code),
        "progress_start" => new ChatCommand.ReportProgress(submit["code"], null, null, null),
        "writeoff_start" => new ChatCommand.RequestWriteOff(submit["code"], null),
        "extension_start" => new ChatCommand.RequestExtension(submit["code"], null, null),
        "urge" => new ChatCommand.Urge(submit["code"], null),
        "suggest" => FromSuggestion(submit["intent"], submit["code"]),
        "progress" => FromProgressForm(submit),
        _ => new ChatCommand.Unknown(submit.Action),
    };

    /// <summary>A suggestion button does what its intent names, on its task when it has one.</summary>
    private static ChatCommand FromSuggestion(string? intent, string? code) => intent switch
    {
        "greeting" => new ChatCommand.Greeting(),
        "thanks" => new ChatCommand.Thanks(),
        "my_tasks" => new ChatCommand.MyTasks(),
        "due_soon" => new ChatCommand.DueSoon(),
        "overdue" => new ChatCommand.Overdue(null),
        "task_detail" => code is null ? new ChatCommand.PickTask() : new ChatCommand.TaskDetail(code),
        "report_progress" => new ChatCommand.ReportProgress(code, null, null, null),
        "write_off" => new ChatCommand.RequestWriteOff(code, null),
        "extend" => new ChatCommand.RequestExtension(code, null, null),
        "pending" or "decide" => new ChatCommand.Pending(),
        "summary" => new ChatCommand.Summary(),
        "urge" => new ChatCommand.Urge(code, null),
        "export" => new ChatCommand.ExportLedger(),
        "report" => new ChatCommand.DraftReport(null),
        "withdraw" => new ChatCommand.Withdraw(),
        "cancel" => new ChatCommand.Cancel(),
        "confirm" => new ChatCommand.Confirm(),
        "decline" => new ChatCommand.Decline(),
        _ => new ChatCommand.Help(),
    };

    private ChatCommand FromProgressForm(CardSubmit submit)
    {
        int? percent = null;
        if (submit["percent"] is { } text)
        {
            if (!parser.TryParsePercent(text, out var value) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
            {
                return new ChatCommand.InvalidInput(InvalidInputReason.PercentNotWhole, text);
            }
            if (!CommandParser.IsPercentInRange(value))
            {
                return new ChatCommand.InvalidInput(InvalidInputReason.PercentOutOfRange, text);
            }
            percent = value;
        }
        var note = submit["note"];
        if (note is { Length: > 2000 })
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.TooLong);
        }
        return new ChatCommand.ReportProgress(submit["code"], percent, percent == 100 ? RectificationStatus.Done : null, note);
    }

    private static TaskScope RoleScope(Person person) =>
        person.IsAdmin ? TaskScope.Everything : person.IsLeader ? new TaskScope.Leader(person.Id) : new TaskScope.Officer(person.Id);
}
