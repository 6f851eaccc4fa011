using Readiness.Data.Accounts;

namespace Readiness.Web.Hosting;

/// <summary>Where a person lands after signing in when they asked for no particular page: where their work is.</summary>
internal static class Landing
{
    /// <summary>
    /// "/tugas" for a liaison (their agency's items that need them now), "/" for everyone else (the regions in their
    /// scope). <paramref name="returnUrl"/> wins when it names a page other than the start page.
    /// </summary>
    public static string For(string role, string? returnUrl)
    {
        var url = LocalUrl.OrHome(returnUrl);
        return url == "/" && role == Roles.Liaison ? "/tugas" : url;
    }
}
