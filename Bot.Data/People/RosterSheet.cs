using System.Text.RegularExpressions;
using Rectification.Data.Import;

namespace Rectification.Data.People;

/// <summary>The columns of a roster, whatever a sheet calls them.</summary>
public enum RosterColumn
{
    Name,
    Department,
    Email,
    ObjectId,
    Role,
    Supervises,
}

/// <summary>Why a roster row (or the whole file, row 0) cannot be imported; the bot words each code per language.</summary>
public static class RosterErrorCodes
{
    public const string FileUnreadable = ImportErrorCodes.FileUnreadable;
    public const string FileXls = ImportErrorCodes.FileXls;

    /// <summary>No row names a name column and at least one other roster column.</summary>
    public const string HeaderNotFound = "roster_header_not_found";

    /// <summary>A row with cells but no name.</summary>
    public const string NameMissing = "roster_name_missing";

    /// <summary>The same name on two rows (both are reported): the roster names each person once.</summary>
    public const string DuplicateName = "roster_duplicate_name";

    /// <summary>The role cell is not officer, leader or admin (or their Chinese words).</summary>
    public const string BadRole = "roster_bad_role";

    public const string BadEmail = "roster_bad_email";

    /// <summary>An Entra object id is a GUID.</summary>
    public const string BadObjectId = "roster_bad_object_id";

    /// <summary>One email for two people, on two rows or a row and a stored person of another name.</summary>
    public const string EmailConflict = "roster_email_conflict";

    /// <summary>One Entra object id for two people.</summary>
    public const string ObjectIdConflict = "roster_object_id_conflict";

    /// <summary>A supervised department that neither the ledger nor the roster's department column knows: a typo until shown otherwise.</summary>
    public const string UnknownDepartment = "roster_unknown_department";

    /// <summary>A leader names no supervised department, or an officer or admin names some without being a leader.</summary>
    public const string LeaderWithoutDepartments = "roster_leader_without_departments";

    public const string DepartmentsWithoutLeader = "roster_departments_without_leader";

    /// <summary>The ledger has two people of this name: the roster cannot tell which one it means.</summary>
    public const string AmbiguousPerson = "roster_ambiguous_person";

    /// <summary><c>people set</c> names nobody in the ledger.</summary>
    public const string UnknownPerson = "roster_unknown_person";

    /// <summary>The ledger changed between the plan and its confirmation.</summary>
    public const string PlanStale = ImportErrorCodes.PlanStale;

    /// <summary>The plan would leave a ledger that has an admin with none: nobody could import, export or set people again.</summary>
    public const string NoAdminLeft = "roster_no_admin_left";
}

/// <summary>
/// One person as the roster has them. Blank email, object id or department mean "not given" (the stored value stays).
/// Where the sheet has a role or supervised-departments column, its cell is the roster's word for the people it lists;
/// a sheet without that column (names and emails only, say) says nothing about it: <see cref="IsAdmin"/> or
/// <see cref="Supervises"/> is null and the stored rights stay.
/// </summary>
public sealed record RosterEntry(int Row, string Name, string? Department, string? Email, string? ObjectId, bool? IsAdmin, IReadOnlyList<string>? Supervises)
{
    public bool IsLeader => Supervises is { Count: > 0 };

    /// <summary>
    /// Forget the stored Teams account (<c>people set --object-id none</c>); never read from a sheet, where a blank cell
    /// keeps the stored id. The way out when one id is stored for two people (see migration 0081).
    /// </summary>
    public bool UnlinkObjectId { get; init; }
}

public sealed record RosterReadResult(IReadOnlyList<RosterEntry> Entries, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads a roster (.xlsx or .csv) with the ledger import's header matching: the header row is the first naming a name
/// column and at least one other roster column, Chinese or English, folded for width, case and spaces; rows above it
/// are a title. Every bad row is reported; one bad row means no entries.
/// </summary>
public static partial class RosterSheet
{
    private static readonly (RosterColumn Column, string[] Names)[] Headers =
    [
        (RosterColumn.Name, ["姓名", "名字", "人员", "name", "fullname"]),
        (RosterColumn.Department, ["部门", "所在部门", "科室", "单位", "所在单位", "department", "dept"]),
        (RosterColumn.Email, ["邮箱", "电子邮箱", "电子邮件", "邮件地址", "email", "e-mail", "mail", "upn"]),
        (RosterColumn.ObjectId, ["entra对象id", "对象id", "objectid", "entraobjectid", "aadobjectid", "entraid", "azureadobjectid"]),
        (RosterColumn.Role, ["角色", "身份", "权限", "role"]),
        (RosterColumn.Supervises, ["分管部门", "分管科室", "分管单位", "分管", "supervises", "superviseddepartments", "supervised"]),
    ];

    private static readonly Dictionary<string, RosterColumn> ByKey =
        Headers.SelectMany(h => h.Names.Select(n => (n, h.Column))).ToDictionary(h => h.n, h => h.Column, StringComparer.Ordinal);

    public static RosterColumn? Match(string? header) =>
        ByKey.TryGetValue(TextFolding.Key(header).TrimEnd(':').Replace("(必填)", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal), out var column)
            ? column : null;

    private static readonly string[] AdminWords = ["admin", "administrator", "管理员", "系统管理员", "整改办"];
    private static readonly string[] LeaderWords = ["leader", "领导", "分管领导", "责任领导"];
    private static readonly string[] OfficerWords = ["officer", "user", "责任人", "干部", "工作人员", "普通用户"];

    /// <summary>The words a role cell may hold (several joined by 、 , / ; +), in the export's spelling first.</summary>
    public static string RoleWord(bool admin, bool leader, bool chinese) => (admin, leader) switch
    {
        (true, true) => chinese ? "领导、整改办" : "leader, admin",
        (true, false) => chinese ? "整改办" : "admin",
        (false, true) => chinese ? "领导" : "leader",
        _ => chinese ? "责任人" : "officer",
    };

    public static RosterReadResult Read(string path)
    {
        if (Path.GetExtension(path).Equals(".xls", StringComparison.OrdinalIgnoreCase) || LedgerSheetReader.IsLegacyWorkbook(path))
        {
            return new([], [new ImportError(0, null, RosterErrorCodes.FileXls)]);
        }
        List<SheetRow> rows;
        try
        {
            rows = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                ? LedgerSheetReader.CsvRows(path)
                : LedgerSheetReader.XlsxRows(path, MiniExcelLibs.MiniExcel.GetSheetNames(path)[0]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The libraries' messages are for developers; the user gets a plain one in their language.
            _ = e;
            return new([], [new ImportError(0, null, RosterErrorCodes.FileUnreadable)]);
        }
        return Read(rows);
    }

    public static RosterReadResult Read(IReadOnlyList<SheetRow> rows)
    {
        var headerIndex = -1;
        Dictionary<RosterColumn, int> columns = [];
        Dictionary<RosterColumn, string> headerText = [];
        for (var r = 0; r < rows.Count && headerIndex < 0; r++)
        {
            var found = new Dictionary<RosterColumn, int>();
            var texts = new Dictionary<RosterColumn, string>();
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                var text = TimeLimitParser.CellText(rows[r].Cells[c]);
                if (Match(text) is { } column && found.TryAdd(column, c))
                {
                    texts[column] = TextFolding.Fold(text);
                }
            }
            if (found.ContainsKey(RosterColumn.Name) && found.Count >= 2)
            {
                (headerIndex, columns, headerText) = (r, found, texts);
            }
        }
        if (headerIndex < 0)
        {
            return new([], [new ImportError(0, null, RosterErrorCodes.HeaderNotFound)]);
        }

        var errors = new List<ImportError>();
        var entries = new List<RosterEntry>();
        string? Cell(SheetRow row, RosterColumn column) =>
            columns.TryGetValue(column, out var c) && c < row.Cells.Count && TextFolding.Fold(TimeLimitParser.CellText(row.Cells[c])) is { Length: > 0 } text ? text : null;
        string? Header(RosterColumn column) => headerText.GetValueOrDefault(column);

        foreach (var row in rows.Skip(headerIndex + 1))
        {
            if (row.Cells.All(c => TimeLimitParser.CellText(c).Trim().Length == 0))
            {
                continue;
            }
            var rowErrors = new List<ImportError>();
            var name = Cell(row, RosterColumn.Name);
            if (name is null)
            {
                rowErrors.Add(new ImportError(row.Number, Header(RosterColumn.Name), RosterErrorCodes.NameMissing));
            }
            var email = Cell(row, RosterColumn.Email);
            if (email is not null && !EmailShape().IsMatch(email))
            {
                rowErrors.Add(new ImportError(row.Number, Header(RosterColumn.Email), RosterErrorCodes.BadEmail, email));
            }
            var objectId = Cell(row, RosterColumn.ObjectId);
            // A GUID is written in Teams' spelling; anything else is checked by the plan, which lets a value through only
            // when it is the account already linked (a test or playground account), so an exported roster imports back.
            if (objectId is not null && Guid.TryParse(objectId, out var guid))
            {
                objectId = guid.ToString("D");
            }
            // An absent column is not a blank cell: a sheet of names and emails must not demote every admin and leader.
            IReadOnlyList<string>? supervises = columns.ContainsKey(RosterColumn.Supervises) ? Split(Cell(row, RosterColumn.Supervises)) : null;
            var (admin, leader, officer, bad) = Roles(Cell(row, RosterColumn.Role));
            leader |= (admin, leader, officer) == (false, false, false) && supervises is { Count: > 0 };
            // A role cell that names officer or admin but not leader says this person leads nothing, even without the
            // supervised-departments column: kept, their supervisions would leave them a leader in all but the cell.
            // A blank cell names nothing and keeps them.
            if (supervises is null && bad is null && !leader && (admin || officer))
            {
                supervises = [];
            }
            if (bad is not null)
            {
                rowErrors.Add(new ImportError(row.Number, Header(RosterColumn.Role), RosterErrorCodes.BadRole, bad));
            }
            else if (leader && supervises is not { Count: > 0 })
            {
                // Without the column a leader's departments would be a guess: the roster that names a leader names what they supervise.
                rowErrors.Add(new ImportError(row.Number, Header(RosterColumn.Supervises) ?? Header(RosterColumn.Role), RosterErrorCodes.LeaderWithoutDepartments, name));
            }
            else if (!leader && (admin || officer) && supervises is { Count: > 0 })
            {
                rowErrors.Add(new ImportError(row.Number, Header(RosterColumn.Supervises), RosterErrorCodes.DepartmentsWithoutLeader, name));
            }
            errors.AddRange(rowErrors);
            if (name is not null)
            {
                entries.Add(new RosterEntry(row.Number, name, Cell(row, RosterColumn.Department), email, objectId,
                    columns.ContainsKey(RosterColumn.Role) ? admin : null, supervises));
            }
        }

        Duplicates(entries, e => e.Name, StringComparer.Ordinal, Header(RosterColumn.Name), RosterErrorCodes.DuplicateName, errors);
        Duplicates(entries, e => e.Email, StringComparer.OrdinalIgnoreCase, Header(RosterColumn.Email), RosterErrorCodes.EmailConflict, errors);
        Duplicates(entries, e => e.ObjectId, StringComparer.OrdinalIgnoreCase, Header(RosterColumn.ObjectId), RosterErrorCodes.ObjectIdConflict, errors);
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return errors.Count > 0 ? new([], errors) : new(entries, []);
    }

    /// <summary>Departments of a cell, split on 、 , ; / and newlines, as the ledger splits officers.</summary>
    public static IReadOnlyList<string> Split(string? text) => string.IsNullOrWhiteSpace(text) ? []
        : Separators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A blank role is an officer, or a leader when the row names supervised departments.</summary>
    private static (bool Admin, bool Leader, bool Officer, string? Bad) Roles(string? cell)
    {
        var (admin, leader, officer) = (false, false, false);
        foreach (var word in Separators().Split(cell ?? "").Select(TextFolding.Key).Where(w => w.Length > 0))
        {
            if (AdminWords.Contains(word))
            {
                admin = true;
            }
            else if (LeaderWords.Contains(word))
            {
                leader = true;
            }
            else if (OfficerWords.Contains(word))
            {
                officer = true;
            }
            else
            {
                return (false, false, false, cell);
            }
        }
        return (admin, leader, officer, null);
    }

    private static void Duplicates(List<RosterEntry> entries, Func<RosterEntry, string?> key, StringComparer comparer, string? column, string code, List<ImportError> errors)
    {
        foreach (var group in entries.Where(e => key(e) is not null).GroupBy(e => key(e)!, comparer).Where(g => g.Count() > 1))
        {
            errors.AddRange(group.Select(e => new ImportError(e.Row, column, code, group.Key)));
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"[、,;；/+\n]")]
    private static partial Regex Separators();
}
