namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string IdentityNeedsAdmin(IReadOnlyList<string> admins) => admins.Count == 0
        ? "暂时无法确认您的身份：您的 Teams 账号与台账登记的人员信息（账号或邮箱）不一致。为防止他人冒用，仅凭姓名不能自动关联。请联系本单位整改办核实。"
        : F("暂时无法确认您的身份：您的 Teams 账号与台账登记的人员信息（账号或邮箱）不一致。为防止他人冒用，仅凭姓名不能自动关联。请联系整改办（{0}）核实。", string.Join("、", admins));

    public override string CardPayloadInvalid => "卡片提交的内容格式不正确，未作任何处理。请重新打开最新的卡片后再操作，或直接输入文字。";

    public override string ReminderNotSentToYou => "这条提醒尚未发送给您，不能确认或暂停。";

    public override string CliMisplacedOption(string option) => F("选项“{0}”应写在命令之后，例如：report --out 通报.docx。", option);

    public override string CliUnknownOption(string option, string verb) => F("命令“{1}”不支持选项“{0}”。", option, verb);

    public override string CliOptionNeedsValue(string option) => F("选项“{0}”后面缺少取值。", option);

    public override string CliDatabaseError(string detail) => F("数据库出错，本次操作未完成：{0}\n请检查 Database:Provider 和 Database:ConnectionString 配置，以及数据库是否可以连接。", detail);

    public override string CliConfigurationError(string detail) => F("配置有误，本次操作未完成：{0}", detail);

    public override string CliFileError(string detail) => F("文件读写出错，本次操作未完成：{0}", detail);

    public override string CliUnexpectedError(string detail) => F("操作未完成：{0}", detail);

    public override string CliWrongExtension(string path, string expected) => F("文件“{0}”的扩展名不对：此命令输出 {1} 文件，请以 {1} 结尾。", path, expected);
}
