namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText : UiText
{
    public override string Locale => "en-US";

    public override string CliUsage => """
        Usage:
          dotnet run --project Bot [-- serve]                        start the bot (http://localhost:3978)
          dotnet run --project Bot -- import <ledger.xlsx|ledger.csv> [--inspection "<title>"] [--feedback-date <date>] [--dry-run]   load a rectification ledger (--dry-run: preview only)
          dotnet run --project Bot -- inspection show|set [--feedback-date <date>] [--period <from>~<to>] [--group <group>] [--unit <unit>]   an inspection's particulars
          dotnet run --project Bot -- holidays check                 the years the holiday file covers
          dotnet run --project Bot -- export <ledger.xlsx>           write the current ledger
          dotnet run --project Bot -- people import|list|export|set …   the roster and roles (people: usage)
          dotnet run --project Bot -- report --out <draft.docx>      draft the rectification report
          dotnet run --project Bot -- reminders preview [--at <instant>]   who would get which reminder (nothing sent)
          dotnet run --project Bot -- reminders run [--at <instant>]       plan and send the reminders due now
          dotnet run --project Bot -- understand [--as <email or name>] [--jsonl] ["a message"]   how the bot reads a message (JSON)
          dotnet run --project Bot -- manifest --out <app.zip> [--app-id <GUID>] [--domain <host>]   pack the Teams app
          dotnet run -c Release --project Bot -- benchmark [--tasks 100000] [--delivery | --understanding]   the 100,000-task benchmark (throw-away database)
        Option --lang zh-CN switches the output to Chinese. Relative file names mean the directory you run the command in.
        """;

    public override string CliUnknownVerb(string verb) => F("Unknown command '{0}'.", verb);

    public override string CliFileNotFound(string path) => F("File not found: {0}", path);
}
