namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string ManifestUsage => """
        用法：dotnet run --project Bot -- manifest [--out <应用包.zip>] [--app-id <GUID>] [--domain <bot.example.org>]
          --out     Teams 应用包的输出路径（默认：out/rectification-teams-app.zip）
          --app-id  机器人的 Microsoft 应用 ID（默认取配置项 MicrosoftAppId）
          --domain  机器人的域名，写入 validDomains
        在 Teams 中上传该 zip：应用 > 管理应用 > 上传应用 > 上传自定义应用。
        """;

    public override string ManifestOptionNeedsValue(string option) => F("选项 {0} 缺少取值。", option);

    public override string ManifestUnknownOption(string option) => F("未知选项“{0}”。", option);

    public override string ManifestAppIdMissing =>
        "缺少 Microsoft 应用 ID：请在配置中设置 MicrosoftAppId，或用 --app-id <GUID> 指定。未生成应用包。";

    public override string ManifestAppIdInvalid(string value) =>
        F("“{0}”不是有效的 Microsoft 应用 ID：应为 GUID，且不能全为零。未生成应用包。", value);

    public override string ManifestDomainInvalid(string value) =>
        F("“{0}”不是有效的域名：请填写机器人的域名，不带 https:// 和路径，例如 bot.example.org。", value);

    public override string ManifestFolderNotFound(string path) => F("找不到清单文件夹：{0}", path);

    public override string ManifestNotWritten => "未生成应用包：";

    public override string ManifestFileMissing(string name) => F("  清单文件夹中缺少 {0}。", name);

    public override string ManifestFileNotAtRoot(string name) =>
        F("  {0} 位于子文件夹中：Teams 只读取应用包根目录下的文件。", name);

    public override string ManifestInvalidJson(string name, string detail) => F("  {0} 不是有效的 JSON：{1}", name, detail);

    public override string ManifestFieldMissing(string field) => F("  manifest.json 缺少 {0}。", field);

    public override string ManifestFieldNotGuid(string field, string value) => F("  {0} 的值“{1}”不是 GUID。", field, value);

    public override string ManifestIconNotPng(string name) => F("  {0} 不是 PNG 图片。", name);

    public override string ManifestIconWrongSize(string name, int expected, int width, int height) =>
        F("  {0} 的尺寸为 {2}x{3} 像素，Teams 要求 {1}x{1}。", name, expected, width, height);

    public override string ManifestPacked(string path, string appId) =>
        F("已生成 Teams 应用包 {0}（应用 ID {1}）。请在 Teams 中上传：应用 > 管理应用 > 上传应用。", path, appId);
}
