using System.Globalization;

namespace Readiness.Web.Hosting;

/// <summary>
/// Query values as pages read them. A query string is typed by anyone, so pages bind every query parameter as a
/// string (a typed binding answers 500 to "15s") and read numbers here: never an error, always a value in range.
/// </summary>
internal static class QueryValue
{
    /// <summary>
    /// The whole number in <paramref name="text"/>, clamped to [<paramref name="min"/>, <paramref name="max"/>];
    /// a number too large for an int is clamped too; <paramref name="fallback"/> for anything that is not a number.
    /// </summary>
    public static int Clamped(string? text, int fallback, int min, int max)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return Math.Clamp(fallback, min, max);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return (int)Math.Clamp(number, min, max);
        }

        // Digits only, but beyond a long: as far as it can go in that direction.
        var digits = text.TrimStart('+', '-');
        if (digits.Length > 0 && text.Length - digits.Length <= 1 && digits.All(char.IsAsciiDigit))
        {
            return text[0] == '-' ? min : max;
        }

        return Math.Clamp(fallback, min, max);
    }
}
