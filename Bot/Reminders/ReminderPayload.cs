using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rectification.Bot.Reminders;

/// <summary>What an outbox row holds: the digest as planned. Item statuses are checked again when it is sent.</summary>
public sealed record ReminderPayload(IReadOnlyList<ReminderItem> Items, IReadOnlyList<UnreachablePerson> Unreachable)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ReminderPayload Of(PlannedReminder reminder) => new(reminder.Items, reminder.Unreachable);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReminderPayload FromJson(string json) =>
        JsonSerializer.Deserialize<ReminderPayload>(json, Json) ?? throw new JsonException("An outbox payload is empty.");
}

public static class ReminderKinds
{
    private static readonly Dictionary<string, ReminderKind> ByCode = Enum.GetValues<ReminderKind>().ToDictionary(k => k.ToCode(), StringComparer.Ordinal);

    public static ReminderKind FromCode(string code) =>
        ByCode.TryGetValue(code, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown reminder kind.");

    public static bool TryFromCode(string? code, out ReminderKind kind) => ByCode.TryGetValue(code ?? "", out kind);
}

/// <summary>The parts of a slot key ("person/kind/yyyy-MM-dd", see <see cref="PlannedReminder.KeyFor"/>).</summary>
public sealed record SlotKeyParts(long PersonId, ReminderKind Kind, DateOnly Date)
{
    public static SlotKeyParts? TryParse(string? key)
    {
        var parts = key?.Split('/');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var person)
            || !ReminderKinds.TryFromCode(parts[1], out var kind)
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return null;
        }
        return new SlotKeyParts(person, kind, date);
    }
}
