using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;

namespace Readiness.Data.Accounts;

/// <summary>Every refused action is logged here, the same way, wherever it is refused (services, endpoints, the hub).</summary>
public static partial class Refusal
{
    /// <summary>Logs the refusal (a warning with actor, role, action, region and reason) and returns the exception to throw.</summary>
    public static AccessDeniedException Deny(ILogger logger, Actor actor, string action, string regionCode, string reason)
    {
        Log(logger, actor, action, regionCode, reason);
        return new AccessDeniedException(reason, $"{actor.Name} ({actor.Role}) may not {action} in '{ForLog(regionCode)}': {reason}.");
    }

    /// <summary>
    /// Logs a refusal where no exception is thrown (a hub method answering with its own error, an HTTP 403). The region
    /// code is as the caller gave it, so it is cut to <see cref="LoggedCodeLength"/> characters with control characters
    /// escaped (<see cref="ForLog"/>): a refused request must not be able to grow the log by what it sends.
    /// </summary>
    public static void Log(ILogger logger, Actor actor, string action, string regionCode, string reason) =>
        LogRefused(logger, actor.Name, actor.Role, action, ForLog(regionCode), reason);

    /// <summary>The longest region code written into a log line; a real code has at most 13 characters.</summary>
    public const int LoggedCodeLength = 24;

    /// <summary>
    /// <paramref name="text"/> as it may go into a log line: at most <see cref="LoggedCodeLength"/> characters, then
    /// <c>…(+N)</c> with the number left out, and every control or format character (new lines, bidi overrides) as
    /// <c>\uXXXX</c>.
    /// </summary>
    public static string ForLog(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = text.Length > LoggedCodeLength ? text[..LoggedCodeLength] : text;
        var builder = new System.Text.StringBuilder(kept.Length + 16);
        foreach (var c in kept)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > kept.Length)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"…(+{text.Length - kept.Length})");
        }

        return builder.ToString();
    }

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Refused: {Actor} ({Role}) may not {Action} in '{Region}': {Reason}")]
    private static partial void LogRefused(ILogger logger, string actor, string role, string action, string region, string reason);
}
