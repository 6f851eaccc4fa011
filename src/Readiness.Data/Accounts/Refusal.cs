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
        return new AccessDeniedException(reason, $"{actor.Name} ({actor.Role}) may not {action} in '{regionCode}': {reason}.");
    }

    /// <summary>Logs a refusal where no exception is thrown (a hub method answering with its own error, an HTTP 403).</summary>
    public static void Log(ILogger logger, Actor actor, string action, string regionCode, string reason) =>
        LogRefused(logger, actor.Name, actor.Role, action, regionCode, reason);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Warning, Message = "Refused: {Actor} ({Role}) may not {Action} in '{Region}': {Reason}")]
    private static partial void LogRefused(ILogger logger, string actor, string role, string action, string region, string reason);
}
