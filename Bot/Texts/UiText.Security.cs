namespace Rectification.Bot.Texts;

/// <summary>Refusals at the edges: who may talk to the bot, card payloads, and the command line failing closed.</summary>
public abstract partial class UiText
{
    /// <summary>Only the display name matched, or the person is linked to another account: an admin must confirm.</summary>
    public abstract string IdentityNeedsAdmin(IReadOnlyList<string> admins);
    public abstract string CardPayloadInvalid { get; }
    public abstract string ReminderNotSentToYou { get; }

    public abstract string CliMisplacedOption(string option);
    public abstract string CliUnknownOption(string option, string verb);
    public abstract string CliOptionNeedsValue(string option);
    public abstract string CliDatabaseError(string detail);
    public abstract string CliConfigurationError(string detail);
    public abstract string CliFileError(string detail);
    public abstract string CliUnexpectedError(string detail);
    public abstract string CliWrongExtension(string path, string expected);
}
