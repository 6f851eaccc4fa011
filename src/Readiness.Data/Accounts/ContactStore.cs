using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Accounts;

/// <summary>
/// Who to call: the name, position, unit and mobile number behind the login names that changed or keep items, each
/// user's own profile, and each agency's unit name per regency. Numbers are given only to a signed-in user who may see
/// the item's region, never to a screen.
/// </summary>
public sealed class ContactStore(ConnectionFactory factory, ILogger<ContactStore> logger)
{
    /// <summary>Longest position or unit name.</summary>
    public const int MaxPositionLength = 100;

    /// <summary>Longest full name (as the user administration allows).</summary>
    public const int MaxFullNameLength = 200;

    /// <summary>
    /// The contacts of <paramref name="userNames"/> as a reader of <paramref name="regionCode"/> sees them, by user
    /// name (names that are no user, such as <c>sistem</c>, are left out). A user's unit is their own, or else their
    /// agency's unit in the region's regency.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor may not see the region.</exception>
    public async Task<IReadOnlyDictionary<string, Contact>> ForRegionAsync(Actor actor, string regionCode, IEnumerable<string?> userNames,
        CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read contacts");
        var names = userNames.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!.ToUpperInvariant()).Distinct().ToArray();
        if (names.Length == 0)
        {
            return new Dictionary<string, Contact>();
        }

        const string sql = """
            SELECT u.UserName, u.DisplayName, u.Position, COALESCE(u.UnitName, a.Name) AS Unit, u.Phone
            FROM Users u
            LEFT JOIN AgencyUnits a ON a.AgencyCode = u.AgencyCode AND a.RegionCode = @regency
            WHERE u.NormalizedUserName IN @names;
            """;
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserName, string FullName, string? Position, string? Unit, string? Phone)>(
            new CommandDefinition(sql, new { names, regency = RegencyOf(regionCode) }, cancellationToken: cancellationToken));
        // A screen in an operations room is read by anyone passing: it gets names and units, never a number.
        var mayCall = actor.ScreenTokenId is null && actor.UserId is not null;
        return rows.ToDictionary(r => r.UserName, r => new Contact(r.UserName, r.FullName, r.Position, r.Unit, mayCall ? r.Phone : null),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The signed-in user's own profile (their number included); null for a screen or an unknown user.</summary>
    public async Task<Contact?> OwnAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } id)
        {
            return null;
        }

        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string UserName, string FullName, string? Position, string? Unit, string? Phone)>(
            new CommandDefinition("""
                SELECT u.UserName, u.DisplayName, u.Position,
                       COALESCE(u.UnitName, (SELECT MIN(a.Name) FROM AgencyUnits a JOIN UserScopes s ON s.UserId = u.Id AND a.RegionCode = s.RegionCode
                                             WHERE a.AgencyCode = u.AgencyCode)) AS Unit,
                       u.Phone
                FROM Users u WHERE u.Id = @id;
                """, new { id }, cancellationToken: cancellationToken));
        return row.UserName is null ? null : new Contact(row.UserName, row.FullName, row.Position, row.Unit, row.Phone);
    }

    /// <summary>
    /// A user changes their own full name, position and mobile number; the number is stored in its one form
    /// (<c>628...</c>). Refused for a screen.
    /// </summary>
    /// <exception cref="InputException">A field is empty where required, too long, or the number is not an Indonesian mobile number.</exception>
    /// <exception cref="AccessDeniedException">The actor is not a signed-in user.</exception>
    public async Task<Contact> UpdateOwnAsync(Actor actor, ProfileChange change, CancellationToken cancellationToken = default)
    {
        if (actor.UserId is not { } id)
        {
            throw Refusal.Deny(logger, actor, "edit a profile", "", AccessDeniedException.ReadOnly);
        }

        var fullName = (change.FullName ?? "").Trim();
        if (fullName.Length is 0 or > MaxFullNameLength)
        {
            throw new InputException(InputException.DisplayNameInvalid);
        }

        var position = string.IsNullOrWhiteSpace(change.Position) ? null : change.Position.Trim();
        if (position?.Length > MaxPositionLength)
        {
            throw new InputException(InputException.PositionInvalid, MaxPositionLength);
        }

        // Shown beside every change the person makes: no characters that would turn the text around them.
        InputException.RequireTitleText(fullName);
        InputException.RequireTitleText(position);
        var phone = PhoneNumber.Normalize(change.Phone);

        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Users SET DisplayName = @fullName, Position = @position, Phone = @phone WHERE Id = @id;",
            new { fullName, position, phone, id }, cancellationToken: cancellationToken));
        return (await OwnAsync(actor, cancellationToken))!;
    }

    /// <summary>Sets a seeded user's profile (demo users), with the same checks as a user's own edit.</summary>
    internal async Task SeedProfileAsync(string userName, string fullName, string position, string phone, CancellationToken cancellationToken = default)
    {
        var stored = PhoneNumber.Normalize(phone);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE Users SET DisplayName = @fullName, Position = @position, Phone = @stored WHERE NormalizedUserName = @name;",
            new { fullName, position, stored, name = userName.ToUpperInvariant() }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The unit names of the agencies in a regency, by agency code ("POLRI" -> "Polres Kutai Kartanegara"); an agency
    /// with no name set is absent. Any reader of the regency may read them: a unit's name is public.
    /// </summary>
    /// <exception cref="AccessDeniedException">The actor may not see the regency.</exception>
    public async Task<IReadOnlyDictionary<string, string>> AgencyUnitsAsync(Actor actor, string regencyCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regencyCode, logger, "read unit names");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AgencyCode, string Name)>(new CommandDefinition(
            "SELECT AgencyCode, Name FROM AgencyUnits WHERE RegionCode = @regencyCode;", new { regencyCode }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AgencyCode, r => r.Name);
    }

    /// <summary>
    /// Names an agency's unit in a regency ("Polres Kutai Kartanegara") or a province ("Polda NTB", for the governor's
    /// election); admins only.
    /// </summary>
    /// <exception cref="InputException">The name is empty or too long, or the region is neither a regency nor a province.</exception>
    /// <exception cref="AccessDeniedException">The actor is not an admin.</exception>
    public async Task SetAgencyUnitAsync(Actor actor, string agencyCode, string regencyCode, string name, CancellationToken cancellationToken = default)
    {
        await ActingAdmin.RequireAsync(factory, actor, logger, "name the unit of " + agencyCode + " in " + regencyCode, cancellationToken);
        await SetAgencyUnitAsync(agencyCode, regencyCode, name, cancellationToken);
    }

    /// <summary>As <see cref="SetAgencyUnitAsync(Actor, string, string, string, CancellationToken)"/>, for the system itself (seeding).</summary>
    internal async Task SetAgencyUnitAsync(string agencyCode, string regencyCode, string name, CancellationToken cancellationToken)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxPositionLength)
        {
            throw new InputException(InputException.UnitNameInvalid, MaxPositionLength);
        }

        // A regency's units (Polres, Kodim) and a province's for its governor's election (Polda, Korem, KPU Provinsi).
        if (!RegionCode.IsValid(regencyCode) || RegionCode.LevelOf(regencyCode) is not (RegionLevel.Regency or RegionLevel.Province))
        {
            throw new InputException(InputException.RegionInvalid, regencyCode);
        }

        if (Agencies.Agency.Find(agencyCode) is null)
        {
            throw new InputException(InputException.AgencyRequired);
        }

        // Shown beside every change of the agency's liaisons: no characters that would turn the text around them.
        InputException.RequireTitleText(name);

        var args = new { AgencyCode = agencyCode, RegionCode = regencyCode, Name = name };
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            factory.Dialect.InsertIfMissing("AgencyUnits", ["AgencyCode", "RegionCode"], ["AgencyCode", "RegionCode", "Name"]),
            args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE AgencyUnits SET Name = @Name WHERE AgencyCode = @AgencyCode AND RegionCode = @RegionCode;",
            args, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static string RegencyOf(string regionCode) => regionCode.Length >= 5 ? regionCode[..5] : regionCode;
}
