using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>The 状态 column: the words ledgers use, in Chinese and English, and the words the export writes.</summary>
public static class StatusWords
{
    private static readonly Dictionary<string, RectificationStatus> Words = new(StringComparer.Ordinal)
    {
        ["已完成"] = RectificationStatus.Done,
        ["完成"] = RectificationStatus.Done,
        ["已整改"] = RectificationStatus.Done,
        ["done"] = RectificationStatus.Done,
        ["completed"] = RectificationStatus.Done,
        ["已销号"] = RectificationStatus.WrittenOff,
        ["销号"] = RectificationStatus.WrittenOff,
        ["writtenoff"] = RectificationStatus.WrittenOff,
        ["written-off"] = RectificationStatus.WrittenOff,
        ["正在整改"] = RectificationStatus.InProgress,
        ["整改中"] = RectificationStatus.InProgress,
        ["推进中"] = RectificationStatus.InProgress,
        ["inprogress"] = RectificationStatus.InProgress,
        ["in-progress"] = RectificationStatus.InProgress,
        ["未开始"] = RectificationStatus.NotStarted,
        ["未启动"] = RectificationStatus.NotStarted,
        ["notstarted"] = RectificationStatus.NotStarted,
        ["not-started"] = RectificationStatus.NotStarted,
        ["长期坚持"] = RectificationStatus.Ongoing,
        ["持续整改"] = RectificationStatus.Ongoing,
        ["ongoing"] = RectificationStatus.Ongoing,
    };

    /// <summary>Blank is valid and means "let the writer derive it" (null); an unknown word is not valid.</summary>
    public static (RectificationStatus? Status, bool Valid) Parse(string? text)
    {
        var key = TextFolding.Key(text).Replace("_", "", StringComparison.Ordinal);
        if (key.Length == 0)
        {
            return (null, true);
        }
        return Words.TryGetValue(key, out var status) ? (status, true) : (null, false);
    }

    /// <summary>The word the export writes; <see cref="Parse"/> reads it back.</summary>
    public static string Word(RectificationStatus status, LedgerLanguage language) => (status, language) switch
    {
        (RectificationStatus.Done, LedgerLanguage.Chinese) => "已完成",
        (RectificationStatus.WrittenOff, LedgerLanguage.Chinese) => "已销号",
        (RectificationStatus.InProgress, LedgerLanguage.Chinese) => "正在整改",
        (RectificationStatus.NotStarted, LedgerLanguage.Chinese) => "未开始",
        (RectificationStatus.Ongoing, LedgerLanguage.Chinese) => "长期坚持",
        (RectificationStatus.Done, _) => "Done",
        (RectificationStatus.WrittenOff, _) => "Written off",
        (RectificationStatus.InProgress, _) => "In progress",
        (RectificationStatus.NotStarted, _) => "Not started",
        _ => "Ongoing",
    };
}

/// <summary>The language a ledger sheet is written in: its headers and status words.</summary>
public enum LedgerLanguage
{
    Chinese,
    English,
}
