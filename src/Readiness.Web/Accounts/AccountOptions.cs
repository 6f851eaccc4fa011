using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Readiness.Web.Accounts;

/// <summary>The <c>Readiness:Accounts</c> configuration section.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Readiness:Accounts";

    /// <summary>How often an open circuit and a cookie are checked against the database. At most 5 minutes.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts (login posts) allowed per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Screen-token opens allowed per client address per minute, counted apart from sign-in attempts.</summary>
    public int ScreenOpensPerMinute { get; set; } = 60;

    /// <summary>
    /// Hub connections one user, or one screen token, may hold open on one server at once; the next one is closed
    /// at once with a message. A wall screen needs one; a few spare cover reloads whose old connection is not yet gone.
    /// </summary>
    public int HubConnectionsPerIdentity { get; set; } = 20;
}
