using System.Text.RegularExpressions;

namespace Readiness.Data.Shared;

/// <summary>Kemendagri region codes. A code is a prefix of its children's codes, which is how subtrees are queried.</summary>
public static partial class RegionCode
{
    /// <summary>
    /// Whether <paramref name="code"/> is a province, regency or kecamatan code (<c>64</c>, <c>64.02</c>,
    /// <c>64.02.05</c>): ASCII digits only and nothing after the last one, not even a line break.
    /// </summary>
    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static RegionLevel LevelOf(string code) => (RegionLevel)code.Split('.').Length;

    // A code and everything under it are the strings in ["64.02", "64.02/"): codes have a fixed shape, and '/'
    // follows '.' in every collation these databases use. A range, unlike LIKE (case-insensitive in SQLite, so never
    // answered from an index) or an OR of conditions, is one index seek on both stores.

    /// <summary>The inclusive lower bound of the codes under <paramref name="code"/>.</summary>
    public static string DescendantsFrom(string code) => code + ".";

    /// <summary>The exclusive upper bound of the codes under <paramref name="code"/>.</summary>
    public static string DescendantsTo(string code) => code + "/";

    /// <summary>Whether <paramref name="code"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public static bool IsWithin(string code, string ancestor) =>
        code == ancestor || code.StartsWith(ancestor + ".", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="code"/> lies under one of <paramref name="ancestors"/> (<see cref="IsWithin"/>); true when there are none (the nation).</summary>
    public static bool IsWithinAny(string code, IReadOnlyCollection<string> ancestors) =>
        ancestors.Count == 0 || ancestors.Any(a => IsWithin(code, a));

    // \A and \z, not ^ and $ ($ also matches before a final line break); [0-9], not \d (\d also matches full-width
    // and other Unicode digits).
    [GeneratedRegex(@"\A[0-9]{2}(\.[0-9]{2}(\.[0-9]{2})?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
