using Rectification.Data.Import;

namespace Rectification.Data.People;

/// <summary>
/// <c>people set</c>: a change to one stored person. Null leaves a field as it is; <see cref="Supervises"/> set to an empty
/// list (with <see cref="IsAdmin"/> false) makes the person a plain officer again.
/// </summary>
public sealed record PersonEdit(bool? IsAdmin = null, IReadOnlyList<string>? Supervises = null, string? Email = null, string? ObjectId = null, string? Department = null,
    bool UnlinkObjectId = false)
{
    /// <summary>The <c>--object-id</c> value that unlinks the person's Teams account instead of setting one.</summary>
    public const string NoObjectId = "none";

    public bool IsEmpty => this == new PersonEdit();

    /// <summary>
    /// The stored person with the edit applied, as a one-row roster, so an edit passes exactly the checks of an import
    /// (email and object id shape and uniqueness, role, known departments). Errors carry row 0: there is no sheet.
    /// </summary>
    public static RosterReadResult AsRoster(Person person, IReadOnlyList<string> supervisedNames, PersonEdit edit)
    {
        var supervises = edit.Supervises ?? supervisedNames;
        var admin = edit.IsAdmin ?? person.IsAdmin;
        // The stored object id is not carried into the row: a blank cell keeps it unchanged, whereas the stored spelling
        // of an id migration 0081 could not lower would be found held by the other person and refuse every edit.
        var header = new SheetRow(1, ["name", "department", "email", "object id", "role", "supervises"]);
        var row = new SheetRow(2,
        [
            person.Name, edit.Department ?? person.Department, edit.Email ?? person.Email, edit.ObjectId,
            RosterSheet.RoleWord(admin, supervises.Count > 0, chinese: false), string.Join("、", supervises),
        ]);
        var read = RosterSheet.Read([header, row]);
        return new(read.Entries.Select(e => e with { UnlinkObjectId = edit.UnlinkObjectId }).ToList(), read.Errors.Select(e => e with { Row = 0, Column = null }).ToList());
    }
}
