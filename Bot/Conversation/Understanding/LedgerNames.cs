namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The names a message may mention, read from the ledger: departments and people. A person also answers to the
/// romanised name their email starts with (liu.yang@… → "liu yang", "yang liu", "liuyang"), which is how English
/// writers spell Chinese colleagues.
/// </summary>
public sealed record LedgerNames(IReadOnlyList<string> Departments, IReadOnlyList<NamedPerson> People)
{
    public static readonly LedgerNames Empty = new([], []);
}

public sealed record NamedPerson(string Name, IReadOnlyList<string> Aliases)
{
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
