using Readiness.Data.Shared;

namespace Readiness.Data.Accounts;

/// <summary>
/// Indonesian mobile numbers, as people write them ("0812-3456-7890", "+62 812 3456 7890", "62812...") and as they
/// are stored: digits with the country code, <c>628</c> then 8 to 11 digits (a mobile number is 10 to 13 digits
/// written with its leading 0).
/// </summary>
public static class PhoneNumber
{
    /// <summary>
    /// The stored form of <paramref name="text"/>: null when empty; spaces, dashes, dots and brackets are dropped.
    /// </summary>
    /// <exception cref="InputException">Not an Indonesian mobile number; the message shows the form expected.</exception>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = text.Trim();
        var digits = new string(kept.Where(char.IsAsciiDigit).ToArray());
        if (kept.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '.' or '(' or ')' or '+')) || kept.IndexOf('+', 1) > 0)
        {
            throw new InputException(InputException.PhoneInvalid);
        }

        var national = digits switch
        {
            _ when digits.StartsWith("62", StringComparison.Ordinal) => digits[2..],
            _ when digits.StartsWith('0') && !kept.StartsWith('+') => digits[1..],
            _ => null,
        };
        return national is { Length: >= 9 and <= 12 } && national[0] == '8'
            ? "62" + national
            : throw new InputException(InputException.PhoneInvalid);
    }

    /// <summary>The WhatsApp chat link of a stored number: <c>https://wa.me/628123456789</c>.</summary>
    public static string WhatsAppUrl(string stored) => "https://wa.me/" + stored;

    /// <summary>The dialling link of a stored number: <c>tel:+628123456789</c>.</summary>
    public static string TelUrl(string stored) => "tel:+" + stored;

    /// <summary>The number as Indonesians read it: <c>0812-3456-7890</c>.</summary>
    public static string Display(string stored)
    {
        var local = "0" + stored[2..];
        return local.Length <= 8 ? local : $"{local[..4]}-{local[4..8]}-{local[8..]}";
    }
}
