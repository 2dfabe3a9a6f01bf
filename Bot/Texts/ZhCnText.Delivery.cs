namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string RemindersRequeuedNote(int count) =>
        F("{0} 条提醒此前被已停止的发送程序领取但未发出，本次已重新发送，不会重复。", count);

    public override string RemindersUnknownWarning(int unanswered, int interrupted) => (unanswered, interrupted) switch
    {
        (> 0, > 0) => F("注意：{0} 条提醒已发出但未收到 Teams 答复，另有 {1} 条在发出过程中发送程序停止。以上提醒可能已送达，为避免重复不再补发，请核实。",
            unanswered, interrupted),
        (> 0, _) => F("注意：{0} 条提醒已发出但未收到 Teams 答复，可能已送达，为避免重复不再补发，请核实。", unanswered),
        _ => F("注意：{0} 条提醒在发出过程中发送程序停止，可能已送达，为避免重复不再补发，请核实。", interrupted),
    };

    public override string RemindersFailedWarning(int count) =>
        F("注意：{0} 条提醒发送失败，已列入管理员的红色预警。", count);

    public override string ReminderMoreUnreachable(int more, int total) =>
        F("共 {1:N0} 人未打开助手，还有 {0:N0} 人未列出；完整名单可运行“reminders preview”命令导出（标注“未打开机器人”者）。", more, total);

    public override string ReminderMoreFailed(int more, int total) =>
        F("共 {1:N0} 条发送失败，还有 {0:N0} 条未列出。", more, total);
}
