using System.Data.Common;
using System.Globalization;
using Dapper;
using Readiness.Data.Regions;
using Readiness.Data.Sql;

namespace Readiness.Data.Neutrality;

/// <summary>
/// Demo ASN neutrality data for the demo regencies: 14 OPD in each register, 9 of them pledged and 6 with a Satgas;
/// a few socialisation sessions; and in every regency but Kota Mataram (whose Kesbangpol reported no violation) a case
/// at each step, one of them past its deadline at the PPK. Names are invented and plainly not real people
/// ("ASN Contoh 1"), NIPs are invented 18-digit numbers. Every row has its event, as the store would have written it.
/// </summary>
public sealed class NeutralityDemoSeeder(ConnectionFactory factory, TimeProvider time)
{
    /// <summary>OPD names of a demo register (offices, not people).</summary>
    public static readonly IReadOnlyList<string> DemoOffices =
    [
        "Sekretariat Daerah", "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Dinas Sosial", "Dinas Perhubungan",
        "Dinas Kependudukan dan Pencatatan Sipil", "Badan Kesatuan Bangsa dan Politik", "Badan Kepegawaian dan Pengembangan SDM",
        "Badan Perencanaan Pembangunan Daerah", "Badan Pengelola Keuangan Daerah", "Satuan Polisi Pamong Praja", "Inspektorat", "Dinas Komunikasi dan Informatika",
    ];

    /// <summary>The demo regency with no case ("belum ada pelanggaran netralitas ASN").</summary>
    public const string RegencyWithoutCases = "52.71";

    /// <summary>Writes the demo data for <paramref name="regencies"/> unless a register already exists. Returns the cases written.</summary>
    public async Task<int> SeedAsync(IReadOnlyList<string> regencies, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM NeutralityOffices;", cancellationToken: cancellationToken)) > 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cases = 0;
        var person = 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var regency in regencies)
        {
            var zone = RegionCalendar.ZoneOf(await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT TimeZone FROM Regions WHERE Code = @regency;", new { regency }, transaction, cancellationToken: cancellationToken)));
            var today = RegionCalendar.DateAt(zone, now);
            for (var i = 0; i < DemoOffices.Count; i++)
            {
                var pledged = i < 9 ? today.AddDays(-110 + i) : (DateOnly?)null;
                var satgas = i < 6 ? today.AddDays(-100 + i) : (DateOnly?)null;
                var decree = satgas is null ? null : $"800/{i + 1}/Kesbangpol/{today.Year}";
                var id = await InsertAsync(connection, transaction, $"""
                    INSERT INTO NeutralityOffices (RegionCode, Name, PledgedOn, SatgasOn, SatgasDecree, Version, UpdatedAtUtc, UpdatedBy)
                    VALUES (@regency, @name, @pledged, @satgas, @decree, 1, @at, 'sistem');
                    {factory.Dialect.SelectInsertedId}
                    """, new { regency, name = DemoOffices[i], pledged, satgas, decree, at = now.AddDays(-110) }, cancellationToken);
                await EventAsync(connection, transaction, regency, "opd", id, "dibuat", null, null, pledged is null ? null : "ikrar", "sistem", now.AddDays(-110), cancellationToken);
            }

            var sessions = new[] { ("Kepala OPD se-kabupaten/kota", 42, "PEMDA"), ("Camat dan lurah", 35, "PEMDA"), ("ASN guru dan tenaga kesehatan", 120, "BAWASLU") };
            for (var i = 0; i < sessions.Length; i++)
            {
                var (audience, participants, agency) = sessions[i];
                var id = await InsertAsync(connection, transaction, $"""
                    INSERT INTO NeutralitySessions (RegionCode, HeldOn, Audience, Participants, AgencyCode, Note, CreatedAtUtc, CreatedBy)
                    VALUES (@regency, @heldOn, @audience, @participants, @agency, NULL, @at, 'sistem');
                    {factory.Dialect.SelectInsertedId}
                    """, new { regency, heldOn = today.AddDays(-80 + (i * 20)), audience, participants, agency, at = now.AddDays(-80 + (i * 20)) }, cancellationToken);
                await EventAsync(connection, transaction, regency, "sesi", id, "dibuat", null, null, participants.ToString(CultureInfo.InvariantCulture) + " peserta", "sistem", now.AddDays(-80 + (i * 20)), cancellationToken);
            }

            if (regency == RegencyWithoutCases)
            {
                continue;
            }

            var kecamatan = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT Code FROM Regions WHERE ParentCode = @regency ORDER BY Code;", new { regency }, transaction, cancellationToken: cancellationToken))).AsList();
            var path = new[] { NeutralitySteps.Registered, NeutralitySteps.Review, NeutralitySteps.ToBkn, NeutralitySteps.AtPpk, NeutralitySteps.Sanctioned, NeutralitySteps.ReportedBack };
            var finals = new[]
            {
                NeutralitySteps.Registered, NeutralitySteps.Review, NeutralitySteps.Stopped, NeutralitySteps.ToBkn, NeutralitySteps.AtPpk, NeutralitySteps.AtPpk,
                NeutralitySteps.Sanctioned, NeutralitySteps.ReportedBack,
            };
            for (var n = 0; n < finals.Length; n++)
            {
                person++;
                var final = finals[n];
                var steps = final == NeutralitySteps.Stopped ? [NeutralitySteps.Registered, NeutralitySteps.Review, NeutralitySteps.Stopped] : path[..(Array.IndexOf(path, final) + 1)];
                // Each step three days after the one before, the last one ending some days ago; the second case at the
                // PPK has waited past its deadline.
                var waitedDays = final == NeutralitySteps.AtPpk && n == 5 ? 21 : 2 + n;
                var start = now.AddDays(-(waitedDays + (3 * (steps.Length - 1))));
                var stepAt = start.AddDays(3 * (steps.Length - 1));
                var region = kecamatan.Count == 0 ? regency : kecamatan[(person * 3) % kecamatan.Count];
                var deadline = Array.IndexOf(path, final) >= Array.IndexOf(path, NeutralitySteps.AtPpk) && final != NeutralitySteps.Stopped
                    ? RegionCalendar.DateAt(zone, start.AddDays(3 * Array.IndexOf(steps, NeutralitySteps.AtPpk))).AddDays(14)
                    : (DateOnly?)null;
                var sanction = final is NeutralitySteps.Sanctioned or NeutralitySteps.ReportedBack ? (n % 2 == 0 ? "moral" : "sedang") : null;
                var kind = NeutralityKinds.All[person % NeutralityKinds.All.Count];
                var id = await InsertAsync(connection, transaction, $"""
                    INSERT INTO NeutralityCases (RegionCode, PersonName, Nip, Position, OfficeName, Kind, Source, ReportedOn, Account, Step, StepAtUtc, PpkDeadline, Sanction, Version, CreatedAtUtc, CreatedBy)
                    VALUES (@region, @name, @nip, @position, @office, @kind, @source, @reportedOn, @account, @final, @stepAt, @deadline, @sanction, @version, @start, 'penghubung.bawaslu');
                    {factory.Dialect.SelectInsertedId}
                    """, new
                    {
                        region, name = $"ASN Contoh {person}", nip = string.Create(CultureInfo.InvariantCulture, $"{1980 + (person % 15)}{1 + (person % 12):00}{1 + (person % 28):00}{2010 + (person % 10)}03{1 + (person % 2)}{person:000}"),
                        position = person % 2 == 0 ? "Guru Ahli Pertama (contoh)" : "Penata Layanan Operasional (contoh)", office = DemoOffices[person % DemoOffices.Count],
                        kind, source = person % 3 == 0 ? NeutralitySources.Report : NeutralitySources.Finding, reportedOn = RegionCalendar.DateAt(zone, start.AddDays(-1)),
                        account = "Contoh kronologi untuk demo: " + kind + ".", final, stepAt, deadline, sanction, version = steps.Length, start,
                    }, cancellationToken);
                for (var s = 0; s < steps.Length; s++)
                {
                    var ppkStep = NeutralitySteps.IsPpkStep(steps[s]);
                    var detail = steps[s] == NeutralitySteps.AtPpk ? "tenggat " + deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : steps[s] == NeutralitySteps.Sanctioned ? sanction : s == 0 ? kind : null;
                    await EventAsync(connection, transaction, region, "kasus", id, s == 0 ? "dibuat" : "langkah", s == 0 ? null : steps[s - 1], steps[s], detail,
                        ppkStep ? "pimpinan" : "penghubung.bawaslu", start.AddDays(3 * s), cancellationToken);
                }

                cases++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return cases;
    }

    private static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, string sql, object args, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

    private static Task EventAsync(DbConnection connection, DbTransaction transaction, string region, string subject, int id, string action, string? before, string? after,
        string? detail, string actor, DateTime at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO NeutralityEvents (RegionCode, Subject, SubjectId, Action, StepBefore, StepAfter, Detail, Actor, AtUtc, OperationId)
            VALUES (@region, @subject, @id, @action, @before, @after, @detail, @actor, @at, NULL);
            """, new { region, subject, id, action, before, after, detail, actor, at }, transaction, cancellationToken: cancellationToken));
}
