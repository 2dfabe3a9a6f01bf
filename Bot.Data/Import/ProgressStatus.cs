using System.Text.RegularExpressions;
using Rectification.Data.Ledger;

namespace Rectification.Data.Import;

/// <summary>
/// The status real ledgers write at the start of a 完成情况 / 整改情况 / 整改进展 cell when they have no 状态 column:
/// "已完成，制度已印发", "正在整改。已起草方案", "【未开始】", "Done - policy issued". The words must stand alone (end of cell,
/// punctuation or a space after them), so "完成率60%" is not read as done. What follows is the progress note.
/// 基本完成 and 部分完成 are in progress: the work is not finished, so the bot keeps following it. 未完成 is not read
/// (in progress or not started? we never guess).
/// </summary>
public static partial class ProgressStatus
{
    // Longest first, so 已整改完成 wins over 已整改 and 正在整改 over 整改.
    private static readonly (string Word, RectificationStatus Status)[] Words = new (string, RectificationStatus)[]
    {
        ("已完成整改", RectificationStatus.Done), ("已整改完成", RectificationStatus.Done), ("已整改到位", RectificationStatus.Done),
        ("整改已完成", RectificationStatus.Done), ("已全部完成", RectificationStatus.Done), ("已按期完成", RectificationStatus.Done),
        ("全部完成", RectificationStatus.Done), ("整改完成", RectificationStatus.Done), ("整改到位", RectificationStatus.Done),
        ("已经完成", RectificationStatus.Done), ("已完成", RectificationStatus.Done), ("已整改", RectificationStatus.Done),
        ("已办结", RectificationStatus.Done), ("已落实", RectificationStatus.Done), ("已解决", RectificationStatus.Done),
        ("完成", RectificationStatus.Done), ("办结", RectificationStatus.Done),
        ("已销号", RectificationStatus.WrittenOff), ("销号", RectificationStatus.WrittenOff),
        ("正在整改中", RectificationStatus.InProgress), ("正在整改", RectificationStatus.InProgress), ("整改中", RectificationStatus.InProgress),
        ("正在推进", RectificationStatus.InProgress), ("持续推进", RectificationStatus.InProgress), ("推进中", RectificationStatus.InProgress),
        ("基本完成", RectificationStatus.InProgress), ("部分完成", RectificationStatus.InProgress), ("正在落实", RectificationStatus.InProgress),
        ("落实中", RectificationStatus.InProgress), ("正在进行", RectificationStatus.InProgress), ("进行中", RectificationStatus.InProgress),
        ("已启动", RectificationStatus.InProgress), ("已开始", RectificationStatus.InProgress),
        ("尚未开始", RectificationStatus.NotStarted), ("尚未启动", RectificationStatus.NotStarted), ("暂未开始", RectificationStatus.NotStarted),
        ("未开始", RectificationStatus.NotStarted), ("未启动", RectificationStatus.NotStarted),
        ("长期坚持", RectificationStatus.Ongoing), ("持续整改", RectificationStatus.Ongoing), ("常态化推进", RectificationStatus.Ongoing),
        ("completed", RectificationStatus.Done), ("complete", RectificationStatus.Done), ("finished", RectificationStatus.Done), ("done", RectificationStatus.Done),
        ("written off", RectificationStatus.WrittenOff),
        ("in progress", RectificationStatus.InProgress), ("under way", RectificationStatus.InProgress), ("underway", RectificationStatus.InProgress),
        ("ongoing", RectificationStatus.Ongoing),
        ("not started", RectificationStatus.NotStarted), ("not yet started", RectificationStatus.NotStarted),
    }.OrderByDescending(w => w.Item1.Length).ToArray();

    /// <summary>The status a cell begins with and the rest as the note; null status when the cell does not begin with one.</summary>
    public static (RectificationStatus? Status, string? Note) Read(string? cell)
    {
        var text = TextFolding.Clean(cell);
        var start = LeadingBracket().Match(text);
        var body = start.Success ? start.Groups["word"].Value.Trim() : text;
        var rest = start.Success ? text[start.Length..] : null;
        foreach (var (word, status) in Words)
        {
            if (!body.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var after = body[word.Length..];
            if (after.Length > 0 && !Separator().IsMatch(after))
            {
                continue;
            }
            var note = Separator().Replace(after, "", 1).Trim();
            if (rest is not null)
            {
                note = string.Join(' ', new[] { note, Separator().Replace(rest, "", 1).Trim() }.Where(n => n.Length > 0));
            }
            return (status, note.Length > 0 ? note : null);
        }
        return (null, text.Length > 0 ? text : null);
    }

    [GeneratedRegex(@"^\s*[【\[（(](?<word>[^】\]）)]{1,12})[】\]）)]")]
    private static partial Regex LeadingBracket();

    [GeneratedRegex(@"^\s*(?:[,，。.;；:：、!！\-—–/]+|\s+|$)\s*")]
    private static partial Regex Separator();
}
