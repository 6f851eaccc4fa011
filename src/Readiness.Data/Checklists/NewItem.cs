namespace Readiness.Data.Checklists;

/// <summary>A liaison's own item, added beside the template items.</summary>
public sealed record NewItem(int ElectionId, string RegionCode, int StageId, string Title, DateOnly DueDate, string Criticality);
