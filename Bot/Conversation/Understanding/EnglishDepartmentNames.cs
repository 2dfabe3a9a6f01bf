using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// How English writers name the ledger's Chinese departments ("the Economic Liaison section", "Ethnic and Religious
/// Affairs", "the Office"): each department's name is cut into the words government units are named with and read
/// through a small glossary. A department with a word outside the glossary gets no English name, so a ledger of
/// another unit is never matched by guesswork; the Chinese name always works.
/// </summary>
public static class EnglishDepartmentNames
{
    // Longest first when cutting a name; the English side is a regular expression fragment.
    private static readonly (string Chinese, string English)[] Glossary =
    [
        ("办公室", @"(?:general )?office"),
        ("党支部", @"party branch"),
        ("统战", @"united front"),
        ("民族", @"ethnic(?:ity)?|nationalit(?:y|ies)"),
        ("宗教", @"religio(?:n|us|ns)(?: affairs)?"),
        ("宣传", @"publicity|propaganda|communications?"),
        ("教育", @"education(?:al)?"),
        ("党外", @"non-?party"),
        ("干部", @"cadres?|officials?"),
        ("经济", @"econom(?:ic|y|ics)"),
        ("联络", @"liaison|contact"),
        ("整改", @"rectification"),
        ("领导", @"leader(?:s|ship)?"),
        ("组织", @"organi[sz]ation(?:al)?"),
        ("人事", @"personnel|hr"),
        ("财务", @"financ(?:e|ial)"),
        ("综合", @"general"),
        ("机关", @"(?:organ|agency|institutional)"),
        ("支部", @"branch"),
        ("中心", @"cent(?:er|re)"),
        ("办", @"office"),
        ("部", @"department|ministry|dept"),
        ("科", @"section|division|department|dept|unit"),
        ("室", @"office|section|room"),
        ("处", @"division|department|office"),
        ("局", @"bureau"),
    ];

    // Words a name may go without: 机关党支部 is "the party branch" to everyone.
    private static readonly HashSet<string> Optional = ["机关", "综合"];

    // The unit word at the end of a name (科, 室…) may be left out or said as any unit word.
    private static readonly HashSet<string> UnitWords = ["科", "室", "处", "局", "部", "办", "中心", "支部"];

    private const string AnyUnit = @"(?:section|division|department|dept|office|unit|team|bureau)";

    private static readonly ConditionalWeakTable<LedgerNames, IReadOnlyList<(string Department, Regex Pattern)>> Cache = new();

    /// <summary>Every department of the ledger that has an English reading, with the pattern that finds it.</summary>
    public static IReadOnlyList<(string Department, Regex Pattern)> Of(LedgerNames names) =>
        Cache.GetValue(names, n => n.Departments.Select(d => (d, Pattern(d))).Where(p => p.Item2 is not null)
            .Select(p => (p.d, p.Item2!)).ToList());

    /// <summary>The longest English mention of a department in the folded key, if any.</summary>
    public static (string Department, int Index, int Length)? Find(string key, LedgerNames names)
    {
        if (!key.Any(char.IsAsciiLetter))
        {
            return null;
        }
        (string, int, int)? best = null;
        foreach (var (department, pattern) in Of(names))
        {
            if (pattern.Match(key) is { Success: true } match && (best is null || match.Length > best.Value.Item3))
            {
                best = (department, match.Index, match.Length);
            }
        }
        return best;
    }

    private static Regex? Pattern(string department)
    {
        var parts = new List<(string Chinese, string English)>();
        var rest = department.Trim();
        while (rest.Length > 0)
        {
            var word = Glossary.FirstOrDefault(g => rest.StartsWith(g.Chinese, StringComparison.Ordinal));
            if (word.Chinese is null)
            {
                return null;
            }
            parts.Add(word);
            rest = rest[word.Chinese.Length..];
        }
        var unit = parts.Count > 1 && UnitWords.Contains(parts[^1].Chinese) ? parts[^1] : default;
        var body = unit.Chinese is null ? parts : parts.Take(parts.Count - 1).ToList();
        if (body.Count == 0 || body.All(p => Optional.Contains(p.Chinese)))
        {
            return null;
        }
        const string Joint = @"(?:\s*(?:&|and|of|for)\s*|\s+|-)";
        var required = body.Count(p => !Optional.Contains(p.Chinese));
        var lastRequired = body.FindLastIndex(p => !Optional.Contains(p.Chinese));
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < body.Count; i++)
        {
            var part = body[i];
            if (Optional.Contains(part.Chinese))
            {
                pattern.Append($"(?:(?:{part.English}){Joint})?");
                continue;
            }
            pattern.Append($"(?:{part.English})");
            if (i < lastRequired)
            {
                pattern.Append(Joint);
            }
        }
        // One word alone (整改 of 整改办) is an everyday word: only with its unit word is it a department.
        var tail = unit.Chinese is null ? "" : $@"(?:\s+(?:{unit.English}|{AnyUnit})){(required > 1 ? "?" : "")}";
        return new Regex($@"\b(?:{pattern}){tail}\b", RegexOptions.CultureInvariant);
    }
}
