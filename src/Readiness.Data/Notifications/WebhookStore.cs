using Microsoft.Extensions.Logging;
using Dapper;
using Microsoft.Extensions.Options;
using Readiness.Data.Accounts;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Notifications;

/// <summary>
/// Webhook registrations: a name, an http(s) URL and the secret the receiver checks signatures with (stored
/// encrypted, see <see cref="WebhookSecrets"/>). Admins only. Internal addresses are refused, see
/// <see cref="WebhookAddressPolicy"/>.
/// </summary>
public sealed class WebhookStore(ConnectionFactory factory, TimeProvider time, WebhookSecrets secrets, IOptions<NotificationOptions> options,
    ILogger<WebhookStore> logger)
{
    /// <summary>Every registration, by name (without secrets).</summary>
    public async Task<IReadOnlyList<Webhook>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "list webhooks", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Webhook>(new CommandDefinition(
            "SELECT Id, Name, Url, IsEnabled, CreatedAtUtc, CreatedBy FROM Webhooks ORDER BY Name, Id;", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Registers a receiver; every notification created from now on is posted to it.</summary>
    /// <exception cref="InputException">
    /// Blank or long name, a URL that is not absolute http(s) or names an internal address that is not allowed, or a
    /// secret under 16 characters or with spaces at either end (a secret is never trimmed: the receiver would check
    /// signatures under a different key).
    /// </exception>
    public async Task<int> AddAsync(Actor actor, string name, string url, string secret, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "add a webhook", cancellationToken);
        name = name?.Trim() ?? "";
        url = url?.Trim() ?? "";
        secret ??= "";
        InputException.RequirePlainText(name);
        if (name.Length is 0 or > 200)
        {
            throw new InputException(NotificationInput.WebhookNameInvalid);
        }

        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InputException(NotificationInput.WebhookUrlInvalid, url);
        }

        if (WebhookAddressPolicy.Refuses(uri, options.Value.AllowedWebhookHosts))
        {
            throw new InputException(NotificationInput.WebhookUrlInternal, uri.Host);
        }

        if (secret.Length > 0 && (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[^1])))
        {
            throw new InputException(NotificationInput.WebhookSecretSpaces);
        }

        if (secret.Length is < 16 or > 200 || secret.Any(char.IsControl))
        {
            throw new InputException(NotificationInput.WebhookSecretInvalid);
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO Webhooks (Name, Url, Secret, IsEnabled, CreatedAtUtc, CreatedBy) VALUES (@name, @url, @secret, 1, @now, @by);
            {factory.Dialect.SelectInsertedId}
            """, new { name, url, secret = secrets.Protect(secret), now = time.GetUtcNow().UtcDateTime, by = actor.Name }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Turns a receiver on or off; off, it gets nothing new (rows already queued are still sent). A secret still
    /// stored in plain text (written before secrets were encrypted) is encrypted by this write.
    /// </summary>
    public async Task SetEnabledAsync(Actor actor, int id, bool enabled, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "switch a webhook", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT Secret FROM Webhooks WHERE Id = @id;", new { id },
            transaction, cancellationToken: cancellationToken));
        var secret = stored is null || WebhookSecrets.IsProtected(stored) ? stored : secrets.Protect(stored);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE Webhooks SET IsEnabled = @enabled, Secret = COALESCE(@secret, Secret) WHERE Id = @id;",
            new { enabled, secret, id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }


    /// <summary>Removes a receiver and its undelivered and dead rows.</summary>
    public async Task DeleteAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "delete a webhook", cancellationToken);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM Webhooks WHERE Id = @id;", new { id }, cancellationToken: cancellationToken));
    }
}
