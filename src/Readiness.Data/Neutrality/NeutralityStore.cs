using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Accounts;
using Readiness.Data.Feed;
using Readiness.Data.Regions;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Neutrality;

/// <summary>
/// ASN neutrality: the OPD register with pledges and Satgas, socialisation sessions, and cases from registration to
/// the PPK's sanction. Every write checks <see cref="NeutralityRights"/>, validates first and writes its change and
/// its <c>NeutralityEvents</c> row in one transaction (nothing half-written; nothing deleted). Personal data of a case
/// leaves this class only for an entitled reader, and each such read writes a <c>NeutralityCaseViews</c> row.
/// </summary>
public sealed class NeutralityStore(ConnectionFactory factory, TimeProvider time, FeedSignal feedSignal, ILogger<NeutralityStore> logger)
{
    /// <summary>Longest name, position, OPD or audience.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Longest account or note.</summary>
    public const int MaxAccountLength = 1000;

    private const string CaseColumns = $"""
        c.Id AS {nameof(NeutralityCase.Id)}, c.RegionCode AS {nameof(NeutralityCase.RegionCode)}, r.Name AS {nameof(NeutralityCase.RegionName)},
        r.TimeZone AS {nameof(NeutralityCase.TimeZone)}, c.Kind AS {nameof(NeutralityCase.Kind)}, c.Source AS {nameof(NeutralityCase.Source)},
        c.ReportedOn AS {nameof(NeutralityCase.ReportedOn)}, c.Step AS {nameof(NeutralityCase.Step)}, c.StepAtUtc AS {nameof(NeutralityCase.StepAtUtc)},
        c.PpkDeadline AS {nameof(NeutralityCase.PpkDeadline)}, c.Sanction AS {nameof(NeutralityCase.Sanction)}, c.Version AS {nameof(NeutralityCase.Version)},
        c.CreatedAtUtc AS {nameof(NeutralityCase.CreatedAtUtc)}, c.CreatedBy AS {nameof(NeutralityCase.CreatedBy)}
        """;

    private const string PersonalColumns = $"""
        c.PersonName AS {nameof(NeutralityCase.PersonName)}, c.Nip AS {nameof(NeutralityCase.Nip)}, c.Position AS {nameof(NeutralityCase.Position)},
        c.OfficeName AS {nameof(NeutralityCase.OfficeName)}, c.Account AS {nameof(NeutralityCase.Account)}
        """;

    private const string OfficeColumns = "Id, RegionCode, Name, PledgedOn, SatgasOn, SatgasDecree, Version, UpdatedAtUtc, UpdatedBy";

    private const string SessionColumns = "Id, RegionCode, HeldOn, Audience, Participants, AgencyCode, Note, CreatedAtUtc, CreatedBy";

    // Everything under a region: the region itself or a code in [code., code/) (see RegionCode.DescendantsFrom).
    private const string UnderRegion = "(@all = 1 OR {0} = @code OR ({0} >= @from AND {0} < @to))";

    private const string InsertEvent = """
        INSERT INTO NeutralityEvents (RegionCode, Subject, SubjectId, Action, StepBefore, StepAfter, Detail, Actor, AtUtc, OperationId)
        VALUES (@RegionCode, @Subject, @SubjectId, @Action, @StepBefore, @StepAfter, @Detail, @Actor, @AtUtc, @OperationId);
        """;

    // ---- counts ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Counts of <paramref name="regionCode"/> and everything under it (<c>""</c> = the nation, admins only): OPD
    /// pledged and with Satgas, sessions and participants, cases by step, the oldest recommendation waiting at the PPK
    /// in whole days by the region's local date, and how many are past their deadline. No personal data.
    /// </summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<NeutralitySummary> SummaryAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read neutrality counts");
        await using var connection = await factory.OpenAsync(cancellationToken);
        var zone = await ZoneAsync(connection, null, regionCode, cancellationToken);
        var today = zone.Today(time);
        var args = Under(regionCode, new { today });
        var sql = $"""
            SELECT COUNT(*) AS Total,
                   COALESCE(SUM(CASE WHEN PledgedOn IS NOT NULL THEN 1 ELSE 0 END), 0) AS Pledged,
                   COALESCE(SUM(CASE WHEN SatgasOn IS NOT NULL THEN 1 ELSE 0 END), 0) AS Satgas
            FROM NeutralityOffices WHERE {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")};
            SELECT COUNT(*) AS Sessions, COALESCE(SUM(Participants), 0) AS Participants
            FROM NeutralitySessions WHERE {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")};
            SELECT Step, COUNT(*) AS Cases FROM NeutralityCases
            WHERE {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")} GROUP BY Step;
            SELECT MIN(StepAtUtc) AS Oldest, COALESCE(SUM(CASE WHEN PpkDeadline < @today THEN 1 ELSE 0 END), 0) AS Late
            FROM NeutralityCases WHERE Step = '{NeutralitySteps.AtPpk}' AND {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")};
            """;
        await using var grid = await connection.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        var offices = await grid.ReadSingleAsync<OfficeCounts>();
        var sessions = await grid.ReadSingleAsync<SessionCounts>();
        var steps = (await grid.ReadAsync<StepCount>()).ToDictionary(s => s.Step, s => (int)s.Cases);
        var waiting = await grid.ReadSingleAsync<Waiting>();
        return new NeutralitySummary
        {
            RegionCode = regionCode,
            OfficesTotal = (int)offices.Total,
            OfficesPledged = (int)offices.Pledged,
            OfficesWithSatgas = (int)offices.Satgas,
            Sessions = (int)sessions.Sessions,
            Participants = (int)sessions.Participants,
            CasesByStep = steps,
            OldestWaitingDays = waiting.Oldest is { } oldest ? today.DayNumber - RegionCalendar.DateAt(zone, oldest).DayNumber : null,
            PastDeadline = (int)waiting.Late,
        };
    }

    // ---- OPD register ---------------------------------------------------------------------------------------------

    /// <summary>The OPD registers under <paramref name="regionCode"/>, by region then name. Names of offices, no personal data.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<NeutralityOffice>> OfficesAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read the OPD register");
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NeutralityOffice>(new CommandDefinition(
            $"SELECT {OfficeColumns} FROM NeutralityOffices WHERE {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")} ORDER BY RegionCode, Name;",
            Under(regionCode), cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Adds an OPD to the register of a province or regency/city.</summary>
    /// <exception cref="AccessDeniedException">Not an admin or the Pemda liaison in scope.</exception>
    /// <exception cref="InputException">Name empty or too long, a region that is not a province or regency, an OPD already registered.</exception>
    public async Task<NeutralityOffice> AddOfficeAsync(Actor actor, string regionCode, string name, Guid operationId, CancellationToken cancellationToken = default)
    {
        actor.Require(actor.CanKeepOfficeRegister(regionCode), regionCode, logger, "add an OPD to the neutrality register");
        name = RequireText(name, MaxTextLength);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            return await OfficeAsync(connection, transaction, replayed, cancellationToken);
        }

        await RequireLevelAsync(connection, transaction, regionCode, [RegionLevel.Province, RegionLevel.Regency], cancellationToken);
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM NeutralityOffices WHERE RegionCode = @regionCode AND Name = @name;", new { regionCode, name }, transaction, cancellationToken: cancellationToken));
        if (exists > 0)
        {
            throw new InputException(NeutralityInput.OfficeExists);
        }

        var now = Now;
        var id = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO NeutralityOffices (RegionCode, Name, Version, UpdatedAtUtc, UpdatedBy) VALUES (@regionCode, @name, 1, @now, @by);
            {factory.Dialect.SelectInsertedId}
            """, new { regionCode, name, now, by = actor.Name }, transaction, cancellationToken: cancellationToken));
        await AppendAsync(connection, transaction, new EventRow(regionCode, "opd", id, "dibuat", null, null, null, actor.Name, now, operationId), cancellationToken);
        var office = await OfficeAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return office;
    }

    /// <summary>
    /// Records an OPD's pledge (local date) and Satgas (local date and decree number); null leaves a field as it is.
    /// A date after today in the region is refused.
    /// </summary>
    /// <exception cref="AccessDeniedException">Not an admin or the Pemda liaison in scope.</exception>
    /// <exception cref="InputException">Unknown OPD, a stale version, a future date, a decree that is too long.</exception>
    public async Task<NeutralityOffice> RecordOfficeAsync(Actor actor, int officeId, int expectedVersion, DateOnly? pledgedOn, DateOnly? satgasOn, string? satgasDecree,
        Guid operationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            return await OfficeAsync(connection, transaction, replayed, cancellationToken);
        }

        var office = await OfficeAsync(connection, transaction, officeId, cancellationToken);
        actor.Require(actor.CanKeepOfficeRegister(office.RegionCode), office.RegionCode, logger, "record an OPD's pledge or Satgas");
        var today = (await ZoneAsync(connection, transaction, office.RegionCode, cancellationToken)).Today(time);
        if (pledgedOn > today || satgasOn > today)
        {
            throw new InputException(NeutralityInput.DateInvalid);
        }

        satgasDecree = string.IsNullOrWhiteSpace(satgasDecree) ? null : RequireText(satgasDecree, 100);
        var now = Now;
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE NeutralityOffices SET PledgedOn = COALESCE(@pledgedOn, PledgedOn), SatgasOn = COALESCE(@satgasOn, SatgasOn),
                SatgasDecree = COALESCE(@satgasDecree, SatgasDecree), Version = Version + 1, UpdatedAtUtc = @now, UpdatedBy = @by
            WHERE Id = @officeId AND Version = @expectedVersion;
            """, new { pledgedOn, satgasOn, satgasDecree, now, by = actor.Name, officeId, expectedVersion }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InputException(NeutralityInput.Stale);
        }

        var detail = string.Join("; ", new[]
        {
            pledgedOn is { } p ? "ikrar " + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            satgasOn is { } s ? "satgas " + s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            satgasDecree is null ? null : "SK " + satgasDecree,
        }.Where(d => d is not null));
        await AppendAsync(connection, transaction, new EventRow(office.RegionCode, "opd", officeId, "ikrar-satgas", null, null, detail, actor.Name, now, operationId), cancellationToken);
        var after = await OfficeAsync(connection, transaction, officeId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return after;
    }

    // ---- sessions -------------------------------------------------------------------------------------------------

    /// <summary>Sessions under <paramref name="regionCode"/>, latest first.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<NeutralitySession>> SessionsAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read neutrality sessions");
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NeutralitySession>(new CommandDefinition(
            $"SELECT {SessionColumns} FROM NeutralitySessions WHERE {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")} ORDER BY HeldOn DESC, Id DESC;",
            Under(regionCode), cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Records a socialisation session, held by the actor's agency.</summary>
    /// <exception cref="AccessDeniedException">Not the Pemda or Bawaslu liaison in scope.</exception>
    /// <exception cref="InputException">Audience, participants, date, note or region refused.</exception>
    public async Task<NeutralitySession> AddSessionAsync(Actor actor, NewNeutralitySession session, Guid operationId, CancellationToken cancellationToken = default)
    {
        actor.Require(actor.CanRecordSession(session.RegionCode), session.RegionCode, logger, "record a neutrality session");
        var audience = RequireText(session.Audience, MaxTextLength);
        if (session.Participants is < 0 or > 100_000)
        {
            throw new InputException(NeutralityInput.ParticipantsInvalid);
        }

        var note = string.IsNullOrWhiteSpace(session.Note) ? null : RequireText(session.Note, MaxAccountLength);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            return await SessionAsync(connection, transaction, replayed, cancellationToken);
        }

        await RequireLevelAsync(connection, transaction, session.RegionCode, [RegionLevel.Province, RegionLevel.Regency, RegionLevel.District], cancellationToken);
        if (session.HeldOn > (await ZoneAsync(connection, transaction, session.RegionCode, cancellationToken)).Today(time))
        {
            throw new InputException(NeutralityInput.DateInvalid);
        }

        var now = Now;
        var id = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            INSERT INTO NeutralitySessions (RegionCode, HeldOn, Audience, Participants, AgencyCode, Note, CreatedAtUtc, CreatedBy)
            VALUES (@RegionCode, @HeldOn, @audience, @Participants, @agency, @note, @now, @by);
            {factory.Dialect.SelectInsertedId}
            """, new { session.RegionCode, session.HeldOn, audience, session.Participants, agency = actor.AgencyCode, note, now, by = actor.Name },
            transaction, cancellationToken: cancellationToken));
        await AppendAsync(connection, transaction, new EventRow(session.RegionCode, "sesi", id, "dibuat", null, null,
            session.Participants.ToString(CultureInfo.InvariantCulture) + " peserta", actor.Name, now, operationId), cancellationToken);
        var created = await SessionAsync(connection, transaction, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return created;
    }

    // ---- cases ----------------------------------------------------------------------------------------------------

    /// <summary>Records a case at its first step (<see cref="NeutralitySteps.Registered"/>); returns it with its personal data for the recorder (logged).</summary>
    /// <exception cref="AccessDeniedException">Not a Bawaslu liaison in scope.</exception>
    /// <exception cref="InputException">A field refused; nothing written.</exception>
    public async Task<NeutralityCase> RecordCaseAsync(Actor actor, NewNeutralityCase input, Guid operationId, CancellationToken cancellationToken = default)
    {
        actor.Require(actor.CanRecordCase(input.RegionCode), input.RegionCode, logger, "record a neutrality case");
        var name = RequireText(input.PersonName, MaxTextLength);
        var position = RequireText(input.Position, MaxTextLength);
        var office = RequireText(input.OfficeName, MaxTextLength);
        var nip = (input.Nip ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (nip.Length != 18 || !nip.All(char.IsAsciiDigit))
        {
            throw new InputException(NeutralityInput.NipInvalid);
        }

        if (!NeutralityKinds.All.Contains(input.Kind) || !NeutralitySources.All.Contains(input.Source))
        {
            throw new InputException(NeutralityInput.KindInvalid);
        }

        if (string.IsNullOrWhiteSpace(input.Account) || input.Account.Trim().Length > MaxAccountLength)
        {
            throw new InputException(NeutralityInput.AccountInvalid);
        }

        var account = input.Account.Trim();
        InputException.RequirePlainText(account);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int id;
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is { } replayed)
        {
            id = replayed;
        }
        else
        {
            await RequireLevelAsync(connection, transaction, input.RegionCode, [RegionLevel.Regency, RegionLevel.District], cancellationToken);
            if (input.ReportedOn > (await ZoneAsync(connection, transaction, input.RegionCode, cancellationToken)).Today(time))
            {
                throw new InputException(NeutralityInput.DateInvalid);
            }

            var now = Now;
            id = (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
                INSERT INTO NeutralityCases (RegionCode, PersonName, Nip, Position, OfficeName, Kind, Source, ReportedOn, Account, Step, StepAtUtc, Version, CreatedAtUtc, CreatedBy)
                VALUES (@RegionCode, @name, @nip, @position, @office, @Kind, @Source, @ReportedOn, @account, @step, @now, 1, @now, @by);
                {factory.Dialect.SelectInsertedId}
                """, new { input.RegionCode, name, nip, position, office, input.Kind, input.Source, input.ReportedOn, account, step = NeutralitySteps.Registered, now, by = actor.Name },
                transaction, cancellationToken: cancellationToken));
            await AppendAsync(connection, transaction, new EventRow(input.RegionCode, "kasus", id, "dibuat", null, NeutralitySteps.Registered, input.Kind, actor.Name, now, operationId), cancellationToken);
        }

        var cases = await ReadCasesAsync(connection, transaction, actor, "c.Id = @id", new { id }, personal: true, "detail", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return cases[0];
    }

    /// <summary>
    /// Moves a case one step on (<see cref="NeutralitySteps.Next"/>). Bawaslu's steps are a Bawaslu liaison's in scope;
    /// the sanction and its report back are the Pemda liaison's or a leader's in scope. A step out of order (a
    /// sanction before the recommendation reached the PPK) is refused and nothing is written. Returns the case without
    /// personal data.
    /// </summary>
    /// <exception cref="AccessDeniedException">The step is not the actor's to record.</exception>
    /// <exception cref="InputException">Out of order, stale version, missing sanction, deadline out of range, unknown case.</exception>
    public async Task<NeutralityCase> MoveCaseAsync(Actor actor, NeutralityMove move, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await CaseRowAsync(connection, transaction, move.CaseId, cancellationToken);
        if (await ReplayedAsync(connection, transaction, move.OperationId, cancellationToken) is null)
        {
            actor.Require(actor.CanRecordStep(current.RegionCode, move.ToStep), current.RegionCode, logger, "move a neutrality case to " + move.ToStep);
            if (!NeutralitySteps.Next(current.Step).Contains(move.ToStep))
            {
                throw new InputException(NeutralityInput.StepOrder);
            }

            DateOnly? deadline = current.PpkDeadline;
            string? sanction = current.Sanction;
            string? detail = null;
            if (move.ToStep == NeutralitySteps.AtPpk)
            {
                var days = move.DeadlineDays ?? NeutralityMove.DefaultDeadlineDays;
                if (days is < 1 or > 90)
                {
                    throw new InputException(NeutralityInput.DeadlineInvalid);
                }

                deadline = RegionCalendar.ZoneOf(current.TimeZone).Today(time).AddDays(days);
                detail = "tenggat " + deadline.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (move.ToStep == NeutralitySteps.Sanctioned)
            {
                if (move.Sanction is null || !NeutralitySanctions.All.Contains(move.Sanction))
                {
                    throw new InputException(NeutralityInput.SanctionInvalid);
                }

                sanction = move.Sanction;
                detail = sanction;
            }

            var now = Now;
            await UpdateStepAsync(connection, transaction, current, move.ExpectedVersion, move.ToStep, deadline, sanction, now, cancellationToken);
            await AppendAsync(connection, transaction, new EventRow(current.RegionCode, "kasus", current.Id, "langkah", current.Step, move.ToStep, detail, actor.Name, now, move.OperationId), cancellationToken);
        }

        var after = await CaseRowAsync(connection, transaction, move.CaseId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return after;
    }

    /// <summary>
    /// Corrects a wrong step: the case goes back to the step before (<see cref="NeutralitySteps.Previous"/>), by a new
    /// event with the reason; the wrong step stays in the history. Whoever may record the step being undone may correct it.
    /// </summary>
    /// <exception cref="AccessDeniedException">The step being undone is not the actor's to record.</exception>
    /// <exception cref="InputException">No reason, a case at its first step, a stale version.</exception>
    public async Task<NeutralityCase> CorrectCaseAsync(Actor actor, int caseId, int expectedVersion, string reason, Guid operationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await CaseRowAsync(connection, transaction, caseId, cancellationToken);
        if (await ReplayedAsync(connection, transaction, operationId, cancellationToken) is null)
        {
            actor.Require(actor.CanRecordStep(current.RegionCode, current.Step), current.RegionCode, logger, "correct a neutrality case");
            var previous = NeutralitySteps.Previous(current.Step);
            if (previous is null || string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxTextLength)
            {
                throw new InputException(NeutralityInput.CorrectionInvalid);
            }

            InputException.RequirePlainText(reason);
            var deadline = previous is NeutralitySteps.Registered or NeutralitySteps.Review or NeutralitySteps.ToBkn ? null : current.PpkDeadline;
            var sanction = previous is NeutralitySteps.Sanctioned or NeutralitySteps.ReportedBack ? current.Sanction : null;
            var now = Now;
            await UpdateStepAsync(connection, transaction, current, expectedVersion, previous, deadline, sanction, now, cancellationToken);
            await AppendAsync(connection, transaction, new EventRow(current.RegionCode, "kasus", caseId, "koreksi", current.Step, previous, reason.Trim(), actor.Name, now, operationId), cancellationToken);
        }

        var after = await CaseRowAsync(connection, transaction, caseId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        AfterCommit();
        return after;
    }

    /// <summary>
    /// One case. With <paramref name="withPersonalData"/> and an entitled reader, it carries the name, NIP, position,
    /// OPD and account, and the read is logged (purpose <c>detail</c>); otherwise those are null.
    /// </summary>
    /// <exception cref="AccessDeniedException">The case's region is outside the actor's scope.</exception>
    /// <exception cref="InputException">Unknown case (<see cref="NeutralityInput.NotFound"/>).</exception>
    public async Task<NeutralityCase> CaseAsync(Actor actor, int caseId, bool withPersonalData = true, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = await CaseRowAsync(connection, transaction, caseId, cancellationToken);
        actor.RequireSee(row.RegionCode, logger, "read a neutrality case");
        var cases = await ReadCasesAsync(connection, transaction, actor, "c.Id = @caseId", new { caseId }, withPersonalData, "detail", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cases[0];
    }

    /// <summary>
    /// Cases under <paramref name="regionCode"/>, optionally at one <paramref name="step"/>, newest first. With
    /// <paramref name="withPersonalData"/> and an entitled reader each case carries its personal data and each is
    /// logged with <paramref name="purpose"/> (<c>daftar</c> or <c>ekspor</c>); otherwise none does.
    /// </summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<NeutralityCase>> CasesAsync(Actor actor, string regionCode, string? step = null, bool withPersonalData = false,
        string purpose = "daftar", CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "list neutrality cases");
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var where = string.Format(CultureInfo.InvariantCulture, UnderRegion, "c.RegionCode") + " AND (@step IS NULL OR c.Step = @step)";
        var cases = await ReadCasesAsync(connection, transaction, actor, where, Under(regionCode, new { step }), withPersonalData, purpose, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cases;
    }

    /// <summary>
    /// The cases under <paramref name="regionCode"/> with every step's event, for a spreadsheet: personal data only for
    /// an entitled reader, each such case logged with purpose <c>ekspor</c>.
    /// </summary>
    /// <exception cref="AccessDeniedException">A screen, or a region outside the actor's scope.</exception>
    public async Task<NeutralityExport> ExportAsync(Actor actor, string regionCode, CancellationToken cancellationToken = default)
    {
        actor.Require(actor.CanExportNeutrality(regionCode), regionCode, logger, "export neutrality cases");
        var cases = await CasesAsync(actor, regionCode, withPersonalData: true, purpose: "ekspor", cancellationToken: cancellationToken);
        var events = await HistoryAsync(actor, regionCode, cancellationToken: cancellationToken);
        return new NeutralityExport(cases, events);
    }

    /// <summary>Every event of the cases under <paramref name="regionCode"/> (or of one case), oldest first. Events hold no personal data.</summary>
    /// <exception cref="AccessDeniedException">The region is outside the actor's scope.</exception>
    public async Task<IReadOnlyList<NeutralityCaseEvent>> HistoryAsync(Actor actor, string regionCode, int? caseId = null, CancellationToken cancellationToken = default)
    {
        actor.RequireSee(regionCode, logger, "read neutrality case history");
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NeutralityCaseEvent>(new CommandDefinition($"""
            SELECT Seq, SubjectId, Action, StepBefore, StepAfter, Detail, Actor, AtUtc FROM NeutralityEvents
            WHERE Subject = 'kasus' AND (@caseId IS NULL OR SubjectId = @caseId) AND {string.Format(CultureInfo.InvariantCulture, UnderRegion, "RegionCode")}
            ORDER BY Seq;
            """, Under(regionCode, new { caseId }), cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Who opened which case's personal data, newest first (at most <paramref name="take"/>): admins only.</summary>
    /// <exception cref="AccessDeniedException">Not an admin.</exception>
    public async Task<IReadOnlyList<NeutralityCaseView>> CaseViewsAsync(Actor actor, int take = 200, CancellationToken cancellationToken = default)
    {
        actor.RequireAdminister(logger, "list who opened neutrality cases");
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NeutralityCaseView>(new CommandDefinition($"""
            SELECT v.Id, v.CaseId, c.RegionCode, v.Viewer, v.ViewerRole, v.Purpose, v.AtUtc
            FROM NeutralityCaseViews v JOIN NeutralityCases c ON c.Id = v.CaseId
            ORDER BY v.Id DESC {factory.Dialect.Top(Math.Clamp(take, 1, 1000))};
            """, cancellationToken: cancellationToken))).AsList();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<List<NeutralityCase>> ReadCasesAsync(DbConnection connection, DbTransaction transaction, Actor actor, string where, object args,
        bool personal, string purpose, CancellationToken cancellationToken)
    {
        var all = (await connection.QueryAsync<NeutralityCase>(new CommandDefinition(
            $"SELECT {CaseColumns}, {PersonalColumns} FROM NeutralityCases c JOIN Regions r ON r.Code = c.RegionCode WHERE {where} ORDER BY c.Id DESC;",
            args, transaction, cancellationToken: cancellationToken))).AsList();
        if (all.Count == 0 && where.StartsWith("c.Id", StringComparison.Ordinal))
        {
            throw new InputException(NeutralityInput.NotFound);
        }

        var shown = new List<NeutralityCase>(all.Count);
        var views = new List<object>();
        var now = Now;
        foreach (var c in all)
        {
            if (personal && actor.CanSeeCasePersonalData(c.RegionCode))
            {
                shown.Add(c with { HasPersonalData = true });
                views.Add(new { caseId = c.Id, viewer = actor.Name, role = actor.Role, purpose, now });
            }
            else
            {
                shown.Add(c with { HasPersonalData = false, PersonName = null, Nip = null, Position = null, OfficeName = null, Account = null });
            }
        }

        if (views.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO NeutralityCaseViews (CaseId, Viewer, ViewerRole, Purpose, AtUtc) VALUES (@caseId, @viewer, @role, @purpose, @now);",
                views, transaction, cancellationToken: cancellationToken));
        }

        return shown;
    }

    private async Task<NeutralityCase> CaseRowAsync(DbConnection connection, DbTransaction transaction, int caseId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<NeutralityCase>(new CommandDefinition(
            $"SELECT {CaseColumns} FROM NeutralityCases c JOIN Regions r ON r.Code = c.RegionCode WHERE c.Id = @caseId;",
            new { caseId }, transaction, cancellationToken: cancellationToken))
        ?? throw new InputException(NeutralityInput.NotFound);

    private static async Task UpdateStepAsync(DbConnection connection, DbTransaction transaction, NeutralityCase current, int expectedVersion, string step,
        DateOnly? deadline, string? sanction, DateTime now, CancellationToken cancellationToken)
    {
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE NeutralityCases SET Step = @step, StepAtUtc = @now, PpkDeadline = @deadline, Sanction = @sanction, Version = Version + 1
            WHERE Id = @id AND Version = @expectedVersion;
            """, new { step, now, deadline, sanction, id = current.Id, expectedVersion }, transaction, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InputException(NeutralityInput.Stale);
        }
    }

    private async Task<NeutralityOffice> OfficeAsync(DbConnection connection, DbTransaction transaction, int id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<NeutralityOffice>(new CommandDefinition(
            $"SELECT {OfficeColumns} FROM NeutralityOffices WHERE Id = @id;", new { id }, transaction, cancellationToken: cancellationToken))
        ?? throw new InputException(NeutralityInput.NotFound);

    private static async Task<NeutralitySession> SessionAsync(DbConnection connection, DbTransaction transaction, int id, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<NeutralitySession>(new CommandDefinition(
            $"SELECT {SessionColumns} FROM NeutralitySessions WHERE Id = @id;", new { id }, transaction, cancellationToken: cancellationToken));

    private static async Task<int?> ReplayedAsync(DbConnection connection, DbTransaction transaction, Guid operationId, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT SubjectId FROM NeutralityEvents WHERE OperationId = @operationId;", new { operationId = operationId.ToString("D") }, transaction,
            cancellationToken: cancellationToken));

    private static async Task RequireLevelAsync(DbConnection connection, DbTransaction transaction, string regionCode, RegionLevel[] levels, CancellationToken cancellationToken)
    {
        var level = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT Level FROM Regions WHERE Code = @regionCode;", new { regionCode }, transaction, cancellationToken: cancellationToken));
        if (level is null || !levels.Contains((RegionLevel)level.Value))
        {
            throw new InputException(NeutralityInput.RegionLevel);
        }
    }

    private static async Task<RegionTimeZone> ZoneAsync(DbConnection connection, DbTransaction? transaction, string regionCode, CancellationToken cancellationToken)
    {
        if (regionCode.Length == 0)
        {
            return RegionTimeZone.Wib;
        }

        var zone = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT TimeZone FROM Regions WHERE Code = @regionCode;", new { regionCode }, transaction, cancellationToken: cancellationToken));
        return RegionCalendar.ZoneOf(zone);
    }

    // The event is the feature's own audit trail; the activity row (no personal data) is what reaches every open
    // screen of the region, the wall and the hub.
    private static async Task AppendAsync(DbConnection connection, DbTransaction transaction, EventRow row, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertEvent, row, transaction, cancellationToken: cancellationToken));
        await ActivityLog.AppendAsync(connection, transaction, new ActivityEntry
        {
            RegionCode = row.RegionCode, Kind = ActivityKinds.Netralitas, SubjectId = row.SubjectId, Actor = row.Actor, AtUtc = row.AtUtc,
            OperationId = row.OperationIdValue,
        }, cancellationToken);
    }

    private void AfterCommit() => feedSignal.Nudge();

    private static string RequireText(string? text, int max)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length is 0 || trimmed.Length > max)
        {
            throw new InputException(NeutralityInput.TextInvalid);
        }

        InputException.RequireTitleText(trimmed);
        return trimmed;
    }

    private static DynamicParameters Under(string regionCode, object? more = null)
    {
        var parameters = new DynamicParameters(more);
        parameters.Add("all", regionCode.Length == 0 ? 1 : 0);
        parameters.Add("code", regionCode);
        parameters.Add("from", RegionCode.DescendantsFrom(regionCode));
        parameters.Add("to", RegionCode.DescendantsTo(regionCode));
        return parameters;
    }

    private sealed class OfficeCounts
    {
        public long Total { get; set; }

        public long Pledged { get; set; }

        public long Satgas { get; set; }
    }

    private sealed class SessionCounts
    {
        public long Sessions { get; set; }

        public long Participants { get; set; }
    }

    private sealed class StepCount
    {
        public string Step { get; set; } = "";

        public long Cases { get; set; }
    }

    private sealed class Waiting
    {
        public DateTime? Oldest { get; set; }

        public long Late { get; set; }
    }

    private sealed record EventRow(string RegionCode, string Subject, int SubjectId, string Action, string? StepBefore, string? StepAfter, string? Detail,
        string Actor, DateTime AtUtc, Guid OperationIdValue)
    {
        public string OperationId => OperationIdValue.ToString("D");
    }
}
