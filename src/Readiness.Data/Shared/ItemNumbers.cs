using System.Globalization;
namespace Readiness.Data.Shared;

/// <summary>
/// The rules of numbers on items, written once: what a liaison may enter as done and as target, and how a number
/// reads ("38/45 TPS", "7 -> 9 dari 14 OPD"). Units are short Indonesian nouns from the templates and read the same in
/// both languages.
/// </summary>
public static class ItemNumbers
{
    /// <summary>The largest number done or target an item may hold (a sane bound: a regency has a few thousand TPS).</summary>
    public const int MaxValue = 100_000;

    /// <summary>
    /// Refuses a number done or a target a liaison may not set: below zero, above <see cref="MaxValue"/>, a target
    /// below one (zero only where a figure fixed it, <paramref name="targetFixed"/>: a kecamatan with no TPS), or done
    /// above the target where the item does not allow it.
    /// </summary>
    /// <exception cref="InputException">The number is out of bounds; nothing has been written.</exception>
    public static void Validate(int? done, int? target, bool allowOver, bool targetFixed = false)
    {
        if (done is < 0 or > MaxValue)
        {
            throw new InputException(InputException.DoneInvalid, MaxValue);
        }

        if (target < (targetFixed ? 0 : 1) || target > MaxValue)
        {
            throw new InputException(InputException.TargetInvalid, MaxValue);
        }

        if (!allowOver && done is { } d && target is { } t && d > t)
        {
            throw new InputException(InputException.DoneAboveTarget, d, t);
        }
    }

    /// <summary>
    /// The rule for a number done above its target on an item that does not allow it ("46/45 TPS"). It happens only
    /// when a figure moves a fixed target below what a liaison had already counted (a kecamatan's TPS count corrected
    /// from 46 to 45, or to 0). The target follows the figure at once and the number done is never lowered by the
    /// system: the count is the liaison's own report, and silently capping it would hide either a wrong figure or a
    /// wrong count. The item shows both numbers as they are, flagged "melebihi target" (in words, not by colour alone)
    /// on its card and on the region's list, so the liaison corrects one or the other; a save that sets a number must
    /// bring it within the target again (<see cref="Validate"/>), while a save of status or note alone is not refused.
    /// An item that allows more (meetings held, patrols run) is never over its target.
    /// </summary>
    public static bool IsOverTarget(int? done, int? target, bool allowOver) =>
        !allowOver && done is { } d && target is { } t && d > t;

    /// <summary>
    /// A number typed by a person, in either culture's digits ("38", " 1.200 " or "1200"): null when the text is empty;
    /// refused with a clear message when it is not a whole number.
    /// </summary>
    /// <exception cref="InputException">The text is not a whole number between 0 and <see cref="MaxValue"/>.</exception>
    public static int? Parse(string? text, string invalidKey)
    {
        var trimmed = (text ?? "").Trim().Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            return null;
        }

        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxValue
            ? value
            : throw new InputException(invalidKey, MaxValue);
    }

    /// <summary>"38/45 TPS", "38 TPS" without a target, "-/45 TPS" before anything is done; empty without a unit.</summary>
    public static string Format(int? done, int? target, string? unit)
    {
        if (unit is null)
        {
            return "";
        }

        var d = done?.ToString(CultureInfo.InvariantCulture) ?? "-";
        return target is { } t ? $"{d}/{t.ToString(CultureInfo.InvariantCulture)} {unit}" : $"{d} {unit}";
    }
}
