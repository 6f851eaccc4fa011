namespace Readiness.Data.Checklists;

/// <summary>The parameters of <see cref="ItemSql.InsertEvent"/>: one row of the event log as written.</summary>
internal sealed record ItemEventRow(
    long ItemId, int ElectionId, string RegionCode, string AgencyCode, int StageId, string? StatusBefore, string StatusAfter,
    string? Note, string Actor, DateTime AtUtc, int ItemVersion, string OperationId, int? DoneBefore, int? DoneAfter, int? Target)
{
    /// <summary>
    /// The event of <paramref name="after"/> (its status, note, number, author, time and version), coming from
    /// <paramref name="before"/> (null: created) and the number done before (<paramref name="doneBefore"/>).
    /// </summary>
    public static ItemEventRow Of(ChecklistItem after, string? before, Guid operationId, int? doneBefore = null) => new(
        after.Id, after.ElectionId, after.RegionCode, after.AgencyCode, after.StageId, before, after.Status, after.Note,
        after.UpdatedBy ?? "", after.UpdatedAtUtc, after.Version, operationId.ToString("D"), doneBefore, after.Done, after.Target);
}
