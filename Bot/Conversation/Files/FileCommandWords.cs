namespace Rectification.Bot.Conversation.Files;

/// <summary>
/// The words for the files the bot makes (导出台账, 生成通报, 导出人员名单), for as long as the understanding stage does not
/// produce these commands itself: an Unknown command that is exactly one of them becomes the command.
/// </summary>
internal static class FileCommandWords
{
    private static readonly string[] Ledger =
    [
        "导出台账", "导出整改台账", "下载台账", "台账导出", "导出excel", "export ledger", "export the ledger", "download ledger", "export",
    ];

    private static readonly string[] Report =
    [
        "生成通报", "起草通报", "通报草稿", "生成整改通报", "导出通报", "draft report", "draft the report", "generate report", "report draft",
    ];

    private static readonly string[] Roster = ["导出人员名单", "人员名单", "导出名单", "export roster", "roster", "export people"];

    public static ChatCommand? Recognize(string text)
    {
        var folded = text.Trim().TrimEnd('。', '.', '!', '！').ToLowerInvariant();
        if (Ledger.Contains(folded))
        {
            return new ChatCommand.ExportLedger();
        }
        if (Report.Contains(folded))
        {
            return new ChatCommand.DraftReport(null);
        }
        return Roster.Contains(folded) ? new ChatCommand.ExportRoster() : null;
    }
}
