namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string UnderstandUsage =>
        "用法：dotnet run --project Bot -- understand [--as <邮箱或姓名>] [--today yyyy-MM-dd] [--jsonl] [\"一句话\"]\n" +
        "给出一句话，或用 --jsonl 从标准输入逐行读取；每句输出一行 JSON（意图、置信度及识别出的任务编号、进度、日期、部门、人员、审批意见）。";

    public override string UnderstandBadToday(string value) => F("--today 的日期“{0}”无法识别，请写成 yyyy-MM-dd，例如 2026-12-02。", value);

    public override string UnderstandUnknownPerson(string who) => F("台账中找不到“{0}”：请用台账中的邮箱或唯一的姓名。", who);
}
