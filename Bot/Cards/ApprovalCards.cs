using System.Text.Json.Nodes;
using Rectification.Bot.Conversation;
using Rectification.Bot.Texts;
using Rectification.Data.Evidence;
using Rectification.Data.Ledger;
using static Rectification.Bot.Cards.AdaptiveCard;

namespace Rectification.Bot.Cards;

/// <summary>What a supervising leader decides on: write-off (销号) and extension requests, and the card after.</summary>
public static class ApprovalCards
{
    // A long evidence text or file list is cut on the card (the full text stays in the ledger): the card must stay
    // far below Teams' ~28 KB, and a CJK character is three bytes.
    private const int MaxText = 1_200;

    /// <summary>Files: the evidence files sent with the request, listed with a button each that sends the file.</summary>
    public static Reply.Card WriteOff(UiText t, TaskSummary task, long requestId, string requester, string evidence, IReadOnlyList<EvidenceFile>? files = null) =>
        Approval(t, t.WriteOffApprovalTitle(task.Code), task,
            [(t.FieldRequester, requester), (t.FieldEvidence, TaskCards.Shorten(evidence, MaxText)),
                .. files is { Count: > 0 } ? [(t.FieldEvidenceFiles, TaskCards.Shorten(FileCards.Names(files), MaxText))] : Array.Empty<(string, string)>(),
                (t.FieldStatus, $"{t.StatusName(task.Status)} · {task.Percent}%")],
            "decide_writeoff", requestId, files is null ? [] : [.. FileCards.GetButtons(t, files)]);

    public static Reply.Card Extension(UiText t, TaskSummary task, long requestId, string requester, DateOnly newDate, string reason) =>
        Approval(t, t.ExtensionApprovalTitle(task.Code), task,
            [(t.FieldRequester, requester), (t.FieldDeadline, $"{t.DueText(task)} → {t.Date(newDate)}"), (t.FieldReason, TaskCards.Shorten(reason, MaxText))],
            "decide_extension", requestId);

    private static Reply.Card Approval(UiText t, string title, TaskSummary task, (string, string)[] facts, string action, long requestId, JsonNode[]? fileButtons = null)
    {
        var body = new List<JsonNode>
        {
            Text(title, size: "Medium", weight: "Bolder"),
            Text($"{task.Code} {TaskCards.Shorten(task.Measure, MaxText)}"),
            Facts([(t.FieldOfficers, TaskCards.Shorten(task.Officers, 240)), (t.FieldDepartment, task.LeadDepartment ?? "—"), .. facts]),
        };
        if (fileButtons is { Length: > 0 })
        {
            body.Add(ActionSet(fileButtons));
        }
        body.Add(InputText("reason", t.RejectReasonPlaceholder, multiline: true, maxLength: 500));
        return new Reply.Card(Build(body,
        [
            Submit(t.ButtonApprove, action, new { id = requestId.ToString(t.Culture), decision = "approve" }, style: "positive"),
            Submit(t.ButtonReject, action, new { id = requestId.ToString(t.Culture), decision = "reject" }, style: "destructive"),
        ]), title);
    }

    /// <summary>Replaces an approval card once decided: no buttons left, so it cannot be decided twice.</summary>
    public static Reply.Card Decided(UiText t, string title, TaskSummary task, bool approved, string decider, string? note)
    {
        var body = new JsonNode[]
        {
            Text(title, size: "Medium", weight: "Bolder"),
            Text($"{task.Code} {task.Measure}"),
            Text(approved ? t.DecidedApproved(decider) : t.DecidedRejected(decider, note), color: approved ? "good" : "attention", weight: "Bolder"),
        };
        return new Reply.Card(Build(body), title);
    }
}
