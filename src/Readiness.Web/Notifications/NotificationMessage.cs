namespace Readiness.Web.Notifications;

/// <summary>A notification as words: a subject line, plain text and a simple HTML part, and the link to open.</summary>
/// <param name="Subject">One line.</param>
/// <param name="Text">Plain text, lines separated by <c>\n</c>.</param>
/// <param name="Html">A simple HTML body (every value encoded).</param>
/// <param name="Link">Absolute when <c>Readiness:Notifications:PublicBaseUrl</c> is set, otherwise a path.</param>
public sealed record NotificationMessage(string Subject, string Text, string Html, string Link);
