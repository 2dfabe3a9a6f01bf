using Rectification.Data.Import;
using Rectification.Data.People;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string PeopleUsage => """
        Usage: people import <roster.xlsx|.csv> [--dry-run]   load a roster (columns: name, department, email, Entra object id, role, supervised departments)
               people list                                    list people and their roles
               people export <roster.xlsx>                    write the roster (edit it and import it again)
               people set <name> [--admin|--officer] [--leader "<dept, …>"] [--email <email>] [--object-id <id>|none] [--department <dept>]
        Roles: officer, leader, admin (combined as "leader, admin"). --object-id none unlinks the person's Teams account.
        """;

    public override string? RosterErrorMessage(string code, string? value) => code switch
    {
        RosterErrorCodes.FileUnreadable => "The file cannot be read. Send the roster as an .xlsx or .csv file.",
        RosterErrorCodes.FileXls => "Old .xls files are not read. Save the file as .xlsx in Excel and import that.",
        RosterErrorCodes.HeaderNotFound => "No header found: a roster needs a Name column and at least one of department, email, Entra object id, role, supervised departments.",
        RosterErrorCodes.NameMissing => "The name is missing.",
        RosterErrorCodes.DuplicateName => F("The name '{0}' appears more than once; a roster lists each person once.", value),
        RosterErrorCodes.BadRole => F("Unknown role '{0}': use officer, leader or admin.", value),
        RosterErrorCodes.BadEmail => F("'{0}' is not an email address.", value),
        RosterErrorCodes.BadObjectId => F("'{0}' is not an Entra object id (a GUID such as 00000000-0000-0000-0000-000000000000).", value),
        RosterErrorCodes.EmailConflict => F("The email {0} belongs to someone else; one email cannot be two people.", value),
        RosterErrorCodes.ObjectIdConflict => F("The Entra object id {0} belongs to someone else; one account cannot be two people.", value),
        RosterErrorCodes.UnknownDepartment => F("The supervised department '{0}' is in neither the ledger nor the roster; check its name.", value),
        RosterErrorCodes.LeaderWithoutDepartments => F("{0} is a leader but no supervised departments are given.", value),
        RosterErrorCodes.DepartmentsWithoutLeader => F("{0} has supervised departments but the role is not leader.", value),
        RosterErrorCodes.AmbiguousPerson => F("The ledger has several people named '{0}'; tell them apart in the ledger first.", value),
        RosterErrorCodes.UnknownPerson => F("Nobody named '{0}' is in the ledger.", value),
        RosterErrorCodes.PlanStale => "People changed since the preview; nothing was written. Import again to see the new preview.",
        RosterErrorCodes.NoAdminLeft => "After this change the ledger would have no admin; nothing was written. Keep at least one admin (role 'admin' in the roster's Role column).",
        _ => null,
    };

    public override string RosterFailed(int count) => F("The roster was not imported: {0} error(s), nothing was written.", count);

    public override string RosterFieldName(string field) => field switch
    {
        RosterFields.Department => "department",
        RosterFields.Email => "email",
        RosterFields.ObjectId => "Entra object id",
        RosterFields.Admin => "admin",
        RosterFields.Supervises => "supervised departments",
        _ => field,
    };

    public override string RosterPlanSummary(int created, int updated, int unchanged) => F("{0} new, {1} updated, {2} unchanged.", created, updated, unchanged);

    public override string RosterPlanNew(RosterEntry entry) => F("New: {0}", RosterListLine(entry));

    public override string RosterPlanChange(string name, FieldChange change) => F("Updated: {0}'s {1} from '{2}' to '{3}'", name, RosterFieldName(change.Field),
        RosterValue(change.Field, change.Before), RosterValue(change.Field, change.After));

    private static string RosterValue(string field, string? value) => field == RosterFields.Admin ? (value == "true" ? "yes" : "no") : string.IsNullOrEmpty(value) ? "(none)" : value;

    public override string RosterApplied(int created, int updated, int unchanged) => F("Roster imported: {0} new, {1} updated, {2} unchanged.", created, updated, unchanged);

    public override string RosterDryRunDone => "This was a preview (--dry-run); nothing was written.";

    public override string RosterListLine(RosterEntry entry) => F("{0} | {1} | {2} | {3} | {4}{5}", entry.Name, entry.Department ?? "(no department)", entry.Email ?? "(no email)",
        entry.ObjectId ?? "(no account)", RosterSheet.RoleWord(entry.IsAdmin ?? false, entry.IsLeader, chinese: false),
        entry.IsLeader ? F(" | supervises: {0}", string.Join(", ", entry.Supervises ?? [])) : "");

    public override string RosterEmpty => "Nobody yet.";

    public override string RosterExported(int people, string path) => F("Wrote {0} people to {1}", people, path);
}
