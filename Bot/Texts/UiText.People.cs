using Rectification.Data.Import;
using Rectification.Data.People;

namespace Rectification.Bot.Texts;

/// <summary>The roster: people import/list/set/export, and its row errors.</summary>
public abstract partial class UiText
{
    public abstract string PeopleUsage { get; }

    /// <summary>The message for a roster error code (null when this language has none: a test keeps that from happening).</summary>
    public abstract string? RosterErrorMessage(string code, string? value);

    public abstract string RosterFailed(int count);

    /// <summary>A person field as this language names it in a plan ("email", "分管部门").</summary>
    public abstract string RosterFieldName(string field);

    public abstract string RosterPlanSummary(int created, int updated, int unchanged);

    public abstract string RosterPlanNew(RosterEntry entry);

    public abstract string RosterApplied(int created, int updated, int unchanged);

    public abstract string RosterDryRunDone { get; }

    /// <summary>One person as <c>people list</c> prints them.</summary>
    public abstract string RosterListLine(RosterEntry entry);

    public abstract string RosterEmpty { get; }

    public abstract string RosterExported(int people, string path);

    public string Describe(RosterError error) => ImportErrorLine(error.Error.Row, error.Error.Column, RosterErrorMessage(error.Error.Code, error.Error.Value) ?? error.Error.Code);

    /// <summary>The plan as lines: a summary, then every new person and every changed field.</summary>
    public IReadOnlyList<string> DescribeRosterPlan(RosterPlan plan)
    {
        var lines = new List<string> { RosterPlanSummary(plan.New.Count, plan.Updated.Count, plan.Unchanged) };
        lines.AddRange(plan.New.Select(e => RosterPlanNew(e.Entry)));
        foreach (var updated in plan.Updated)
        {
            lines.AddRange(updated.Changes.Select(c => RosterPlanChange(updated.Entry.Name, c)));
        }
        return lines;
    }

    public abstract string RosterPlanChange(string name, FieldChange change);
}

/// <summary>A roster error, told apart from a ledger import error only by how it is worded.</summary>
public readonly record struct RosterError(ImportError Error);
