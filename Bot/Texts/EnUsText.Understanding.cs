namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string UnderstandUsage =>
        "Usage: dotnet run --project Bot -- understand [--as <email or name>] [--today yyyy-MM-dd] [--jsonl] [\"a message\"]\n" +
        "Give one message, or --jsonl to read one a line from standard input; each gives one line of JSON (intent, confidence, and the task code, percent, date, department, person and decision found).";

    public override string UnderstandBadToday(string value) => F("--today \"{0}\" is not a date: write it as yyyy-MM-dd, e.g. 2026-12-02.", value);

    public override string UnderstandUnknownPerson(string who) => F("No one in the ledger is \"{0}\": give their email, or a name only one person has.", who);
}
