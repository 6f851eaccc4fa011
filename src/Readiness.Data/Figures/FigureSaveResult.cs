namespace Readiness.Data.Figures;

/// <summary>What became of a change of a kecamatan's figures: one of the three cases below, and nothing else.</summary>
public abstract record FigureSaveResult
{
    private FigureSaveResult()
    {
    }

    /// <summary>Stored, with the targets that follow it; <see cref="TargetsChanged"/> items took a new target.</summary>
    public sealed record Saved(RegionFigures Figures, int TargetsChanged) : FigureSaveResult;

    /// <summary>The same operation was stored before (a replayed click): nothing was written this time.</summary>
    public sealed record AlreadyApplied(RegionFigures Figures) : FigureSaveResult;

    /// <summary>Someone else changed the figures since they were read: nothing was written; here are theirs.</summary>
    public sealed record Conflict(RegionFigures Current) : FigureSaveResult;
}
