namespace Readiness.Data.Checklists;

/// <summary>
/// One period of a recurring template inside its stage's window: the calendar month or ISO week that
/// <see cref="Key"/> names, cut to the window (<see cref="Start"/> to <see cref="End"/>), with the words that tell
/// its items apart ("Oktober 2024").
/// </summary>
/// <param name="Key">The first day of the calendar month or week (yyyy-MM-dd in the database): stable whatever the window.</param>
/// <param name="Start">The period's first day inside the window.</param>
/// <param name="End">The period's last day inside the window; an item's due date counts from it.</param>
/// <param name="Label">The period in Indonesian words, added to the item's title.</param>
public sealed record RecurrencePeriod(DateOnly Key, DateOnly Start, DateOnly End, string Label);
