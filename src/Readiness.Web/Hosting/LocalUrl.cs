namespace Readiness.Web.Hosting;

/// <summary>Where the app may send someone back to after a sign-in or a language switch.</summary>
internal static class LocalUrl
{
    /// <summary>A path on this site, or "/": never an open redirect to another site ("//host", "/\\host").</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
