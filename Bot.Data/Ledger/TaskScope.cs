namespace Rectification.Data.Ledger;

/// <summary>Whose tasks a query looks at. Roles map onto these: officer, leader, admin (all).</summary>
public abstract record TaskScope
{
    private TaskScope()
    {
    }

    public sealed record All : TaskScope;

    /// <summary>Tasks the person is a responsible officer (责任人) of.</summary>
    public sealed record Officer(long PersonId) : TaskScope;

    /// <summary>Tasks whose lead department the person supervises (分管).</summary>
    public sealed record Leader(long PersonId) : TaskScope;

    public sealed record Department(long DepartmentId) : TaskScope;

    public sealed record Aspect(long AspectId) : TaskScope;

    public static readonly TaskScope Everything = new All();
}

public enum TaskFilter
{
    /// <summary>Not written off.</summary>
    Active,
    /// <summary>Open with a due date before today.</summary>
    Overdue,
    /// <summary>Open, due today or within the window.</summary>
    DueSoon,
    /// <summary>Everything, written off included.</summary>
    All,
}
