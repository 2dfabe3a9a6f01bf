using Rectification.Data.Ledger;
using Rectification.Data.Report;

namespace Rectification.Bot.Report;

/// <summary>
/// A task as it stood at an instant, replayed from its history: progress updates (each carries the status and percent
/// after it), write-off decisions, approved extensions and 回头看 reopenings. The ledger row holds only the present;
/// this is what lets <c>report --as-of</c> print the figures an earlier report printed.
/// </summary>
public static class LedgerReplay
{
    /// <summary>The item at <paramref name="cutoff"/>; null when it was not yet in the ledger.</summary>
    public static ReportItem? At(TaskHistory history, DateTimeOffset cutoff, LedgerCalendar calendar)
    {
        if (history.CreatedAt > cutoff)
        {
            return null;
        }
        var task = history.Detail.Task;
        var rechecks = history.Rechecks.Where(r => r.CheckedAt <= cutoff).ToList();
        var events = new List<(DateTimeOffset At, int Order, Action<State> Apply)>();
        foreach (var update in history.Detail.Progress.Where(p => p.At <= cutoff))
        {
            events.Add((update.At, 0, s =>
            {
                s.Status = update.Status;
                s.Percent = update.Percent;
                s.Note = update.Note ?? s.Note;
            }));
        }
        foreach (var writeOff in history.Detail.WriteOffs.Where(w => w.DecidedAt is { } at && at <= cutoff))
        {
            events.Add((writeOff.DecidedAt!.Value, 1, s =>
            {
                if (writeOff.State == RequestState.Approved)
                {
                    s.Status = RectificationStatus.WrittenOff;
                    s.Percent = 100;
                    s.WrittenOffAt = writeOff.DecidedAt;
                }
                else if (s.Status == RectificationStatus.Done)
                {
                    s.Status = task.TimeLimit.Kind == TimeLimitKind.Ongoing ? RectificationStatus.Ongoing : RectificationStatus.InProgress;
                }
            }));
        }
        foreach (var recheck in rechecks.Where(r => r.Relapsed))
        {
            events.Add((recheck.CheckedAt, 2, s =>
            {
                s.Status = RectificationStatus.InProgress;
                s.Percent = 0;
                s.WrittenOffAt = null;
            }));
        }

        var state = new State { Status = task.TimeLimit.Kind == TimeLimitKind.Ongoing ? RectificationStatus.Ongoing : RectificationStatus.NotStarted };
        foreach (var (_, _, apply) in events.OrderBy(e => e.At).ThenBy(e => e.Order))
        {
            apply(state);
        }
        var (kind, due) = DeadlineAt(history, cutoff);
        var relapses = rechecks.Where(r => r.Relapsed).ToList();
        return new ReportItem(task.Code, task.Aspect, task.Problem, task.Measure, task.LeadDepartment, task.Leader, state.Status, state.Percent,
            state.Note, kind, due, state.WrittenOffAt is { } off ? calendar.Today(off) : null,
            rechecks.Count(r => !r.Relapsed), relapses.Count, relapses.LastOrDefault()?.Reason);
    }

    /// <summary>The item as it stands now, with the same shape as a replay.</summary>
    public static ReportItem Now(TaskHistory history, LedgerCalendar calendar)
    {
        var detail = history.Detail;
        var writtenOff = detail.Task.Status == RectificationStatus.WrittenOff
            ? detail.WriteOffs.LastOrDefault(w => w.State == RequestState.Approved)?.DecidedAt
            : null;
        var relapses = history.Rechecks.Where(r => r.Relapsed).ToList();
        return new ReportItem(detail.Task.Code, detail.Task.Aspect, detail.Task.Problem, detail.Task.Measure, detail.Task.LeadDepartment,
            detail.Task.Leader, detail.Task.Status, detail.Task.Percent, detail.ProgressNote, detail.Task.TimeLimit.Kind, detail.Task.DueDate,
            writtenOff is { } at ? calendar.Today(at) : null, history.Rechecks.Count(r => !r.Relapsed), relapses.Count, relapses.LastOrDefault()?.Reason);
    }

    /// <summary>
    /// The deadline in force at the cutoff: the last approved extension or reopening before it, else the deadline the
    /// first later change started from, else today's.
    /// </summary>
    private static (TimeLimitKind Kind, DateOnly? Due) DeadlineAt(TaskHistory history, DateTimeOffset cutoff)
    {
        var changes = history.Detail.Extensions
            .Where(e => e.State == RequestState.Approved && e.DecidedAt is not null)
            .Select(e => (At: e.DecidedAt!.Value, From: e.FromDate, To: (DateOnly?)e.ToDate, FromKind: (TimeLimitKind?)null))
            .Concat(history.Rechecks.Where(r => r.Relapsed).Select(r => (At: r.CheckedAt, From: r.PreviousDueDate, To: r.NewDueDate,
                FromKind: r.PreviousDueDate is null ? TimeLimitKind.Ongoing : (TimeLimitKind?)null)))
            .OrderBy(c => c.At)
            .ToList();
        var current = history.Detail.Task.TimeLimit;
        if (changes.Count == 0)
        {
            return (current.Kind, current.Date);
        }
        var last = changes.LastOrDefault(c => c.At <= cutoff);
        if (last.To is not null)
        {
            return (TimeLimitKind.Date, last.To);
        }
        var first = changes[0];
        if (first.FromKind is { } kind)
        {
            return (kind, first.From);
        }
        return (current.Kind == TimeLimitKind.Immediate ? TimeLimitKind.Immediate : TimeLimitKind.Date, first.From);
    }

    private sealed class State
    {
        public RectificationStatus Status { get; set; }
        public int Percent { get; set; }
        public string? Note { get; set; }
        public DateTimeOffset? WrittenOffAt { get; set; }
    }
}
