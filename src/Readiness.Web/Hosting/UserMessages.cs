using Microsoft.Extensions.Localization;
using Readiness.Data.Shared;

namespace Readiness.Web.Hosting;

/// <summary>What a refused input or action says to the person, in their language.</summary>
public static class UserMessages
{
    /// <summary>The message for a refusal the services raise; null for anything else (a fault, to be logged).</summary>
    public static string? ForUser(this IStringLocalizer localizer, Exception exception) => exception switch
    {
        InputException input => localizer[input.Key, input.Arguments].Value,
        AccessDeniedException denied => localizer[denied.Reason].Value,
        _ => null,
    };
}
