namespace Rectification.Data.People;

/// <summary>
/// The words of the exported roster in the reader's language (from the bot's texts): its sheet, its column headers and
/// whether role cells are spelled in Chinese. Whatever the headers say, <see cref="RosterSheet.Match"/> must read them
/// back, so an exported roster imports unchanged; a test holds every language to that.
/// </summary>
public sealed record RosterWorkbookTexts(string Sheet, Func<RosterColumn, string> Header, bool ChineseRoles);
