using System.Runtime.CompilerServices;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>
/// Journeys wait for a condition, never for a latency: on a loaded two-core machine a page can take longer than
/// Playwright's five-second default to reach it (marking 127 notices read, a list closing), so every assertion
/// without its own timeout waits up to 30 seconds. A condition that holds returns at once.
/// </summary>
internal static class ExpectTimeout
{
    [ModuleInitializer]
    internal static void Initialize() => Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
}
