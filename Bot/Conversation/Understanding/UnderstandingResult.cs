using System.Globalization;
using System.Text.Json.Serialization;

namespace Rectification.Bot.Conversation.Understanding;

/// <summary>
/// The reading of one message as the <c>understand</c> verb prints it: a contract (it is how understanding is
/// measured). Absent fields are omitted; date is yyyy-MM-dd; decision is approve or reject.
/// </summary>
public sealed record UnderstandingResult(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("code")] string? Code = null,
    [property: JsonPropertyName("percent")] int? Percent = null,
    [property: JsonPropertyName("done")] bool? Done = null,
    [property: JsonPropertyName("date")] string? Date = null,
    [property: JsonPropertyName("department")] string? Department = null,
    [property: JsonPropertyName("person")] string? Person = null,
    [property: JsonPropertyName("decision")] string? Decision = null)
{
    public static UnderstandingResult From(string text, Understanding understanding)
    {
        var e = understanding.Entities;
        return new UnderstandingResult(
            text,
            understanding.Intent,
            Math.Round(understanding.Confidence, 3),
            e.Code,
            e.Percent,
            e.Done ? true : null,
            e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Department,
            e.Person,
            e.Decision switch
            {
                Verdict.Approve => "approve",
                Verdict.Reject => "reject",
                _ => null,
            });
    }
}
