namespace Readiness.Data.Checklists;

/// <summary>
/// The SQL of checklist items and their events, written once for every store: item columns aliased with
/// <c>nameof</c> (Dapper maps by name, so a renamed property would otherwise silently read as 0 or null), and the
/// one event INSERT, whose parameters are <see cref="ItemEventRow"/>'s properties.
/// </summary>
internal static class ItemSql
{
    private static readonly string[] ItemColumnNames =
    [
        nameof(ChecklistItem.Id), nameof(ChecklistItem.ElectionId), nameof(ChecklistItem.RegionCode), nameof(ChecklistItem.AgencyCode),
        nameof(ChecklistItem.StageId), nameof(ChecklistItem.TemplateItemId), nameof(ChecklistItem.Title), nameof(ChecklistItem.Criticality),
        nameof(ChecklistItem.DueDate), nameof(ChecklistItem.Status), nameof(ChecklistItem.Note), nameof(ChecklistItem.UpdatedAtUtc),
        nameof(ChecklistItem.UpdatedBy), nameof(ChecklistItem.Version), nameof(ChecklistItem.Unit), nameof(ChecklistItem.Done),
        nameof(ChecklistItem.Target), nameof(ChecklistItem.TargetFixed), nameof(ChecklistItem.AllowOver),
    ];

    private static readonly string[] EventColumnNames =
    [
        nameof(ItemEventRow.ItemId), nameof(ItemEventRow.ElectionId), nameof(ItemEventRow.RegionCode), nameof(ItemEventRow.AgencyCode),
        nameof(ItemEventRow.StageId), nameof(ItemEventRow.StatusBefore), nameof(ItemEventRow.StatusAfter), nameof(ItemEventRow.Note),
        nameof(ItemEventRow.Actor), nameof(ItemEventRow.AtUtc), nameof(ItemEventRow.ItemVersion), nameof(ItemEventRow.OperationId),
        nameof(ItemEventRow.DoneBefore), nameof(ItemEventRow.DoneAfter), nameof(ItemEventRow.Target),
    ];

    /// <summary>Every column of ChecklistItems, read from the alias <paramref name="alias"/>, named as <see cref="ChecklistItem"/>'s properties.</summary>
    public static string Select(string alias) => string.Join(", ", ItemColumnNames.Select(c => $"{alias}.{c} AS {c}"));

    /// <summary>The columns an INSERT into ChecklistItems names (all but the identity key).</summary>
    public static readonly string InsertColumns = string.Join(", ", ItemColumnNames.Skip(1));

    /// <summary>The columns an INSERT into ItemEvents names, in <see cref="ItemEventRow"/>'s order (all but Seq and RowVer).</summary>
    public static readonly string EventColumns = string.Join(", ", EventColumnNames);

    /// <summary>Appends one event from an <see cref="ItemEventRow"/>.</summary>
    public static readonly string InsertEvent =
        $"INSERT INTO ItemEvents ({EventColumns}) VALUES ({string.Join(", ", EventColumnNames.Select(c => "@" + c))});";

    /// <summary>Appends one event from an <see cref="ItemEventRow"/> of a target that followed a region's figure.</summary>
    public static readonly string InsertFigureEvent =
        $"INSERT INTO ItemEvents ({EventColumns}, FollowsFigure) VALUES ({string.Join(", ", EventColumnNames.Select(c => "@" + c))}, 1);";

    /// <summary>
    /// Appends one event from an <see cref="ItemEventRow"/> that carries another agency's answer to a help request
    /// asked from the item: the item itself did not change.
    /// </summary>
    public static readonly string InsertRequestAnsweredEvent =
        $"INSERT INTO ItemEvents ({EventColumns}, RequestAnswered) VALUES ({string.Join(", ", EventColumnNames.Select(c => "@" + c))}, 1);";

    /// <summary>
    /// Refuses rows that did not map: every stored item has an id and a version of at least 1, so a 0 means a column
    /// and a property no longer share a name, and every save would be a false conflict.
    /// </summary>
    /// <exception cref="InvalidOperationException">An item was read with Id or Version 0.</exception>
    public static ChecklistItem Checked(ChecklistItem item) => item.Id <= 0 || item.Version <= 0
        ? throw new InvalidOperationException(
            $"A checklist item was read with Id {item.Id} and Version {item.Version}: a column is not mapped to {nameof(ChecklistItem)}.")
        : item;
}
