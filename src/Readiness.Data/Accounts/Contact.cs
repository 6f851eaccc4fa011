namespace Readiness.Data.Accounts;

/// <summary>
/// Who changed or keeps an item, as a leader needs them to call: the full name, position and unit, and the mobile
/// number (stored form, <c>628...</c>) only where the reader may call them (a signed-in user whose scope covers the
/// item; never a screen).
/// </summary>
public sealed record Contact(string UserName, string FullName, string? Position, string? Unit, string? Phone)
{
    /// <summary>"Bripka Andi Saputra, Bintara Bagian Operasional, Polres Kutai Kartanegara" (position and unit where known).</summary>
    public string Line => string.Join(", ", new[] { FullName, Position, Unit }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>"Bripka Andi Saputra, Polres Kutai Kartanegara": the name and unit only, for a printed line.</summary>
    public string Short => string.Join(", ", new[] { FullName, Unit }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
