using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Accounts;

/// <summary>
/// The check before every admin action: the actor is an admin (<see cref="Actor.CanAdminister"/>), and, when the actor
/// is a stored user, that user is still an enabled admin in the database now. An open page or hub connection learns
/// of a disabled or demoted admin only at its next re-check (up to a minute later); this closes that window for
/// everything an admin changes or lists. An actor without a user id (a seeder, a command run by the operator) is the
/// process itself and is not looked up.
/// </summary>
public static class ActingAdmin
{
    /// <summary>Throws (after logging the refusal) unless <paramref name="actor"/> is an admin who is still enabled.</summary>
    /// <exception cref="AccessDeniedException">Reason <see cref="AccessDeniedException.AdminOnly"/>.</exception>
    public static async Task RequireAsync(ConnectionFactory factory, Actor actor, ILogger logger, string action,
        CancellationToken cancellationToken = default)
    {
        actor.RequireAdminister(logger, action);
        if (actor.UserId is not { } userId || userId <= 0)
        {
            return;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        var current = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM Users WHERE Id = @userId AND IsDisabled = 0 AND Role = @role;",
            new { userId, role = Roles.Admin }, cancellationToken: cancellationToken));
        if (current == 0)
        {
            throw Refusal.Deny(logger, actor, action + " (no longer an enabled admin)", "", AccessDeniedException.AdminOnly);
        }
    }
}
