namespace Readiness.Data.Checklists;

/// <summary>Why an item is a red flag; the numbers are what the SQL form of <see cref="RedFlagRule"/> returns.</summary>
public enum RedFlagKind
{
    /// <summary>Kendala: someone said it is blocked.</summary>
    Blocked = 0,

    /// <summary>Its due date has passed in the region's own calendar and it is not ready.</summary>
    Overdue = 1,

    /// <summary>A critical item due within <see cref="RedFlagRule.DueSoonDays"/> days (in the region's calendar) and not ready.</summary>
    DueSoon = 2,
}
