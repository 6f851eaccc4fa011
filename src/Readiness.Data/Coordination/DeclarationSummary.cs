namespace Readiness.Data.Coordination;

/// <summary>
/// Where a regency stands before a stage: each agency's newest declaration (void ones included and marked), how many
/// hold (<see cref="Holding"/>) of how many agencies (<see cref="AgencyCount"/>): "4 dari 5 instansi menyatakan siap".
/// </summary>
public sealed record DeclarationSummary(string RegencyCode, string Moment, IReadOnlyList<Declaration> Declarations, int AgencyCount)
{
    /// <summary>Declarations that hold (not void).</summary>
    public int Holding => Declarations.Count(d => !d.IsVoid);

    /// <summary>Declarations made void by a later Kendala.</summary>
    public int Void => Declarations.Count(d => d.IsVoid);
}
