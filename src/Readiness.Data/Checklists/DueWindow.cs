namespace Readiness.Data.Checklists;

/// <summary>A due-date filter, judged by the date in each item's own region (WIB, WITA or WIT).</summary>
public enum DueWindow
{
    /// <summary>Due date passed and not ready.</summary>
    Overdue = 1,

    /// <summary>Due from today through the next <see cref="TaskQuery.SoonDays"/> days.</summary>
    ThisWeek = 2,

    /// <summary>Due after that.</summary>
    Later = 3,
}
