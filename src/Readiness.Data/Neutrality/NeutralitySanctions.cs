namespace Readiness.Data.Neutrality;

/// <summary>The sanction a PPK imposes: a moral sanction, or a disciplinary penalty under PP 94/2021.</summary>
public static class NeutralitySanctions
{
    /// <summary>Moral sanction (sanksi moral).</summary>
    public const string Moral = "moral";

    /// <summary>Light disciplinary penalty (hukuman disiplin ringan).</summary>
    public const string Light = "ringan";

    /// <summary>Medium disciplinary penalty (hukuman disiplin sedang).</summary>
    public const string Medium = "sedang";

    /// <summary>Heavy disciplinary penalty (hukuman disiplin berat).</summary>
    public const string Heavy = "berat";

    /// <summary>Every sanction, lightest first.</summary>
    public static readonly IReadOnlyList<string> All = [Moral, Light, Medium, Heavy];
}
