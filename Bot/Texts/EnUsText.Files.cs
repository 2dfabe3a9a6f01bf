using Rectification.Bot.Cards;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string FilesOnlyInPersonalChat =>
        "I cannot take files as evidence in a group chat or channel. Please send them in your personal chat with me, with the task code, e.g. \"write off 1-2-2\".";

    public override string FileRefused(string name, string reason, long maxBytes) => reason switch
    {
        "too_large" => F("\"{0}\" was not accepted: it is larger than the {1} MB limit. Please compress or split it and send it again.", name, maxBytes / (1024 * 1024)),
        "type" => F("\"{0}\" was not accepted: its type is not allowed (judged by its content, not its name). Allowed: {1}.", name, Rectification.Data.Evidence.FileTypes.AllowedNames),
        "host" => F("\"{0}\" was not accepted: its address is not a Microsoft 365 download address.", name),
        "empty" => F("\"{0}\" was not accepted: the file is empty.", name),
        _ => F("\"{0}\" was not accepted: the download failed or its link expired. Please send the file again.", name),
    };

    public override string FilesReceived(IReadOnlyList<string> names) =>
        F("Received: {0}. Now send \"write off <task code>\" or \"report progress <task code>\" and the files go with it as evidence.", string.Join(", ", names));

    public override string FilesAddedToFlow(IReadOnlyList<string> names) =>
        F("Received: {0}; they will be saved with this request. Please answer the question above.", string.Join(", ", names));

    public override string EvidenceSummary(IReadOnlyList<string> names) => F("Attached: {0}", string.Join(", ", names));

    public override string AskEvidenceOrFile(string code, string measure) =>
        F("Write-off of task {0} ({1}). Please upload the evidence, or reply with a description (minutes, document number).", code, TaskCards.Shorten(measure));

    public override string EvidenceAttached(IReadOnlyList<string> names) => F("{0} evidence file(s) attached: {1}.", names.Count, string.Join(", ", names));

    public override string FieldEvidenceFiles => "Evidence files";

    public override string EvidenceListTitle(string code, int count) => F("Evidence for task {0} ({1} file(s))", code, count);

    public override string ButtonGetFile => "Get";

    public override string EvidenceNotFound => "I cannot find that evidence file, or you may not see it.";

    public override string FileConsentDescription(string name) => F("The rectification ledger bot will send you \"{0}\".", name);

    public override string FileDelivered(string name) => F("Sent \"{0}\".", name);

    public override string FileDeclined(string name) => F("Not sent: \"{0}\". Ask again whenever you need it.", name);

    public override string FileOfferGone => "That file offer has expired or was already answered. Please ask for the file again.";

    public override string FileUploadFailed(string name) => F("Uploading \"{0}\" failed. Please ask for it again later.", name);

    public override string FilesNotSupported(string cliCommand) =>
        F("This Teams environment (21Vianet or a government cloud) does not let bots send or receive files. An administrator can run this on the server: {0}", cliCommand);

    public override string ExportOnlyAdmins => "Only the rectification office (ledger administrators) may draft the report or export the whole ledger; supervising leaders may export the ledger of their departments.";

    public override string ExportFailed(string detail) => F("I could not produce the file: {0}", detail);

    public override string RosterOnlyAdmins => "The roster holds emails and account ids: only the rectification office (ledger administrators) may export it.";

    public override string ImportOnlyAdmins => "Only the rectification office (ledger administrators) may import the ledger. Please send the file to them.";

    public override string ImportPlanTitle(string name) => F("Import preview: {0}", name);

    public override string ImportPlanNothing => "The file matches the ledger; there is nothing to import.";

    public override string ButtonConfirmImport => "Confirm import";

    public override string ImportPlanChanged => "The ledger changed before you confirmed. This is the new plan; please confirm again.";

    public override string ImportUploadGone => "That import is done or no longer available. Please send the ledger file again.";
}
