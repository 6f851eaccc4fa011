namespace Readiness.Web.Notifications;

/// <summary>What a Web Push message carries to the service worker (<c>wwwroot/sw.js</c>): nothing a stranger holding the phone should not see.</summary>
/// <param name="Title">The notice's title line (Indonesian, as e-mails).</param>
/// <param name="Link">The path in the app the notification opens, e.g. <c>/butir/123</c>.</param>
/// <param name="Tag">The same on every try of one delivery: the browser replaces a repeat instead of showing it twice.</param>
public sealed record PushPayload(string Title, string Link, string Tag);
