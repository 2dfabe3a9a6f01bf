using System.Globalization;
using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.Evidence;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>Evidence files as a card: name, size, uploader, and a button that sends the file.</summary>
public static class FileCards
{
    /// <summary>More buttons than this make the card unreadable on a phone; the detail's list shows every name anyway.</summary>
    public const int MaxButtons = 5;

    public static Reply.Card EvidenceList(UiText t, string code, IReadOnlyList<EvidenceFile> files)
    {
        var title = t.EvidenceListTitle(code, files.Count);
        var body = new List<JsonNode> { Text(title, weight: "Bolder") };
        body.AddRange(files.Select(f => Text($"📎 {Line(t, f)}")));
        return new Reply.Card(Build([.. body], [.. GetButtons(t, files)]), title);
    }

    /// <summary>The names for an approval card's facts.</summary>
    public static string Names(IReadOnlyList<EvidenceFile> files) => string.Join("\n", files.Select(f => $"📎 {f.Name}"));

    public static IEnumerable<JsonNode> GetButtons(UiText t, IReadOnlyList<EvidenceFile> files) =>
        files.Take(MaxButtons).Select(f => Submit($"{t.ButtonGetFile} {f.Name}", "evidence_get", new { id = f.Id.ToString(CultureInfo.InvariantCulture) }));

    private static string Line(UiText t, EvidenceFile f) =>
        $"{f.Name} · {Size(f.SizeBytes)} · {f.UploaderName} · {f.UploadedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    /// <summary>Items per section of a plan card; the rest is counted ("… and 12 more"), as a card is read on a phone.</summary>
    public const int PlanItemsPerSection = 10;

    /// <summary>
    /// The importer's dry-run plan of a ledger sent in chat, worded as <c>import --dry-run</c> prints it, with 确认导入 bound
    /// to the file's sha256 and to this plan. A plan that writes nothing gets no button.
    /// </summary>
    public static Reply.Card ImportPlan(UiText t, string name, Data.Import.ImportPlan plan, long uploadId, string sha256, string? notice = null)
    {
        var title = t.ImportPlanTitle(name);
        var body = new List<JsonNode> { Text(title, size: "Medium", weight: "Bolder") };
        if (notice is not null)
        {
            body.Add(Text(notice, color: "attention"));
        }
        var lines = t.DescribePlan(plan, PlanItemsPerSection);
        body.Add(Text(lines[0]));
        body.AddRange(lines.Skip(1).Select(line => Text(line, subtle: true)));
        var confirm = Submit(t.ButtonConfirmImport, "import_confirm",
            new { upload = uploadId.ToString(CultureInfo.InvariantCulture), sha256, plan = Data.Import.ImportPlanner.Fingerprint(plan) }, style: "positive");
        return new Reply.Card(Build([.. body], plan.HasChanges ? [confirm] : []), title);
    }
}
