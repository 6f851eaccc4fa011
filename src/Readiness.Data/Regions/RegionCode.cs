using System.Text.RegularExpressions;

namespace Readiness.Data.Regions;

/// <summary>Kemendagri region codes. A code is a prefix of its children's codes, which is how subtrees are queried.</summary>
public static partial class RegionCode
{
    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    public static RegionLevel LevelOf(string code) => (RegionLevel)code.Split('.').Length;

    /// <summary>A LIKE pattern for the strict descendants of <paramref name="code"/>.</summary>
    public static string DescendantPattern(string code) => code + ".%";

    /// <summary>Whether <paramref name="code"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public static bool IsWithin(string code, string ancestor) =>
        code == ancestor || code.StartsWith(ancestor + ".", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{2}(\.\d{2}(\.\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
