namespace Rectification.Data.People;

public sealed record Person(
    long Id,
    string Name,
    long? DepartmentId,
    string? Department,
    string? Email,
    string? TeamsUserId,
    string? TimeZone,
    bool IsAdmin,
    IReadOnlyList<long> SupervisedDepartmentIds,
    string? Language = null,
    string? TeamsTenantId = null)
{
    public bool IsLeader => SupervisedDepartmentIds.Count > 0;
}
