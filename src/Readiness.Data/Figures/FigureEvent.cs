using Readiness.Data.Shared;

namespace Readiness.Data.Figures;

/// <summary>One change of one figure of a kecamatan: who, when, before -> after.</summary>
public sealed record FigureEvent
{
    /// <summary>The event's sequence number.</summary>
    public long Seq { get; init; }

    /// <summary>The kecamatan's code.</summary>
    public string RegionCode { get; init; } = "";

    /// <summary>The kecamatan's name.</summary>
    public string RegionName { get; init; } = "";

    /// <summary>One of <see cref="Figure.All"/>.</summary>
    public string Figure { get; init; } = "";

    /// <summary>The value before; null when it was not set.</summary>
    public int? ValueBefore { get; init; }

    /// <summary>The value after.</summary>
    public int? ValueAfter { get; init; }

    /// <summary>Who changed it (a user name, or the admin who loaded a CSV).</summary>
    public string Actor { get; init; } = "";

    /// <summary>When, UTC.</summary>
    public DateTime AtUtc { get; init; }
}
