using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The ledger's department and person names for the entity extractor, read at most once a minute: names change
/// by import, not by the second, and a turn must not read the whole roster.
/// </summary>
public sealed class LedgerNamesSource(LedgerQueries queries, PeopleRepository people, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private (LedgerNames Names, DateTimeOffset ReadAt)? _cached;

    public async Task<LedgerNames> GetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cached is { } cached && now - cached.ReadAt < MaxAge)
        {
            return cached.Names;
        }
        var departments = (await queries.FindDepartmentsAsync("", cancellationToken)).Select(d => d.Name).ToList();
        var persons = (await people.ListAsync(cancellationToken)).Select(p => NamedPerson.From(p.Name, p.Email)).ToList();
        var names = new LedgerNames(departments, persons);
        _cached = (names, now);
        return names;
    }
}
