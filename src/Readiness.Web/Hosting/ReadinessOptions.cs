namespace Readiness.Web.Hosting;

/// <summary>The <c>Readiness</c> configuration section.</summary>
public sealed class ReadinessOptions
{
    public const string SectionName = "Readiness";

    /// <summary>Demo data and the "Mode demo" mark. Defaults to on with the embedded SQLite, off with SQL Server.</summary>
    public bool? Demo { get; set; }

    /// <summary>
    /// The certificate that encrypts the keys protecting sign-in cookies, which are kept in the database every server
    /// shares (<c>Readiness:KeyCertificate:Path</c>/<c>:Password</c> or <c>:Thumbprint</c>). Unset: stored unencrypted,
    /// with a warning at every start.
    /// </summary>
    public KeyCertificateOptions KeyCertificate { get; set; } = new();

    /// <summary>
    /// Take the client's address and scheme from X-Forwarded-For/-Proto: only behind a reverse proxy that sets them,
    /// so the sign-in rate limit counts clients, not the proxy.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>
    /// With <see cref="TrustForwardedHeaders"/>: the proxies whose forwarded headers are believed, as addresses
    /// (<c>10.0.0.5</c>) or CIDR networks (<c>10.0.0.0/24</c>). Empty (the default) trusts loopback only; headers from
    /// any other peer are ignored.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The Prometheus endpoint <c>/metrics</c> (<c>Readiness:Metrics</c>); off by default.</summary>
    public MetricsOptions Metrics { get; set; } = new();

    /// <summary>The password of every demo user (printed at start in demo mode).</summary>
    public string DemoPassword { get; set; } = "demo-kesiapan-pilkada";
}
