using Rectification.Data.Ledger;

namespace Rectification.Bot.Reminders;

/// <summary>
/// Decides, from a snapshot of the ledger and an instant, which digests are due. Pure: no clock, no database,
/// no sending; the scheduler calls <see cref="Plan"/> on every tick and hands the result to the outbox, whose
/// uniqueness on <see cref="PlannedReminder.SlotKey"/> is what makes every digest go out at most once.
/// <para>
/// When. Each person has one slot per kind per local day, in their own zone (the default zone unless they have
/// one). A slot is open from SendTime on a working day until the quiet hours begin: nothing is planned before
/// SendTime, during the quiet hours, or on a weekend or holiday of the calendar (applied to the person's date).
/// Within an open slot every tick plans the same digests, and the outbox keeps the first.
/// </para>
/// <para>
/// Catch-up. Downtime earlier today costs nothing: the slot is still open and goes out on the next tick.
/// Once today's slot is open, a kind with nothing for today falls back to the previous working day's slot of that
/// kind (its own key, so it goes out only if the outbox never took it); a kind with something today supersedes
/// the older slot, which is never planned again. Nothing older than the previous working day is caught up.
/// Item statuses always come from the current snapshot, so a caught-up digest never lists closed items, and a
/// caught-up before-deadline digest drops the items that are overdue by now.
/// </para>
/// <para>
/// What. Deadlines are the ledger's: a due date ends with its day in the ledger zone, an item is overdue when its
/// due date is before the ledger's today, and digests count days as of the slot's start. Done and written-off
/// items get nothing. For the officers of an open item:
/// DueSoon/DueToday on each BeforeDeadlineDays offset; an offset landing on a non-working day moves to the
/// previous working day (reminding early beats reminding late), so several offsets may share a day, and the item
/// is then listed once, under DueToday only if the deadline is that very day.
/// Overdue on every working day while overdue (or only the first, if OverdueEveryWorkingDay is off).
/// Stale when the last progress is StaleAfterDays days old, and every as many days after, moved forward to a
/// working day; overdue and ongoing items are left to their own digests.
/// OngoingCheckIn for ongoing (长期坚持) items on the first working day on or after OngoingCheckInDayOfMonth.
/// Escalation: LeaderYellow to the leaders supervising the lead department once an item is LeaderAfterWorkingDays
/// working days overdue (the due date's following working day is day 1), AdminRed to every admin from
/// AdminsAfterWorkingDays on; both daily on working days while it lasts, red items also staying on the yellow list.
/// </para>
/// <para>
/// Who. One digest per person, kind and slot, listing all its items. A person without a conversation reference
/// gets nothing planned; instead the admins' digest lists them with the kinds they miss today, and an admin digest
/// goes out when it has red items or unreachable people. A snoozed person gets nothing until the snooze ends; an
/// acknowledged slot key is not planned again.
/// </para>
/// <para>
/// 回头看. Recheck to the leaders supervising a due item's lead department (the admins when nobody supervises it),
/// on the first working day it is due and every FollowUp:RepeatEveryDays after while nobody has answered, listing
/// every 回头看 of theirs still due (see <see cref="FollowUpPolicy"/>).
/// </para>
/// </summary>
public sealed class ReminderPolicy
{
    private static readonly ReminderKind[] Kinds = Enum.GetValues<ReminderKind>();

    private readonly ReminderOptions _options;
    private readonly WorkingDayCalendar _calendar;
    private readonly LedgerCalendar _ledger;
    private readonly ReminderRules _rules;
    private readonly TimeZoneInfo _defaultZone;
    private readonly FollowUpPolicy _followUp;

    public ReminderPolicy(ReminderOptions options, WorkingDayCalendar calendar, LedgerCalendar ledger, FollowUpPolicy? followUp = null)
    {
        _followUp = followUp ?? new FollowUpPolicy(new FollowUpOptions(), calendar);
        _options = options;
        _calendar = calendar;
        _ledger = ledger;
        _rules = new ReminderRules(options, calendar, ledger);
        _defaultZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>
    /// Linear in tasks plus people: the tasks are sorted once, each slot day (in practice today and the previous
    /// working day, per zone) is indexed once, and each person's digests are look-ups in those indexes.
    /// </summary>
    public IReadOnlyList<PlannedReminder> Plan(ReminderSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var plan = new List<PlannedReminder>();
        if (!_options.Enabled)
        {
            return plan;
        }
        var run = new PlanRun(this, snapshot);
        foreach (var person in snapshot.People.OrderBy(p => p.Id))
        {
            if (!person.HasConversationReference || (person.SnoozedUntil is { } until && now < until))
            {
                continue;
            }
            var zone = ZoneOf(person);
            if (!SlotOpen(zone, now))
            {
                continue;
            }
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
            var current = run.Digests(person, today, zone);
            Dictionary<ReminderKind, Digest>? previous = null;
            foreach (var kind in Kinds)
            {
                if (current.TryGetValue(kind, out var digest))
                {
                    AddUnlessAcknowledged(plan, person, kind, digest, isCatchUp: false);
                    continue;
                }
                previous ??= run.Digests(person, _calendar.PreviousWorkingDay(today), zone);
                if (previous.TryGetValue(kind, out var missed) && StillDue(kind, missed, now) is { } late)
                {
                    AddUnlessAcknowledged(plan, person, kind, late, isCatchUp: true);
                }
            }
        }
        return plan;
    }

    /// <summary>
    /// Whether anybody in these zones (null: the default) could get a digest at <paramref name="now"/>: the test
    /// <see cref="Plan"/> applies to every person before anything else. When it is false the plan is empty whatever
    /// the ledger holds, so the scheduler need not read the ledger at all: nights, weekends, holidays and the quiet
    /// hours cost no snapshot.
    /// </summary>
    public bool AnySlotOpen(IEnumerable<string?> zones, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return _options.Enabled && zones.Append(null).Select(ZoneOf).Distinct().Any(zone => SlotOpen(zone, now));
    }

    private bool SlotOpen(TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return _calendar.IsWorkingDay(DateOnly.FromDateTime(local)) && time >= _options.SendTime && !_options.IsQuiet(time);
    }

    /// <summary>The items whose 回头看 is due at <paramref name="now"/>: a planned Recheck digest lists only those still due when it is sent.</summary>
    public IReadOnlySet<long> DueRechecks(ReminderSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _followUp.Due(snapshot.Rechecks, _ledger.Today(now)).Select(d => d.Item.TaskId).ToHashSet();
    }

    /// <summary>A late before-deadline digest drops the items that have meanwhile become overdue: the overdue digest has them.</summary>
    private Digest? StillDue(ReminderKind kind, Digest missed, DateTimeOffset now)
    {
        if (kind is not (ReminderKind.DueSoon or ReminderKind.DueToday))
        {
            return missed;
        }
        var today = _ledger.Today(now);
        var items = missed.Items.Where(i => i.DueDate >= today).ToList();
        return items.Count > 0 ? missed with { Items = items } : null;
    }

    private static void AddUnlessAcknowledged(List<PlannedReminder> plan, ReminderPerson person, ReminderKind kind, Digest digest, bool isCatchUp)
    {
        var key = PlannedReminder.KeyFor(person.Id, kind, digest.Date);
        if (!person.AcknowledgedSlotKeys.Contains(key))
        {
            plan.Add(new PlannedReminder(person.Id, kind, key, digest.Date, digest.Start, isCatchUp, digest.Items, digest.Unreachable));
        }
    }

    private sealed record Digest(DateOnly Date, DateTimeOffset Start, IReadOnlyList<ReminderItem> Items, IReadOnlyList<UnreachablePerson> Unreachable);

    /// <summary>One call of <see cref="Plan"/>: the sorted tasks, the day indexes and the unreachable lists, each computed once.</summary>
    private sealed class PlanRun(ReminderPolicy policy, ReminderSnapshot snapshot)
    {
        private readonly Dictionary<(DateOnly, string), ReminderDayIndex> _days = [];
        private readonly Dictionary<DateTimeOffset, IReadOnlyList<UnreachablePerson>> _unreachable = [];
        private readonly Dictionary<DateOnly, IReadOnlyList<DueRecheck>> _rechecks = [];
        private HashSet<long>? _supervised;
        private IReadOnlyList<ReminderTask>? _ordered;

        private IReadOnlyList<ReminderTask> Ordered => _ordered ??= Sort(snapshot.Tasks);

        /// <summary>Digest order: due date (none last), then code. Stable, like the LINQ sort it replaces, and cheaper at 100k.</summary>
        private static ReminderTask[] Sort(IReadOnlyList<ReminderTask> tasks)
        {
            var ordered = tasks.ToArray();
            var keys = new (int Due, string Code, int Position)[ordered.Length];
            for (var i = 0; i < ordered.Length; i++)
            {
                keys[i] = ((ordered[i].DueDate ?? DateOnly.MaxValue).DayNumber, ordered[i].Code, i);
            }
            Array.Sort(keys, ordered, Comparer<(int Due, string Code, int Position)>.Create(static (a, b) =>
            {
                var byDue = a.Due.CompareTo(b.Due);
                if (byDue != 0)
                {
                    return byDue;
                }
                var byCode = string.CompareOrdinal(a.Code, b.Code);
                return byCode != 0 ? byCode : a.Position.CompareTo(b.Position);
            }));
            return ordered;
        }

        private ReminderDayIndex Day(DateOnly date, TimeZoneInfo zone)
        {
            if (!_days.TryGetValue((date, zone.Id), out var day))
            {
                day = ReminderDayIndex.Build(Ordered, date, policy.SlotStart(date, zone), policy._rules);
                _days[(date, zone.Id)] = day;
            }
            return day;
        }

        /// <summary>Everything the person's slot on <paramref name="date"/> holds, kind by kind; empty kinds left out.</summary>
        public Dictionary<ReminderKind, Digest> Digests(ReminderPerson person, DateOnly date, TimeZoneInfo zone)
        {
            var day = Day(date, zone);
            var digests = new Dictionary<ReminderKind, Digest>();
            foreach (var (kind, items) in day.ItemsFor(person))
            {
                digests[kind] = new Digest(date, day.Start, items, []);
            }
            if (Rechecks(person, date) is { Count: > 0 } rechecks)
            {
                digests[ReminderKind.Recheck] = new Digest(date, day.Start, rechecks, []);
            }
            if (person.IsAdmin)
            {
                var unreachable = Unreachable(day.Start);
                if (unreachable.Count > 0)
                {
                    digests[ReminderKind.AdminRed] = digests.TryGetValue(ReminderKind.AdminRed, out var red)
                        ? red with { Unreachable = unreachable }
                        : new Digest(date, day.Start, [], unreachable);
                }
            }
            return digests;
        }

        /// <summary>The person's due 回头看 on <paramref name="date"/>, when at least one of them is to be asked that day.</summary>
        private IReadOnlyList<ReminderItem> Rechecks(ReminderPerson person, DateOnly date)
        {
            if (snapshot.Rechecks.Count == 0 || (!person.IsAdmin && person.SupervisedDepartmentIds.Count == 0))
            {
                return [];
            }
            if (!_rechecks.TryGetValue(date, out var due))
            {
                due = policy._followUp.Due(snapshot.Rechecks, date);
                _rechecks[date] = due;
            }
            _supervised ??= FollowUpPolicy.ReachablySupervised(snapshot.People);
            var mine = due.Where(d => FollowUpPolicy.IsAskedOf(d.Item, person, d.Item.LeadDepartmentId is { } department && _supervised.Contains(department))).ToList();
            if (!mine.Any(d => policy._followUp.AskOn(d, date)))
            {
                return [];
            }
            return [.. mine.Select(d => new ReminderItem(d.Item.TaskId, d.Item.Code, d.Item.Measure, d.DueOn, null, 0, null))];
        }

        /// <summary>People without a conversation reference who would have a digest on their own day at <paramref name="instant"/>; once per instant, shared by every admin.</summary>
        private IReadOnlyList<UnreachablePerson> Unreachable(DateTimeOffset instant)
        {
            if (_unreachable.TryGetValue(instant, out var cached))
            {
                return cached;
            }
            var unreachable = new List<UnreachablePerson>();
            foreach (var other in snapshot.People.Where(p => !p.HasConversationReference).OrderBy(p => p.Id))
            {
                var zone = policy.ZoneOf(other);
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
                if (!policy._calendar.IsWorkingDay(date))
                {
                    continue;
                }
                var missed = Day(date, zone).KindsFor(other);
                if (Rechecks(other, date).Count > 0)
                {
                    // A leader who cannot be asked for a 回头看 is named to the admins like any other unreachable recipient.
                    missed = [.. missed, ReminderKind.Recheck];
                }
                if (missed.Count > 0)
                {
                    unreachable.Add(new UnreachablePerson(other.Id, other.Name, missed));
                }
            }
            _unreachable[instant] = unreachable;
            return unreachable;
        }
    }

    private DateTimeOffset SlotStart(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(_options.SendTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private TimeZoneInfo ZoneOf(ReminderPerson person) => ZoneOf(person.TimeZone);

    private TimeZoneInfo ZoneOf(string? timeZone) =>
        timeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : _defaultZone;
}
