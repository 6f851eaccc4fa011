using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Readiness.Data.Notifications;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Notifications;

/// <summary>
/// Writes a notification in words from the app's strings: in Indonesian for e-mails and webhooks (receivers outside
/// the app have no language setting), in the reader's language in the inbox. Times in the region's own zone.
/// </summary>
public sealed class NotificationText(IStringLocalizer<SharedResource> localizer, IOptions<NotificationOptions> options)
{
    private static readonly CultureInfo Indonesian = new("id-ID");

    /// <summary>The message in Indonesian, as e-mails and webhooks carry it.</summary>
    public NotificationMessage Indonesia(InboxNotification notification)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Indonesian;
        try
        {
            return Compose(notification);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>The title line in the current UI culture (the inbox).</summary>
    public string Title(InboxNotification n) => n.Kind switch
    {
        _ when n.IsDomain => n.Subject ?? "",
        EscalationKinds.Blocked when n.IsGroup => localizer["Notify.Title.BlockedGroup", n.ItemCount ?? 0, n.RegionName ?? ""],
        EscalationKinds.Overdue when n.IsGroup => localizer["Notify.Title.OverdueGroup", n.ItemCount ?? 0, n.RegionName ?? ""],
        EscalationKinds.Blocked => localizer["Notify.Title.Blocked", n.ItemTitle ?? "", n.RegionName ?? ""],
        EscalationKinds.Overdue => localizer["Notify.Title.Overdue", n.ItemTitle ?? "", n.RegionName ?? ""],
        _ => localizer["Notify.Title.Digest", n.Digest is { } d ? FormatDate(d.Date) : "", ZoneOf(n).Abbreviation],
    };

    /// <summary>The link to one item, absolute when the public address is configured.</summary>
    public string Link(long itemId) => Absolute($"/butir/{itemId}");

    /// <summary>
    /// The path that opens the notification's subject: a domain notice's own page, the item, or the inbox for a group
    /// or a digest. A domain notice's link is kept inside the app: anything but a relative path opens the inbox.
    /// </summary>
    public static string PathOf(InboxNotification n) => n switch
    {
        { IsDomain: true, Link: { } link } when IsAppPath(link) => "/" + link.TrimStart('/'),
        { ItemId: { } id } => $"/butir/{id}",
        _ => $"/kotak-masuk?n={n.Id}",
    };

    private static bool IsAppPath(string link) =>
        link.Length > 0 && !link.Contains("//", StringComparison.Ordinal) && !link.Contains('\\') && !link.Contains(':', StringComparison.Ordinal);

    private NotificationMessage Compose(InboxNotification n)
    {
        var link = Absolute(PathOf(n));
        var subject = $"[{localizer["Notify.AppName"]}] {Title(n)}";
        var text = new StringBuilder();
        var html = new StringBuilder();
        var encode = HtmlEncoder.Default;
        void Line(string line)
        {
            text.Append(line).Append('\n');
            html.Append("<p>").Append(encode.Encode(line)).Append("</p>\n");
        }

        if (n.Digest is { } digest)
        {
            Line(localizer["Notify.Digest.Intro", FormatDate(digest.Date), string.Join(", ", digest.RegionCodes)]);
            Line(localizer["Notify.Digest.NewBlocked", digest.NewBlocked]);
            Line(localizer["Notify.Digest.OverdueCritical", digest.OverdueCritical]);
            html.Append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><tr>")
                .Append($"<th>{encode.Encode(localizer["Readiness.Agency"])}</th><th>{encode.Encode(localizer["Notify.Digest.Now"])}</th>")
                .Append($"<th>{encode.Encode(localizer["Notify.Digest.Yesterday"])}</th></tr>\n");
            foreach (var a in digest.Agencies)
            {
                var agency = AgencyName(a.AgencyCode);
                var line = localizer["Notify.Digest.Agency", agency, Percent(a.PercentNow), a.ReadyNow, a.TotalNow, Yesterday(a)];
                text.Append("- ").Append(line).Append('\n');
                html.Append($"<tr><td>{encode.Encode(agency)}</td><td>{encode.Encode($"{Percent(a.PercentNow)} ({a.ReadyNow}/{a.TotalNow})")}</td>")
                    .Append($"<td>{encode.Encode(Yesterday(a))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }
        else if (n.IsGroup)
        {
            Line(localizer["Notify.Group.Intro", n.ItemCount ?? 0, n.RegionName ?? ""]);
            text.Append('\n');
            html.Append("<ul>\n");
            foreach (var item in n.Items)
            {
                var line = localizer["Notify.Group.Item", item.Title, item.RegionName, item.AgencyCode, FormatDate(item.DueDate),
                    localizer["Status." + item.Status]];
                text.Append("- ").Append(line).Append(' ').Append(Link(item.ItemId)).Append('\n');
                html.Append($"<li><a href=\"{encode.Encode(Link(item.ItemId))}\">{encode.Encode(line)}</a></li>\n");
            }

            html.Append("</ul>\n");
            if (n.ItemCount > n.Items.Count)
            {
                Line(localizer["Notify.Group.More", (n.ItemCount ?? 0) - n.Items.Count]);
            }
        }
        else if (n.IsDomain)
        {
            Line(n.Subject ?? "");
            Line(localizer["Notify.Domain.Region", n.RegionName ?? n.RegionCode ?? ""]);
        }
        else
        {
            Line(n.Kind == EscalationKinds.Blocked
                ? localizer["Notify.Blocked.Body", n.ItemTitle ?? "", n.RegionName ?? "", n.AgencyCode ?? ""]
                : localizer["Notify.Overdue.Body", n.ItemTitle ?? "", n.RegionName ?? "", n.AgencyCode ?? "",
                    n.DueDate is { } due ? FormatDate(due) : ""]);
            if (n.ItemStatus is { } status)
            {
                Line(localizer["Notify.StatusNow", localizer["Status." + status]]);
            }

            if (n.ItemNote is { Length: > 0 } note)
            {
                // The liaison's own words, said to be theirs and quoted, so they never read as the app's message.
                Line(localizer["Notify.NoteBy", n.ItemNoteBy ?? "", n.AgencyCode ?? "", note.ReplaceLineEndings(" ")]);
            }
        }

        Line(localizer["Notify.SentAt", FormatTime(n.CreatedAtUtc, ZoneOf(n))]);
        text.Append(localizer["Notify.Open"]).Append(' ').Append(link).Append('\n');
        html.Append($"<p><a href=\"{encode.Encode(link)}\">{encode.Encode(localizer["Notify.Open"])}</a></p>\n");
        var document = $"<!DOCTYPE html>\n<html lang=\"id\"><body style=\"font-family: sans-serif\">\n{html}</body></html>\n";
        return new NotificationMessage(subject, text.ToString(), document, link);
    }

    private string Absolute(string path) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? path : options.Value.PublicBaseUrl.TrimEnd('/') + path;

    private static RegionTimeZone ZoneOf(InboxNotification n) => RegionCalendar.ZoneOf(n.TimeZone);

    /// <summary>The agency as every screen writes it (its short name, "Bawaslu"); the code when it is not one of the five.</summary>
    public static string AgencyName(string code) => Readiness.Data.Agencies.Agency.Find(code)?.ShortName ?? code;

    /// <summary>
    /// A digest line's share ready 24 hours earlier, in the current culture ("34,5%"), or that there is no figure
    /// ("belum ada") when none of its items existed then.
    /// </summary>
    public string Yesterday(DigestAgencyLine line) =>
        line.PercentBefore is { } before ? Percent(before) : localizer["Notify.Digest.NoFigure"];

    /// <summary>A digest line's share ready now, in the current culture ("34,5%").</summary>
    public static string Now(DigestAgencyLine line) => Percent(line.PercentNow);

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.CurrentCulture) + "%";

    private static string FormatDate(DateOnly date) => date.ToString("dddd, d MMMM yyyy", CultureInfo.CurrentCulture);

    private static string FormatTime(DateTime utc, RegionTimeZone zone) =>
        $"{zone.ToLocal(utc).ToString("d MMMM yyyy HH.mm", CultureInfo.CurrentCulture)} {zone.Abbreviation}";
}
