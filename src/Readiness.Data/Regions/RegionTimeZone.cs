namespace Readiness.Data.Regions;

/// <summary>Indonesia's three time zones (no daylight saving), with the abbreviation officials read.</summary>
public sealed record RegionTimeZone(string Id, string Abbreviation, int UtcOffsetHours)
{
    public static readonly RegionTimeZone Wib = new("Asia/Jakarta", "WIB", 7);
    public static readonly RegionTimeZone Wita = new("Asia/Makassar", "WITA", 8);
    public static readonly RegionTimeZone Wit = new("Asia/Jayapura", "WIT", 9);

    // WITA: Bali and Nusa Tenggara, South/East/North Kalimantan, all of Sulawesi. WIT: Maluku and Papua.
    // West and Central Kalimantan stay on WIB.
    private static readonly HashSet<string> WitaProvinces = ["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"];

    public static RegionTimeZone ForProvince(string provinceCode)
    {
        if (WitaProvinces.Contains(provinceCode))
        {
            return Wita;
        }

        return provinceCode[0] is '8' or '9' ? Wit : Wib;
    }

    public static RegionTimeZone FromId(string id) => id switch
    {
        "Asia/Jakarta" => Wib,
        "Asia/Makassar" => Wita,
        "Asia/Jayapura" => Wit,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Not an Indonesian time zone."),
    };

    /// <summary>The local time of <paramref name="utc"/> in this zone (fixed offsets: Indonesia keeps no daylight saving).</summary>
    public DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc.AddHours(UtcOffsetHours), DateTimeKind.Unspecified);

    /// <summary>Today's date in this zone (<see cref="RegionCalendar.DateAt"/> at the clock's now).</summary>
    public DateOnly Today(TimeProvider time) => RegionCalendar.DateAt(this, time.GetUtcNow().UtcDateTime);
}
