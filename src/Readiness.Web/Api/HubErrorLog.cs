using Microsoft.AspNetCore.SignalR;

namespace Readiness.Web.Api;

/// <summary>
/// Logs what goes wrong in a hub method, in place of SignalR's own log of it. SignalR writes every exception a hub
/// method throws as an error with its stack trace, refusals (<see cref="HubException"/>, the hub's answer to a bad
/// request) included: one client sending bad requests could grow the log without bound. Refusals are logged by the
/// hub itself, cut short and throttled; everything else is logged here as an error, and rethrown.
/// </summary>
internal sealed partial class HubErrorLog(ILogger<HubErrorLog> logger) : IHubFilter
{
    /// <summary>SignalR's log category whose errors this filter writes instead.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (ex is not HubException and not OperationCanceledException)
        {
            LogFailed(ex, invocationContext.HubMethodName, invocationContext.Context.ConnectionId);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed on connection {ConnectionId}")]
    private partial void LogFailed(Exception ex, string method, string connectionId);
}
