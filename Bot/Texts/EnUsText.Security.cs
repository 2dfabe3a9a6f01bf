namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string IdentityNeedsAdmin(IReadOnlyList<string> admins) => admins.Count == 0
        ? "I cannot confirm who you are: your Teams account does not match the account or email recorded in the ledger, and a name alone is not enough, so nobody can pose as someone else. Please ask your unit's rectification office to check."
        : F("I cannot confirm who you are: your Teams account does not match the account or email recorded in the ledger, and a name alone is not enough, so nobody can pose as someone else. Please ask the rectification office ({0}) to check.", string.Join(", ", admins));

    public override string CardPayloadInvalid => "That card submission is not in a shape I accept, so nothing was done. Please use the latest card, or type your request.";

    public override string ReminderNotSentToYou => "That reminder has not been sent to you, so it cannot be acknowledged or snoozed.";

    public override string CliMisplacedOption(string option) => F("The option '{0}' goes after the command, e.g. report --out report.docx.", option);

    public override string CliUnknownOption(string option, string verb) => F("The command '{1}' has no option '{0}'.", option, verb);

    public override string CliOptionNeedsValue(string option) => F("The option '{0}' needs a value after it.", option);

    public override string CliDatabaseError(string detail) => F("Database error; nothing was done: {0}\nCheck Database:Provider and Database:ConnectionString, and that the database can be reached.", detail);

    public override string CliConfigurationError(string detail) => F("Configuration error; nothing was done: {0}", detail);

    public override string CliFileError(string detail) => F("Could not read or write a file; nothing was done: {0}", detail);

    public override string CliUnexpectedError(string detail) => F("The command did not complete: {0}", detail);

    public override string CliWrongExtension(string path, string expected) => F("'{0}' has the wrong extension: this command writes a {1} file, so the name must end in {1}.", path, expected);
}
