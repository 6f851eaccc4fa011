namespace Readiness.Web.Hosting;

/// <summary>Where the app may send someone back to after a sign-in or a language switch.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// A path on this site, or "/". Refused: another site ("//host", "/\host", a scheme), and anything a Location
    /// header cannot carry as it is: control characters (tab, line breaks, NUL), spaces, and non-ASCII characters
    /// (a browser may fold "。" into "." and read a host). A real return address is percent-encoded, so it passes.
    /// </summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 and <= 2048 } && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && url.All(c => c is > ' ' and < '\x7f' and not '\\')
            ? url
            : "/";
}
