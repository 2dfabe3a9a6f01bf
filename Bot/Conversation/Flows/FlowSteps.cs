using Rectification.Bot.Cards;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation.Flows;

/// <summary>
/// The three conversation flows (progress report, write-off request, extension request) as plain functions of
/// (state, this turn's command, context) → (replies, next state, effect). One question at a time, only for
/// what is missing; nothing is written until the flow has everything (and, for progress, a confirmation).
/// </summary>
public sealed class FlowSteps(CommandParser parser)
{
    /// <summary>Starts a flow from a command that names it, or returns null when the command is not a flow.</summary>
    public static FlowState? Start(ChatCommand command, string flowId) => command switch
    {
        ChatCommand.ReportProgress r => new FlowState
        {
            Kind = FlowKind.Progress, FlowId = flowId, Code = r.Code, Percent = r.Percent, Done = r.Status == RectificationStatus.Done, Note = r.Note,
        },
        ChatCommand.RequestWriteOff w => new FlowState { Kind = FlowKind.WriteOff, FlowId = flowId, Code = w.Code, Note = w.Evidence },
        ChatCommand.RequestExtension e => Extension(e, flowId),
        _ => null,
    };

    private static FlowState Extension(ChatCommand.RequestExtension e, string flowId)
    {
        var state = new FlowState { Kind = FlowKind.Extension, FlowId = flowId, Code = e.Code, NewDate = e.NewDate, Note = e.Reason };
        state.Remember(e.Shift);
        return state;
    }

    /// <summary>The task code the flow will be working on after this turn's input, so the engine can look it up first.</summary>
    public string? CodeAfter(FlowState state, ChatCommand command)
    {
        if (state.Code is not null)
        {
            return state.Code;
        }
        return command switch
        {
            ChatCommand.Unknown u when parser.TryParseCode(u.Text, out var code) => code,
            ChatCommand.TaskDetail d => d.Code,
            ChatCommand.ReportProgress r => r.Code,
            _ => null,
        };
    }

    public FlowResult Next(FlowState current, ChatCommand command, FlowContext context)
    {
        var state = current.Copy();
        var t = context.T;
        var problem = Absorb(state, command, context);

        if (state.Code is not null && context.Access != TaskAccess.Ok)
        {
            var code = state.Code;
            state.Code = null;
            state.Step = FlowStep.Code;
            var reason = context.Access == TaskAccess.NotFound ? t.TaskNotFound(code) : t.NotYourTask(code);
            return FlowResult.Ask(state, new Reply.Text(reason), AskCode(context));
        }
        if (state.Code is null)
        {
            state.Step = FlowStep.Code;
            return FlowResult.Ask(state, Prefixed(problem, AskCode(context)));
        }

        var task = context.Task!;
        if (task.Status == RectificationStatus.WrittenOff)
        {
            return FlowResult.End(new Reply.Text(t.AlreadyWrittenOff(task.Code)));
        }
        return state.Kind switch
        {
            FlowKind.Progress => ProgressNext(state, task, problem, command, context),
            FlowKind.WriteOff => WriteOffNext(state, task, problem, context),
            _ => ExtensionNext(state, task, problem, context),
        };
    }

    private FlowResult ProgressNext(FlowState state, TaskSummary task, string? problem, ChatCommand command, FlowContext context)
    {
        var t = context.T;
        if (state.Percent is null && !state.Done)
        {
            state.Step = FlowStep.Percent;
            return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(t.AskPercent(task.Code, task.Measure, task.Percent))));
        }
        if (state.Note is null)
        {
            state.Step = FlowStep.Note;
            return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(t.AskNote(task.Code))));
        }
        // A correction typed at the confirmation ("改成90%") shows the card again with the new values.
        if (state.Step == FlowStep.Confirm && command is not (ChatCommand.ReportProgress or ChatCommand.Continue))
        {
            switch (command)
            {
                case ChatCommand.Confirm:
                    return new FlowResult([], null, new FlowEffect.SaveProgress(task, state.Percent, state.Done, state.Note.Length == 0 ? null : state.Note, $"progress:{state.FlowId}"));
                case ChatCommand.Decline:
                    return FlowResult.End(new Reply.Text(t.Cancelled));
                default:
                    return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(t.ConfirmOrCancel)));
            }
        }
        state.Step = FlowStep.Confirm;
        var percent = state.Done ? 100 : state.Percent!.Value;
        return FlowResult.Ask(state, Prefixed(problem, TaskCards.ConfirmProgress(t, task, percent, state.Done || percent == 100, state.Note, state.FlowId)));
    }

    private static FlowResult WriteOffNext(FlowState state, TaskSummary task, string? problem, FlowContext context)
    {
        if (string.IsNullOrWhiteSpace(state.Note))
        {
            state.Step = FlowStep.Evidence;
            return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(context.T.AskEvidenceOrFile(task.Code, task.Measure))));
        }
        return new FlowResult([], null, new FlowEffect.RequestWriteOff(task, state.Note));
    }

    private static FlowResult ExtensionNext(FlowState state, TaskSummary task, string? problem, FlowContext context)
    {
        var t = context.T;
        if (task.TimeLimit.Kind == TimeLimitKind.Ongoing)
        {
            return FlowResult.End(new Reply.Text(t.OngoingHasNoDeadline(task.Code)));
        }
        if (state.TakeShift() is { } shift)
        {
            // 延期两周: two weeks past the deadline it extends (or past today, when that deadline has gone). Understanding
            // keeps a shift only where no other date was named.
            state.NewDate = shift.Apply(task.DueDate, context.Today);
        }
        if (state.NewDate is { } date && (date <= context.Today || (task.DueDate is { } due && date <= due)))
        {
            state.NewDate = null;
            problem = t.DateNotLater(date, task.DueDate, context.Today);
        }
        if (state.NewDate is null)
        {
            state.Step = FlowStep.Date;
            return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(t.AskNewDate(task.Code, task.DueDate))));
        }
        if (string.IsNullOrWhiteSpace(state.Note))
        {
            state.Step = FlowStep.Reason;
            return FlowResult.Ask(state, Prefixed(problem, new Reply.Text(t.AskReason(task.Code))));
        }
        return new FlowResult([], null, new FlowEffect.RequestExtension(task, state.NewDate.Value, state.Note));
    }

    /// <summary>Takes this turn's input as the answer to the question asked; returns what was wrong with it, if anything.</summary>
    private string? Absorb(FlowState state, ChatCommand command, FlowContext context)
    {
        var t = context.T;
        switch (command)
        {
            case ChatCommand.ReportProgress r when state.Kind == FlowKind.Progress:
                // Done words are a status, not the note; but when they are the whole answer to "what was done?",
                // nothing else was said and they are the note as well.
                var onlyStatus = state.Step == FlowStep.Note && state.Note is null && r is { Code: null, Percent: null, Note: null };
                state.Code ??= r.Code;
                state.Percent = r.Percent ?? state.Percent;
                state.Done |= r.Status == RectificationStatus.Done;
                state.Note = r.Note ?? (onlyStatus && !string.IsNullOrWhiteSpace(context.Said) ? context.Said.Trim() : state.Note);
                return null;
            case ChatCommand.InvalidInput invalid:
                return t.Invalid(invalid.Reason, invalid.Detail);
            case ChatCommand.TaskDetail d when state.Step == FlowStep.Code:
                state.Code = d.Code;
                return null;
        }
        if (command is not ChatCommand.Unknown { Text: var text })
        {
            return null;
        }
        switch (state.Step)
        {
            case FlowStep.Code:
                if (parser.TryParseCode(text, out var code))
                {
                    state.Code = code;
                    return null;
                }
                return t.NotACode(text);
            case FlowStep.Percent:
                if (parser.TryParseStatus(text, out var status) && status == RectificationStatus.Done)
                {
                    state.Done = true;
                    return null;
                }
                if (parser.TryParsePercent(text, out var percent))
                {
                    if (!CommandParser.IsPercentInRange(percent))
                    {
                        return t.Invalid(InvalidInputReason.PercentOutOfRange, text);
                    }
                    state.Percent = percent;
                    return null;
                }
                return t.NotAPercent(text);
            case FlowStep.Note:
                state.Note = parser.SaysNothing(text) ? "" : text;
                return null;
            case FlowStep.Evidence:
            case FlowStep.Reason:
                state.Note = text;
                return null;
            case FlowStep.Date:
                var parsed = ChatDateParser.Parse(text, context.Today);
                if (parsed.Date is { } date)
                {
                    state.NewDate = date;
                    return null;
                }
                if (DeadlineShift.FindWhole(TextNormalizer.Fold(text)) is { } shift)
                {
                    // "两周" / "再给一个月" as the whole answer to "what new deadline?": counted from the deadline, in ExtensionNext.
                    state.Remember(shift);
                    return null;
                }
                if (HolidayDates.Find(TextNormalizer.Fold(text), context.Today) is { } holiday)
                {
                    // 春节前 / 国庆节前 as the answer: the day before the next such holiday.
                    state.NewDate = holiday;
                    return null;
                }
                return t.Invalid(InvalidInputReason.BadDate, text);
            default:
                return null;
        }
    }

    private static Reply AskCode(FlowContext context) => context.MyTasks.Count == 0
        ? new Reply.Text(context.T.AskCodeNoTasks)
        : TaskCards.PickTask(context.T, context.MyTasks, context.Today);

    private static Reply[] Prefixed(string? problem, Reply ask) => problem is null ? [ask] : [new Reply.Text(problem), ask];
}
