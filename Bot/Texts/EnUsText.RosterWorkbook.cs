using Rectification.Data.People;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string RosterSheetName => "Roster";

    public override string RosterHeader(RosterColumn column) => column switch
    {
        RosterColumn.Name => "Name",
        RosterColumn.Department => "Department",
        RosterColumn.Email => "Email",
        RosterColumn.ObjectId => "Entra object id",
        RosterColumn.Role => "Role",
        _ => "Supervised departments",
    };

    public override string RosterFileName(string day) => F("roster-{0}.xlsx", day);

    protected override bool RosterChineseRoles => false;
}
