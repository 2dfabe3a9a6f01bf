using Rectification.Data.People;

namespace Rectification.Data.Ledger;

/// <summary>
/// Who may change what. Kept beside the data so every change is checked, whatever path it came by.
/// Officers report on their own tasks; leaders act on the tasks of the departments they supervise;
/// admins may do anything.
/// </summary>
public static class LedgerPermissions
{
    public static bool CanReport(Person person, TaskDetail task) =>
        person.IsAdmin || task.OfficerList.Any(o => o.Id == person.Id) || Supervises(person, task);

    public static bool CanDecide(Person person, TaskDetail task) => person.IsAdmin || Supervises(person, task);

    public static bool CanSee(Person person, TaskDetail task) => CanReport(person, task);

    private static bool Supervises(Person person, TaskDetail task) =>
        task.LeadDepartmentId is { } department && person.SupervisedDepartmentIds.Contains(department);
}
