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

    /// <summary>The dry-run plan of a ledger sent in chat, with 确认导入 bound to the file's sha256 and to this plan.</summary>
    public static Reply.Card ImportPlan(UiText t, string name, Conversation.Files.UploadPlan plan, long uploadId, string sha256, string? notice = null)
    {
        var title = t.ImportPlanTitle(name);
        var body = new List<JsonNode> { Text(title, size: "Medium", weight: "Bolder") };
        if (notice is not null)
        {
            body.Add(Text(notice, color: "attention"));
        }
        body.Add(Text(t.ImportPlanSummary(plan.New.Count, plan.Updated.Count, plan.Unchanged.Count, plan.Renumbered.Count)));
        foreach (var (kind, codes) in new[] { ("new", plan.New), ("updated", plan.Updated), ("renumbered", plan.Renumbered) })
        {
            if (codes.Count > 0)
            {
                body.Add(Text(t.ImportPlanCodes(kind, codes), subtle: true));
            }
        }
        var confirm = Submit(t.ButtonConfirmImport, "import_confirm",
            new { upload = uploadId.ToString(CultureInfo.InvariantCulture), sha256, plan = plan.Hash }, style: "positive");
        return new Reply.Card(Build([.. body], [confirm]), title);
    }
}
