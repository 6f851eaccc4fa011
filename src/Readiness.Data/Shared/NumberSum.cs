namespace Readiness.Data.Shared;

/// <summary>
/// Numbers on items added up: how many are done of how many, in one unit, over <see cref="Items"/> items of one agency
/// (and, per item, of one template: <see cref="TemplateItemId"/> and <see cref="Title"/>). <see cref="Target"/> adds
/// only the items that have a target; <see cref="Done"/> adds every item's number done (not set counts as 0).
/// </summary>
public sealed record NumberSum(string AgencyCode, string Unit, int Done, int Target, int Items, int? TemplateItemId = null, string? Title = null)
{
    /// <summary>"38/45 TPS" (or "38 TPS" when no item has a target).</summary>
    public string Text => ItemNumbers.Format(Done, Target > 0 ? Target : null, Unit);
}
