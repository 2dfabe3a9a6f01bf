namespace Rectification.Bot.Texts;

/// <summary>Files in chat: evidence uploads, files the bot sends, and why a file was refused.</summary>
public abstract partial class UiText
{
    public abstract string FilesOnlyInPersonalChat { get; }

    /// <summary>Reason: one of <c>FileRefusal</c>'s codes.</summary>
    public abstract string FileRefused(string name, string reason, long maxBytes);

    public abstract string FilesReceived(IReadOnlyList<string> names);

    public abstract string FilesAddedToFlow(IReadOnlyList<string> names);

    /// <summary>The write-off's evidence text when the files are the evidence.</summary>
    public abstract string EvidenceSummary(IReadOnlyList<string> names);

    public abstract string AskEvidenceOrFile(string code, string measure);

    public abstract string EvidenceAttached(IReadOnlyList<string> names);

    public abstract string FieldEvidenceFiles { get; }

    public abstract string EvidenceListTitle(string code, int count);

    public abstract string ButtonGetFile { get; }

    public abstract string EvidenceNotFound { get; }

    public abstract string FileConsentDescription(string name);

    public abstract string FileDelivered(string name);

    public abstract string FileDeclined(string name);

    public abstract string FileOfferGone { get; }

    public abstract string FileUploadFailed(string name);

    public abstract string FilesNotSupported(string cliCommand);

    public abstract string ExportOnlyAdmins { get; }

    public abstract string ExportFailed(string detail);

    public abstract string RosterOnlyAdmins { get; }

    public abstract string ImportOnlyAdmins { get; }

    public abstract string ImportPlanTitle(string name);

    public abstract string ImportPlanNothing { get; }

    public abstract string ButtonConfirmImport { get; }

    public abstract string ImportPlanChanged { get; }

    public abstract string ImportUploadGone { get; }
}
