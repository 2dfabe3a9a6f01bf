using Rectification.Bot.Cards;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string FilesOnlyInPersonalChat =>
        "群聊和频道中的文件无法作为佐证材料接收。请在与“整改台账助手”的个人聊天中发送文件，并注明任务编号，例如“申请销号 1-2-2”。";

    public override string FileRefused(string name, string reason, long maxBytes) => reason switch
    {
        "too_large" => F("未接收“{0}”：文件超过 {1} MB 的上限。请压缩或拆分后重新发送。", name, maxBytes / (1024 * 1024)),
        "type" => F("未接收“{0}”：文件类型不在允许范围内（按文件内容识别，而非文件名）。允许的类型：{1}。", name, Rectification.Data.Evidence.FileTypes.AllowedNames),
        "host" => F("未接收“{0}”：文件地址不是 Microsoft 365 的下载地址。", name),
        "empty" => F("未接收“{0}”：文件为空。", name),
        _ => F("未接收“{0}”：下载失败或链接已过期。请重新发送该文件。", name),
    };

    public override string FilesReceived(IReadOnlyList<string> names) =>
        F("已收到附件：{0}。请发送“申请销号 任务编号”或“报告进展 任务编号”，附件将作为佐证材料一并提交。", string.Join("、", names));

    public override string FilesAddedToFlow(IReadOnlyList<string> names) =>
        F("已收到附件：{0}，将随本次提交一并保存。请继续回答上面的问题。", string.Join("、", names));

    public override string EvidenceSummary(IReadOnlyList<string> names) => F("附件：{0}", string.Join("、", names));

    public override string AskEvidenceOrFile(string code, string measure) =>
        F("申请销号：任务 {0}（{1}）。请上传佐证材料，或直接回复文字说明（如会议纪要、文件编号）。", code, TaskCards.Shorten(measure));

    public override string EvidenceAttached(IReadOnlyList<string> names) => F("已附佐证材料 {0} 份：{1}。", names.Count, string.Join("、", names));

    public override string FieldEvidenceFiles => "佐证附件";

    public override string EvidenceListTitle(string code, int count) => F("任务 {0} 的佐证材料（{1} 份）", code, count);

    public override string ButtonGetFile => "获取";

    public override string EvidenceNotFound => "找不到该佐证材料，或您无权查看。";

    public override string FileConsentDescription(string name) => F("整改台账助手将向您发送文件“{0}”。", name);

    public override string FileDelivered(string name) => F("文件“{0}”已发送。", name);

    public override string FileDeclined(string name) => F("已取消发送“{0}”。需要时可重新获取。", name);

    public override string FileOfferGone => "该文件已失效或已处理，请重新获取。";

    public override string FileUploadFailed(string name) => F("文件“{0}”上传失败，请稍后重新获取。", name);

    public override string FilesNotSupported(string cliCommand) =>
        F("当前 Teams 环境（如世纪互联版或政府云）不支持机器人收发文件。请由管理员在服务器上运行：{0}", cliCommand);

    public override string ExportOnlyAdmins => "只有整改办（台账管理员）可以生成通报、导出全部台账；分管领导可导出所分管科室的台账。";

    public override string ExportFailed(string detail) => F("未能生成文件：{0}", detail);

    public override string RosterOnlyAdmins => "人员名单含邮箱和账号信息，只有整改办（台账管理员）可以导出。";

    public override string ImportOnlyAdmins => "只有整改办（台账管理员）可以导入台账。如需更新台账，请将文件发给整改办。";

    public override string ImportPlanTitle(string name) => F("导入预览：{0}", name);

    public override string ImportPlanNothing => "文件与现有台账一致，无需导入。";

    public override string ButtonConfirmImport => "确认导入";

    public override string ImportPlanChanged => "台账在您确认前已发生变化，以下是最新的导入计划，请重新确认。";

    public override string ImportUploadGone => "该导入已完成或已失效，请重新发送台账文件。";
}
