namespace Readiness.Data.Checklists;

/// <summary>
/// The words officials search by that items do not always use. "Logistik" of an election is its ballot boxes, ballots,
/// booths, ink, forms and seals (PKPU on election logistics); an item that says "Kotak suara … tiba di seluruh TPS" is
/// a logistics item although the word is not in it. A searched word matches an item that holds the word itself or
/// any of its terms; the other words still narrow as before. Lower case; matched case-insensitively.
/// </summary>
public static class SearchVocabulary
{
    private static readonly Dictionary<string, string[]> Terms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logistik"] = ["logistik", "kotak suara", "surat suara", "bilik", "tinta", "formulir", "segel"],
        ["keamanan"] = ["keamanan", "pengamanan", "mengamankan", "diamankan", "pengawalan", "mengawal"],
        ["pengamanan"] = ["pengamanan", "keamanan", "mengamankan", "diamankan", "pengawalan", "mengawal"],
        ["netralitas"] = ["netralitas", "netral", "ikrar"],
        ["anggaran"] = ["anggaran", "hibah", "NPHD", "dana"],
        ["hibah"] = ["hibah", "NPHD", "anggaran"],
    };

    /// <summary>The terms a searched <paramref name="word"/> stands for: the word itself first, then its terms.</summary>
    public static IReadOnlyList<string> Expand(string word) =>
        Terms.TryGetValue(word, out var terms) ? terms : [word];
}
