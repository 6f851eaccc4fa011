namespace Readiness.Data.Figures;

/// <summary>Polri's grading of a kecamatan's TPS, as the Polri liaison sets it: four counts, each 0 or more.</summary>
/// <param name="KurangRawan">TPS graded kurang rawan.</param>
/// <param name="Rawan">TPS graded rawan.</param>
/// <param name="SangatRawan">TPS graded sangat rawan.</param>
/// <param name="Khusus">TPS khusus.</param>
public sealed record TpsClasses(int KurangRawan, int Rawan, int SangatRawan, int Khusus);
