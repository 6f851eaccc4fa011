namespace Readiness.Data.Neutrality;

/// <summary>Kinds of ASN neutrality violation, as Bawaslu records them.</summary>
public static class NeutralityKinds
{
    /// <summary>Social media: posting, liking, sharing or commenting for a candidate.</summary>
    public const string SocialMedia = "media-sosial";

    /// <summary>Attending a campaign event.</summary>
    public const string Campaign = "kampanye";

    /// <summary>A photo or gesture with a candidate.</summary>
    public const string Photo = "foto-gestur";

    /// <summary>Use of office facilities.</summary>
    public const string Facilities = "fasilitas";

    /// <summary>Decisions that favour a candidate.</summary>
    public const string Decision = "keputusan";

    /// <summary>Joining a campaign team.</summary>
    public const string Team = "tim-kampanye";

    /// <summary>Anything else.</summary>
    public const string Other = "lainnya";

    /// <summary>Every kind, in the order forms list them.</summary>
    public static readonly IReadOnlyList<string> All = [SocialMedia, Campaign, Photo, Facilities, Decision, Team, Other];
}
