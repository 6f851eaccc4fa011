namespace Readiness.Data.Shared;

/// <summary>Counts of items by status; the share of items ready is what dashboards call readiness.</summary>
public sealed record ReadinessCounts(int NotStarted, int InProgress, int Ready, int Blocked)
{
    public static readonly ReadinessCounts Empty = new(0, 0, 0, 0);

    public int Total => NotStarted + InProgress + Ready + Blocked;

    /// <summary>Share of items Siap, 0-1; null when there is no item (no readiness to speak of, not 0%).</summary>
    public double? ReadyShare => Total == 0 ? null : (double)Ready / Total;

    public ReadinessCounts Add(string status, int count) => status switch
    {
        ItemStatus.NotStarted => this with { NotStarted = NotStarted + count },
        ItemStatus.InProgress => this with { InProgress = InProgress + count },
        ItemStatus.Ready => this with { Ready = Ready + count },
        ItemStatus.Blocked => this with { Blocked = Blocked + count },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static ReadinessCounts operator +(ReadinessCounts a, ReadinessCounts b) =>
        new(a.NotStarted + b.NotStarted, a.InProgress + b.InProgress, a.Ready + b.Ready, a.Blocked + b.Blocked);
}
