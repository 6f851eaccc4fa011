using System.Runtime.CompilerServices;

namespace Readiness.Web.Tests;

/// <summary>
/// Component tests wait for a condition, never for a latency: on a loaded two-core machine a live update can take
/// longer than bunit's one-second default, so every wait without its own timeout gets 30 seconds.
/// </summary>
internal static class WaitTimeout
{
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
