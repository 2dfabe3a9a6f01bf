using Rectification.Data.People;

namespace Rectification.Bot.Texts;

/// <summary>The words of the exported roster workbook and its file name in chat.</summary>
public abstract partial class UiText
{
    public abstract string RosterSheetName { get; }

    /// <summary>A column header of the exported roster; one that <see cref="RosterSheet.Match"/> reads back.</summary>
    public abstract string RosterHeader(RosterColumn column);

    /// <summary>The file an admin gets for 导出人员名单, <paramref name="day"/> as yyyyMMdd.</summary>
    public abstract string RosterFileName(string day);

    protected abstract bool RosterChineseRoles { get; }

    public RosterWorkbookTexts RosterWorkbookTexts => new(RosterSheetName, RosterHeader, RosterChineseRoles);
}
