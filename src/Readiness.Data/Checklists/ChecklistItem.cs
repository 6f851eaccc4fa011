using Readiness.Data.Feed;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// One readiness item of one agency in one region (regency or kecamatan) for one election, as stored. Times are UTC;
/// <see cref="DueDate"/> is a date in the region's own calendar. <see cref="Version"/> starts at 1 and grows by one
/// with every change.
/// </summary>
public sealed record ChecklistItem
{
    public required long Id { get; init; }

    public required int ElectionId { get; init; }

    public required string RegionCode { get; init; }

    public required string AgencyCode { get; init; }

    public required int StageId { get; init; }

    public int? TemplateItemId { get; init; }

    public required string Title { get; init; }

    public required string Criticality { get; init; }

    public required DateOnly DueDate { get; init; }

    public required string Status { get; init; }

    public string? Note { get; init; }

    public required DateTime UpdatedAtUtc { get; init; }

    public string? UpdatedBy { get; init; }

    public required int Version { get; init; }

    /// <summary>What the item counts ("TPS", "OPD", "personel"); null for an item without a number.</summary>
    public string? Unit { get; init; }

    /// <summary>How many are done so far (0 to <see cref="ItemNumbers.MaxValue"/>); null until first set.</summary>
    public int? Done { get; init; }

    /// <summary>How many there are to do; null while nobody has said.</summary>
    public int? Target { get; init; }

    /// <summary>The target comes from the template and cannot be changed on the item.</summary>
    public bool TargetFixed { get; init; }

    /// <summary>Done may exceed the target (meetings held, patrols run).</summary>
    public bool AllowOver { get; init; }

    /// <summary>Nobody has changed the item since it was created (from a template, or added by a liaison).</summary>
    public bool NeverUpdated => Version == 1;

    /// <summary>Whether the item counts something.</summary>
    public bool HasNumber => Unit is not null;

    /// <summary>"38/45 TPS"; empty for an item without a number.</summary>
    public string NumberText => ItemNumbers.Format(Done, Target, Unit);

    /// <summary>
    /// More done than the target allows ("46/45 TPS" after a figure went down): shown flagged for the liaison to
    /// correct, never capped; the rule is <see cref="ItemNumbers.IsOverTarget"/>.
    /// </summary>
    public bool OverTarget => ItemNumbers.IsOverTarget(Done, Target, AllowOver);

    /// <summary>
    /// The item as <paramref name="e"/> left it; unchanged when the event is another item's or older than this. An
    /// answer to a help request from it moves only its version: its status, note and last change stay its agency's.
    /// </summary>
    public ChecklistItem PatchedBy(FeedEvent e) =>
        e.ItemId != Id || e.ItemVersion <= Version
            ? this
            : e.RequestAnswered
            ? this with { Version = e.ItemVersion }
            : this with
            {
                Status = e.StatusAfter, Note = e.Note, UpdatedAtUtc = e.AtUtc, UpdatedBy = e.Actor, Version = e.ItemVersion,
                Done = e.Unit is null ? Done : e.DoneAfter, Target = e.Unit is null ? Target : e.Target,
            };

    /// <summary>The item as the event left it, for a screen that did not hold it yet (no template id: events do not carry it).</summary>
    public static ChecklistItem FromEvent(FeedEvent e) => new()
    {
        Id = e.ItemId,
        ElectionId = e.ElectionId,
        RegionCode = e.RegionCode,
        AgencyCode = e.AgencyCode,
        StageId = e.StageId,
        Title = e.Title,
        Criticality = e.Criticality,
        DueDate = e.DueDate,
        Status = e.StatusAfter,
        Note = e.Note,
        UpdatedAtUtc = e.AtUtc,
        UpdatedBy = e.Actor,
        Version = e.ItemVersion,
        Unit = e.Unit,
        Done = e.DoneAfter,
        Target = e.Target,
    };
}
