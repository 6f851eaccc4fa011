namespace Readiness.Data.Checklists;

/// <summary>Which of a liaison's items a task list starts from.</summary>
public enum TaskView
{
    /// <summary>
    /// What needs the liaison now: not ready and either Kendala, due within <see cref="TaskQuery.SoonDays"/> days
    /// (overdue included) or in a stage under way, each judged by the date in the item's own region.
    /// </summary>
    Now = 0,

    /// <summary>Every item of the liaison's agency in their scope.</summary>
    All = 1,
}
