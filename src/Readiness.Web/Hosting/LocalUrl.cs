using System.Text;

namespace Readiness.Web.Hosting;

/// <summary>Where the app may send someone back to after a sign-in or a language switch.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// A path on this site, or "/". Refused: another site ("//host", "/\host", a scheme), and anything a Location
    /// header cannot carry as it is: control characters (tab, line breaks, NUL), spaces, and non-ASCII characters in
    /// the path (a browser may fold "。" into "." and read a host). Non-ASCII text after the path (a search such as
    /// <c>?cari=café</c>, which arrives decoded from the sign-in page's own query) is percent-encoded as UTF-8, so the
    /// person lands on the page they asked for; half a surrogate pair cannot be encoded and goes home.
    /// </summary>
    public static string OrHome(string? url)
    {
        if (url is not { Length: > 0 and <= 2048 } || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return "/";
        }

        var query = url.IndexOfAny(['?', '#']);
        var path = query < 0 ? url : url[..query];
        if (!path.All(IsPlain))
        {
            return "/";
        }

        if (query < 0)
        {
            return url;
        }

        var builder = new StringBuilder(path, url.Length + 32);
        for (var i = query; i < url.Length; i++)
        {
            var c = url[i];
            if (IsPlain(c))
            {
                builder.Append(c);
            }
            else if (c >= '\x80' && !char.IsSurrogate(c))
            {
                Encode(builder, url.AsSpan(i, 1));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
            {
                Encode(builder, url.AsSpan(i, 2));
                i++;
            }
            else
            {
                return "/";
            }
        }

        return builder.Length <= 4096 ? builder.ToString() : "/";
    }

    private static bool IsPlain(char c) => c is > ' ' and < '\x7f' and not '\\';

    private static void Encode(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = Encoding.UTF8.GetBytes(text, bytes);
        foreach (var b in bytes[..count])
        {
            builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
