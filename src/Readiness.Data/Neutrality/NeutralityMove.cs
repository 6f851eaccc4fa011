namespace Readiness.Data.Neutrality;

/// <summary>
/// Moving case <see cref="CaseId"/> (read at <see cref="ExpectedVersion"/>) to <see cref="ToStep"/>. To
/// <see cref="NeutralitySteps.AtPpk"/> it takes the PPK's deadline in days from today in the case's region
/// (<see cref="DeadlineDays"/>, 1-90, default 14); to <see cref="NeutralitySteps.Sanctioned"/> the sanction
/// (<see cref="Sanction"/>). A replay with the same <see cref="OperationId"/> writes nothing.
/// </summary>
public sealed record NeutralityMove(int CaseId, int ExpectedVersion, string ToStep, Guid OperationId, int? DeadlineDays = null, string? Sanction = null)
{
    /// <summary>The deadline a recommendation at the PPK gets when none is given.</summary>
    public const int DefaultDeadlineDays = 14;
}
