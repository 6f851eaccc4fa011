using Dapper;
using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Data.Sql;

namespace Readiness.Data.Coordination;

/// <summary>
/// Coordination in the demo regency Kutai Kartanegara (64.02), made through the stores as the people would make it:
/// the Pj Governor's visit to Tenggarong with three instructions (one done), requests for help between agencies
/// (one open TNI request, one accepted, one delivered), and readiness declarations before the next stage from three
/// of five agencies, one of them void by a Kendala set after it.
/// </summary>
public sealed class CoordinationDemoSeeder(ConnectionFactory factory, VisitStore visits, HelpRequestStore requests, DeclarationStore declarations,
    ChecklistStore checklists, TimeProvider time)
{
    /// <summary>The demo regency.</summary>
    public const string Regency = "64.02";

    private static readonly Actor Leader = new() { Name = "pimpinan", Role = Roles.Leader, Scopes = [Regency] };

    /// <summary>
    /// Seeds the demo election's coordination; <paramref name="today"/> is the demo's date in the regency, and
    /// <paramref name="blockedNote"/> words the note of a Kendala from an item's title, as the rest of the demo does.
    /// </summary>
    public async Task SeedAsync(int electionId, DateOnly today, Func<string, string> blockedNote, CancellationToken cancellationToken = default)
    {
        var visitId = await visits.RecordAsync(Leader, new NewVisit(electionId, Regency, VisitKind.Visit, today.AddDays(-1), "Pendopo Odah Etam, Tenggarong",
            "Pj Gubernur Kalimantan Timur, Pjs Bupati Kutai Kartanegara, Kapolres, Dandim 0906, Ketua KPU, Ketua Bawaslu",
            "Evaluasi kesiapan logistik dan pengamanan ke kecamatan hulu menjelang masa tenang.",
            [
                new NewInstruction("TNI", "64.02.11", "Siapkan dua perahu karet ke Muara Kaman sebelum H-2", today.AddDays(2)),
                new NewInstruction("POLRI", Regency, "Pengawalan logistik ke kecamatan hulu", today.AddDays(1)),
                new NewInstruction("KPU", "64.02.11", "Distribusi kotak suara ke PPK Muara Kaman", today.AddDays(2)),
            ]), Guid.NewGuid(), cancellationToken);
        var visit = await visits.FindAsync(Leader, visitId, cancellationToken);
        if (visit?.Instructions.FirstOrDefault(i => i.AgencyCode == "POLRI") is { } done
            && await checklists.FindAsync(done.ItemId, cancellationToken) is { } doneItem)
        {
            await checklists.ChangeStatusAsync(Liaison("POLRI"), new StatusChange(doneItem.Id, doneItem.Version, ItemStatus.Ready,
                null, Guid.NewGuid()), cancellationToken);
        }

        foreach (var (from, to, what, quantity, unit, answer) in new[]
                 {
                     ("KPU", "TNI", "Perahu karet ke Muara Kaman", (int?)2, "perahu karet", (string?)null),
                     ("BAWASLU", "POLRI", "Pendampingan patroli masa tenang", null, null, HelpRequestState.Accepted),
                     ("PEMDA", "KPU", "Data TPS yang butuh genset", null, null, HelpRequestState.Delivered),
                 })
        {
            if (await BlockedItemAsync(electionId, from, cancellationToken) is not { } itemId)
            {
                continue;
            }

            var request = await requests.AskAsync(Liaison(from), new NewHelpRequest(itemId, to, what, quantity, unit), Guid.NewGuid(), cancellationToken);
            if (answer == HelpRequestState.Accepted)
            {
                await requests.AcceptAsync(Liaison(to), request.Id, request.Version, Guid.NewGuid(), cancellationToken);
            }
            else if (answer == HelpRequestState.Delivered)
            {
                await requests.DeliverAsync(Liaison(to), request.Id, request.Version, Guid.NewGuid(), cancellationToken);
            }
        }

        var moment = await declarations.CurrentMomentAsync(electionId, today, cancellationToken);
        foreach (var (agency, head, position) in new[]
                 {
                     ("KPU", "Rudi Gunawan", "Ketua KPU Kabupaten Kutai Kartanegara"),
                     ("POLRI", "AKBP Heri Rusyaman", "Kapolres Kutai Kartanegara"),
                     ("TNI", "Letkol Inf Ahmad Yani", "Dandim 0906/Kutai Kartanegara"),
                 })
        {
            await declarations.DeclareAsync(Liaison(agency), new NewDeclaration(electionId, Regency, agency, moment, head, position,
                agency == "KPU" ? "Distribusi ke PPK Muara Kaman menunggu perahu" : null), Guid.NewGuid(), cancellationToken);
        }

        // A new Kendala of the police after their declaration: the screens show that declaration as void.
        if (await NotBlockedItemAsync(electionId, "POLRI", cancellationToken) is { } polriItem)
        {
            var item = (await checklists.FindAsync(polriItem, cancellationToken))!;
            await checklists.ChangeStatusAsync(Liaison("POLRI"), new StatusChange(item.Id, item.Version, ItemStatus.Blocked,
                blockedNote(item.Title), Guid.NewGuid()), cancellationToken);
        }

        await BackdateAsync(electionId, cancellationToken);
    }

    /// <summary>
    /// Dates the demo's visit, the creation of its items and the requests three hours back and the declarations two,
    /// so every history reads in order (creation first, the void Kendala after the declaration) even when the demo is
    /// made in one instant.
    /// </summary>
    public async Task BackdateAsync(int electionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ItemEvents SET AtUtc = @created
            WHERE StatusBefore IS NULL AND ItemId IN (SELECT Id FROM ChecklistItems WHERE ElectionId = @electionId AND Origin IS NOT NULL);
            UPDATE CoordinationVisits SET RecordedAtUtc = @created WHERE ElectionId = @electionId;
            UPDATE HelpRequests SET AskedAtUtc = @created WHERE ElectionId = @electionId;
            UPDATE ReadinessDeclarations SET RecordedAtUtc = @declared WHERE ElectionId = @electionId;
            """, new { electionId, created = now.AddHours(-3), declared = now.AddHours(-2) }, cancellationToken: cancellationToken));
    }

    private static Actor Liaison(string agency) =>
        new() { Name = "penghubung." + agency.ToLowerInvariant(), Role = Roles.Liaison, AgencyCode = agency, Scopes = [Regency] };

    private async Task<long?> BlockedItemAsync(int electionId, string agency, CancellationToken cancellationToken) =>
        await ItemAsync(electionId, agency, $"i.Status = '{ItemStatus.Blocked}' AND i.Unit IS NULL", cancellationToken);

    private async Task<long?> NotBlockedItemAsync(int electionId, string agency, CancellationToken cancellationToken) =>
        await ItemAsync(electionId, agency, $"i.Status <> '{ItemStatus.Blocked}' AND i.Origin IS NULL", cancellationToken);

    private async Task<long?> ItemAsync(int electionId, string agency, string condition, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition($"""
            SELECT MIN(i.Id) FROM ChecklistItems i
            WHERE i.ElectionId = @electionId AND i.AgencyCode = @agency AND i.RegionCode > @from AND i.RegionCode < @to AND {condition};
            """, new { electionId, agency, from = RegionCode.DescendantsFrom(Regency), to = RegionCode.DescendantsTo(Regency) },
            cancellationToken: cancellationToken));
    }
}
