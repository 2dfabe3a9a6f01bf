namespace Rectification.Bot.Texts;

public abstract partial class UiText
{
    public abstract string ManifestUsage { get; }

    public abstract string ManifestOptionNeedsValue(string option);

    public abstract string ManifestUnknownOption(string option);

    public abstract string ManifestAppIdMissing { get; }

    public abstract string ManifestAppIdInvalid(string value);

    public abstract string ManifestDomainInvalid(string value);

    public abstract string ManifestFolderNotFound(string path);

    public abstract string ManifestNotWritten { get; }

    public abstract string ManifestFileMissing(string name);

    public abstract string ManifestFileNotAtRoot(string name);

    public abstract string ManifestInvalidJson(string name, string detail);

    public abstract string ManifestFieldMissing(string field);

    public abstract string ManifestFieldNotGuid(string field, string value);

    public abstract string ManifestIconNotPng(string name);

    public abstract string ManifestIconWrongSize(string name, int expected, int width, int height);

    public abstract string ManifestPacked(string path, string appId);
}
