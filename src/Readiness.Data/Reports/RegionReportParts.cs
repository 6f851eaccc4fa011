namespace Readiness.Data.Reports;

/// <summary>The parts of a <see cref="RegionReport"/> that an update moved, so a screen re-renders only those.</summary>
[Flags]
public enum RegionReportParts
{
    /// <summary>Nothing moved.</summary>
    None = 0,

    /// <summary>Today, the stage and the days to voting (the report was read again after local midnight).</summary>
    Day = 1,

    /// <summary>Readiness overall, by agency and by stage.</summary>
    Readiness = 2,

    /// <summary>Numbers on items.</summary>
    Numbers = 4,

    /// <summary>The red flags or their totals.</summary>
    Flags = 8,

    /// <summary>The regions one level down (their readiness or overdue counts), and so the map's figures.</summary>
    Children = 16,

    /// <summary>The latest changes.</summary>
    Latest = 32,

    /// <summary>The region's own items.</summary>
    Items = 64,

    /// <summary>The contacts of names shown.</summary>
    Contacts = 128,

    /// <summary>Everything (a new read).</summary>
    All = Day | Readiness | Numbers | Flags | Children | Latest | Items | Contacts,
}
