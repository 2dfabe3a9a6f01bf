namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText : UiText
{
    public override string Locale => "zh-CN";

    public override string CliUsage => """
        用法:
          dotnet run --project Bot [-- serve]                        启动机器人(http://localhost:3978)
          dotnet run --project Bot -- import <台账.xlsx|台账.csv> [--inspection "<巡察名称>"] [--feedback-date <反馈日期>] [--dry-run]   导入整改台账（--dry-run 只预览）
          dotnet run --project Bot -- inspection show|set [--feedback-date <日期>] [--period <起>~<止>] [--group <巡察组>] [--unit <单位>]   查看或设置巡察信息
          dotnet run --project Bot -- holidays check                 查看节假日文件已包含的年份
          dotnet run --project Bot -- export <台账.xlsx>             导出当前台账
          dotnet run --project Bot -- people import|list|export|set …   人员名单与角色（people 查看用法）
          dotnet run --project Bot -- report --out <通报草稿.docx>   起草整改情况通报
          dotnet run --project Bot -- reminders preview [--at <时间>]   预览该时刻应发送的提醒（不发送）
          dotnet run --project Bot -- reminders run [--at <时间>]       立即计划并发送到期提醒
          dotnet run --project Bot -- understand [--as <邮箱或姓名>] [--jsonl] ["一句话"]   机器人如何理解一句话（JSON）
          dotnet run --project Bot -- manifest --out <应用包.zip> [--app-id <GUID>] [--domain <域名>]   生成 Teams 应用包
          dotnet run -c Release --project Bot -- benchmark [--tasks 100000] [--delivery | --understanding]   十万条任务的性能基准（使用临时数据库）
        选项 --lang en-US 切换为英文输出。相对路径以执行命令时所在的目录为准。
        """;

    public override string CliUnknownVerb(string verb) => F("未知命令“{0}”。", verb);

    public override string CliFileNotFound(string path) => F("找不到文件:{0}", path);
}
