using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The labelled utterances the intent classifier learns from: Understanding/corpus.jsonl, embedded in the assembly.
/// One JSON object a line, with the fields of the <c>understand</c> verb's output (text, intent and the slots a
/// correct reading gives) plus <c>as</c>, the demo person who says it (role context; absent: the officer 刘洋).
/// Slot dates are relative to <see cref="IntentCorpus.Today"/>.
/// </summary>
public sealed record CorpusExample(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("code")] string? Code = null,
    [property: JsonPropertyName("percent")] int? Percent = null,
    [property: JsonPropertyName("done")] bool? Done = null,
    [property: JsonPropertyName("date")] string? Date = null,
    [property: JsonPropertyName("department")] string? Department = null,
    [property: JsonPropertyName("person")] string? Person = null,
    [property: JsonPropertyName("decision")] string? Decision = null,
    [property: JsonPropertyName("as")] string? As = null);

public static class IntentCorpus
{
    /// <summary>The day the corpus's relative dates (月底, next friday) were written against: a Wednesday.</summary>
    public static readonly DateOnly Today = new(2026, 12, 2);

    /// <summary>
    /// The ledger the corpus speaks of (the demo's people and departments). Kept here rather than read from the demo,
    /// because the corpus is fixed text: its names must not drift when the demo changes.
    /// </summary>
    public static readonly LedgerNames Names = new(
        ["办公室", "机关党支部", "民族宗教科", "宣传教育科", "党外干部科", "经济联络科", "整改办", "部领导"],
        [
            NamedPerson.From("王建国", "wang.jianguo@example.org"), NamedPerson.From("李明", "li.ming@example.org"),
            NamedPerson.From("赵志刚", "zhao.zhigang@example.org"), NamedPerson.From("陈静", "chen.jing@example.org"),
            NamedPerson.From("刘洋", "liu.yang@example.org"), NamedPerson.From("孙丽", "sun.li@example.org"),
            NamedPerson.From("黄磊", "huang.lei@example.org"), NamedPerson.From("周涛", "zhou.tao@example.org"),
            NamedPerson.From("吴敏", "wu.min@example.org"), NamedPerson.From("郑伟", "zheng.wei@example.org"),
            NamedPerson.From("马超", "ma.chao@example.org"),
        ]);

    public static readonly IReadOnlySet<string> Leaders = new HashSet<string>(["王建国", "李明", "赵志刚"]);

    public static readonly IReadOnlySet<string> Admins = new HashSet<string>(["陈静"]);

    private const string ResourceName = "Understanding/corpus.jsonl";

    private static readonly Lazy<IReadOnlyList<CorpusExample>> Examples = new(Load);

    public static IReadOnlyList<CorpusExample> All => Examples.Value;

    /// <summary>
    /// The held-out part: every fifth example of each intent (by position in the file), so both parts keep every
    /// intent and both languages. Deterministic: the same file gives the same split.
    /// </summary>
    public static (IReadOnlyList<CorpusExample> Train, IReadOnlyList<CorpusExample> Test) Split()
    {
        var train = new List<CorpusExample>();
        var test = new List<CorpusExample>();
        foreach (var group in All.Select((e, i) => (e, i)).GroupBy(x => x.e.Intent))
        {
            var n = 0;
            foreach (var (example, _) in group)
            {
                (n++ % 5 == 4 ? test : train).Add(example);
            }
        }
        return (train, test);
    }

    public static string Sha256()
    {
        using var stream = Open();
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream))[..16];
    }

    private static Stream Open() =>
        typeof(IntentCorpus).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The corpus {ResourceName} is not embedded.");

    private static IReadOnlyList<CorpusExample> Load()
    {
        using var reader = new StreamReader(Open());
        var examples = new List<CorpusExample>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }
            examples.Add(JsonSerializer.Deserialize<CorpusExample>(line) ?? throw new InvalidDataException($"Bad corpus line: {line}"));
        }
        return examples;
    }
}
