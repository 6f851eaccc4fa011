namespace Readiness.Data.Notifications;

/// <summary>One agency's readiness in a digest: items ready and in all, now and 24 hours earlier, in the recipient's scope.</summary>
public sealed record DigestAgencyLine(string AgencyCode, int ReadyNow, int TotalNow, int ReadyBefore, int TotalBefore)
{
    /// <summary>Share ready now, 0-100 (0 when there is no item).</summary>
    public double PercentNow => TotalNow == 0 ? 0 : 100.0 * ReadyNow / TotalNow;

    /// <summary>
    /// Share ready 24 hours earlier, 0-100; null when none of today's items existed then (a first day, or items all
    /// made since): there is no figure for yesterday, which is not the same as nothing ready.
    /// </summary>
    public double? PercentBefore => TotalBefore == 0 ? null : 100.0 * ReadyBefore / TotalBefore;
}
