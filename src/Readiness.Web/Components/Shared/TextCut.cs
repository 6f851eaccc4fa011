namespace Readiness.Web.Components.Shared;

/// <summary>
/// A field's value held to its limit (<c>maxlength</c> in the browser already holds typed and pasted text; a longer
/// value can still arrive from a script or an extension): cut to the limit, and said so, so the screen can show the
/// field's message instead of acting on text nobody meant.
/// </summary>
public static class TextCut
{
    /// <summary><paramref name="value"/> cut to <paramref name="limit"/> characters; <paramref name="cut"/> tells whether it was.</summary>
    public static string? ToLimit(string? value, int limit, out bool cut)
    {
        cut = value is not null && value.Length > limit;
        return cut ? value![..limit] : value;
    }
}
