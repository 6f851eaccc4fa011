namespace Readiness.Data.Feed;

/// <summary>The <c>Readiness:Feed</c> configuration section.</summary>
public sealed class FeedOptions
{
    public const string SectionName = "Readiness:Feed";

    /// <summary>How often the pump reads when not nudged: the delay for changes made on other servers.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the counters are written to the log.</summary>
    public TimeSpan LogInterval { get; set; } = TimeSpan.FromMinutes(5);
}
