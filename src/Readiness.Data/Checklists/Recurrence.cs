using System.Globalization;

namespace Readiness.Data.Checklists;

/// <summary>
/// How a template recurs inside its stage's window, written once: monthly (calendar months) or weekly (ISO weeks,
/// Monday to Sunday). Each period becomes an item of its own, due on the period's last day inside the window plus the
/// template's offset, so an unsent monthly report is overdue like any other item.
/// </summary>
public static class Recurrence
{
    /// <summary>Once a calendar month.</summary>
    public const string Monthly = "bulanan";

    /// <summary>Once a week, Monday to Sunday.</summary>
    public const string Weekly = "mingguan";

    // Month names as Indonesians write them; spelled out so the titles never depend on the host's culture data.
    private static readonly string[] Months =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ];

    /// <summary>
    /// The periods of <paramref name="recurrence"/> that meet the window <paramref name="start"/> to
    /// <paramref name="end"/> (both inclusive), in order, each cut to the window. Empty when the window is empty.
    /// </summary>
    /// <exception cref="ArgumentException">The recurrence is neither monthly nor weekly.</exception>
    public static IReadOnlyList<RecurrencePeriod> Periods(string recurrence, DateOnly start, DateOnly end)
    {
        var periods = new List<RecurrencePeriod>();
        var key = recurrence switch
        {
            Monthly => new DateOnly(start.Year, start.Month, 1),
            Weekly => start.AddDays(-(((int)start.DayOfWeek + 6) % 7)),
            _ => throw new ArgumentException($"'{recurrence}' is not a recurrence.", nameof(recurrence)),
        };
        while (key <= end)
        {
            var next = recurrence == Monthly ? key.AddMonths(1) : key.AddDays(7);
            var periodStart = key < start ? start : key;
            var periodEnd = next.AddDays(-1) > end ? end : next.AddDays(-1);
            periods.Add(new RecurrencePeriod(key, periodStart, periodEnd, Label(recurrence, key)));
            key = next;
        }

        return periods;
    }

    /// <summary>The key stored with a period's items (yyyy-MM-dd of its calendar start).</summary>
    public static string KeyText(DateOnly key) => key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(string recurrence, DateOnly key) => recurrence == Monthly
        ? $"{Months[key.Month - 1]} {key.Year}"
        : $"pekan {key.Day} {Months[key.Month - 1]} {key.Year}";
}
