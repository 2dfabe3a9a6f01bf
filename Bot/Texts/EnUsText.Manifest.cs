namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string ManifestUsage => """
        Usage: dotnet run --project Bot -- manifest [--out <app.zip>] [--app-id <GUID>] [--domain <bot.example.org>]
          --out     where to write the Teams app package (default: out/rectification-teams-app.zip)
          --app-id  the bot's Microsoft App ID (default: the MicrosoftAppId setting)
          --domain  the bot's host name, added to validDomains
        Upload the zip in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.
        """;

    public override string ManifestOptionNeedsValue(string option) => F("Option {0} needs a value.", option);

    public override string ManifestUnknownOption(string option) => F("Unknown option '{0}'.", option);

    public override string ManifestAppIdMissing =>
        "No Microsoft App ID: set MicrosoftAppId in the configuration or pass --app-id <GUID>. The app package was not written.";

    public override string ManifestAppIdInvalid(string value) =>
        F("'{0}' is not a Microsoft App ID: it must be a GUID, and not all zeros. The app package was not written.", value);

    public override string ManifestDomainInvalid(string value) =>
        F("'{0}' is not a host name: give the bot's domain without https:// or a path, e.g. bot.example.org.", value);

    public override string ManifestFolderNotFound(string path) => F("The manifest folder was not found: {0}", path);

    public override string ManifestNotWritten => "The app package was not written:";

    public override string ManifestFileMissing(string name) => F("  {0} is missing from the manifest folder.", name);

    public override string ManifestFileNotAtRoot(string name) =>
        F("  {0} is in a subfolder: Teams only reads files at the root of the package.", name);

    public override string ManifestInvalidJson(string name, string detail) => F("  {0} is not valid JSON: {1}", name, detail);

    public override string ManifestFieldMissing(string field) => F("  manifest.json has no {0}.", field);

    public override string ManifestFieldNotGuid(string field, string value) => F("  {0} is '{1}', not a GUID.", field, value);

    public override string ManifestIconNotPng(string name) => F("  {0} is not a PNG image.", name);

    public override string ManifestIconWrongSize(string name, int expected, int width, int height) =>
        F("  {0} is {2}x{3} pixels; Teams needs {1}x{1}.", name, expected, width, height);

    public override string ManifestPacked(string path, string appId) =>
        F("Wrote the Teams app package {0} (app ID {1}). Upload it in Teams: Apps > Manage your apps > Upload an app.", path, appId);
}
