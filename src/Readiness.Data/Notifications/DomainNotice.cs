namespace Readiness.Data.Notifications;

/// <summary>
/// A notice of the officials' own work for <see cref="NoticeWriter.NotifyAsync"/>: who gets it follows the enabled
/// rule of <see cref="Kind"/> (its recipient role, e-mail and webhook switches) and the recipients' scopes.
/// </summary>
public sealed record DomainNotice
{
    /// <summary>One of <see cref="EscalationKinds.Domain"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The code of the rule that says who gets it, where a kind has more than one (a request's 24-hour escalation to
    /// leaders, <c>permintaan-24-jam</c>, and its answer to the asking liaison, <c>permintaan-dijawab</c>); null: the
    /// kind's first rule.
    /// </summary>
    public string? RuleCode { get; init; }

    /// <summary>The Kemendagri code of the region concerned; recipients are those whose scope covers it.</summary>
    public required string RegionCode { get; init; }

    /// <summary>For a rule whose recipients are liaison officers: only this agency's (null: every agency's).</summary>
    public string? AgencyCode { get; init; }

    /// <summary>
    /// The line shown in the inbox, the e-mail's subject and the webhook's payload: counts and kinds only, never a
    /// person's name, NIP or phone number, and never a note's text. At most 300 characters.
    /// </summary>
    public required string Subject { get; init; }

    /// <summary>The page to open, relative to the app's base address (e.g. <c>wilayah/64.02</c>), at most 300 characters.</summary>
    public required string Link { get; init; }

    /// <summary>
    /// What makes the notice one of a kind, e.g. <c>kamtibmas:812</c> for the change with id 812: a key already written
    /// for a user writes nothing more for that user, so a retry or a second server's sweep notifies once. At most 100 characters.
    /// </summary>
    public required string DedupKey { get; init; }
}
