using System.Diagnostics.Metrics;
using Readiness.Data.Feed;

namespace Readiness.Web.Live;

/// <summary>
/// This server's live-feed figures as <see cref="System.Diagnostics.Metrics"/> instruments of the meter
/// <c>Readiness</c>, read from the feed pump and the circuit count each time a listener collects (Prometheus at
/// <c>/metrics</c> when <c>Readiness:Metrics:Enabled</c>, or <c>dotnet-counters</c>). Per server, since every
/// server runs its own pump; counters count from this process's start.
/// </summary>
public sealed class ReadinessMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c> and <c>dotnet-counters --counters</c>.</summary>
    public const string MeterName = "Readiness";

    /// <summary>Creates the instruments on the meter <see cref="MeterName"/> made by the host's meter factory.</summary>
    public ReadinessMetrics(IMeterFactory meters, FeedPump pump)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("readiness.feed.queries", () => pump.Counters.Queries, "{query}",
            "Reads of the event log by this server's feed pump (one per change per server, plus polls).");
        meter.CreateObservableCounter("readiness.feed.events_applied", () => pump.Counters.EventsApplied, "{event}",
            "Events applied to this server's board and handed to its screens.");
        meter.CreateObservableGauge("readiness.feed.lag", () => pump.Counters.LagSeconds is { } lag
                ? [new Measurement<double>(lag)]
                : Array.Empty<Measurement<double>>(), "s",
            "For the last event applied: seconds from its save to this server applying it.");
        meter.CreateObservableGauge("readiness.feed.delivered", () => pump.Counters.DeliveredSeconds is { } delivered
                ? [new Measurement<double>(delivered)]
                : Array.Empty<Measurement<double>>(), "s",
            "For the last batch of changes: seconds from its save to every screen on this server having rendered it.");
        meter.CreateObservableUpDownCounter("readiness.feed.subscribers", () => pump.Counters.Subscribers, "{subscriber}",
            "Screens and hub groups on this server that receive the feed.");
        meter.CreateObservableUpDownCounter("readiness.circuits.open", () => CircuitCounter.Open, "{circuit}",
            "Open Blazor circuits (interactive pages) on this server.");
    }
}
