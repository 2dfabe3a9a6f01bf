namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The names a message may mention, read from the ledger: departments and people. A person also answers to the
/// romanised name their email starts with (liu.yang@… → "liu yang", "yang liu", "liuyang"), which is how English
/// writers spell Chinese colleagues.
/// </summary>
public sealed record LedgerNames(IReadOnlyList<string> Departments, IReadOnlyList<NamedPerson> People)
{
    public static readonly LedgerNames Empty = new([], []);

    /// <summary>
    /// Each department with its folded name, in the ledger's order, folded once when the names are read: every
    /// message is matched against all of them (at 5,000 people and 200 departments, folding them per message was
    /// a tenth of a turn's CPU).
    /// </summary>
    internal IReadOnlyList<(string Name, string Folded)> FoldedDepartments { get; } =
        [.. Departments.Select(d => (d, TextNormalizer.Fold(d)))];

    /// <summary>The same, longest first, so a longer name is replaced before a shorter one inside it.</summary>
    internal IReadOnlyList<(string Name, string Folded)> FoldedDepartmentsLongestFirst { get; } =
        [.. Departments.Select(d => (d, TextNormalizer.Fold(d))).OrderByDescending(d => d.d.Length)];
}

public sealed record NamedPerson(string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>The name as folded messages spell it, folded once (see <see cref="LedgerNames.FoldedDepartments"/>).</summary>
    internal string Folded { get; } = TextNormalizer.Fold(Name);

    public static NamedPerson From(string name, string? email)
    {
        var aliases = new List<string>();
        if (email is not null && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at)
        {
            var parts = email[..at].ToLowerInvariant().Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length is 2 or 3 && parts.All(p => p.Length > 1 && p.All(char.IsAsciiLetter)))
            {
                aliases.Add(string.Join(' ', parts));
                aliases.Add(string.Join(' ', parts.Reverse()));
                aliases.Add(string.Concat(parts));
            }
        }
        return new NamedPerson(name, aliases);
    }
}
