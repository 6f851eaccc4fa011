using Dapper;
using Microsoft.Extensions.Logging;
using Readiness.Data.Checklists;
using Readiness.Data.Regions;
using Readiness.Data.Sql;
using Readiness.Data.Shared;

namespace Readiness.Data.Seed;

/// <summary>
/// Demo data for the embedded default: a live demo election whose voting day falls a few days after the data is
/// made (its stages keep the 2024 offsets from voting day), with items for four regions and their kecamatan in a
/// plausible voting-week state. Runs once: an existing demo election is left as it is.
/// </summary>
public sealed partial class DemoSeeder(ConnectionFactory factory, ChecklistStore checklists, Accounts.ContactStore contacts, TimeProvider time,
    ILogger<DemoSeeder> logger, Neutrality.NeutralityDemoSeeder neutrality, Situation.SituationSeeder situation,
    Coordination.CoordinationDemoSeeder coordination, Figures.FigureStore figures)
{
    public const string DemoElectionCode = "DEMO";
    public const int DaysBeforeVoting = 4;

    /// <summary>Regions that 2024 press coverage of Pilkada readiness came from.</summary>
    public static readonly IReadOnlyList<string> DemoRegions = ["52.71", "17.71", "64.02", "34.02"];

    /// <summary>
    /// The provinces whose governor's election (Pilgub) the demo holds on the same day: Nusa Tenggara Barat and
    /// Kalimantan Timur, the provinces of Kota Mataram and Kutai Kartanegara. Their province templates apply to the
    /// province itself, so their items count in the province and the nation, never in a regency.
    /// </summary>
    public static readonly IReadOnlyList<string> DemoProvinces = ["52", "64"];

    // How far along each region is, so the demo does not show four identical pictures.
    private static readonly Dictionary<string, double> Diligence = new()
    {
        ["52.71"] = 0.9, // Kota Mataram
        ["17.71"] = 1.0, // Kota Bengkulu
        ["64.02"] = 0.75, // Kab. Kutai Kartanegara: remote upriver kecamatan
        ["34.02"] = 1.1, // Kab. Bantul
        ["52"] = 0.95, // Pemprov NTB and the province's KPU, Bawaslu, Polda and Korem
        ["64"] = 0.85, // Pemprov Kalimantan Timur: the Pilgub's logistics go upriver too
    };

    // Who changes a province's items: the province's own liaison of the agency (see AccountSeeder.DemoProvinceUsers).
    private static readonly Dictionary<string, string> ProvinceSuffix = new() { ["52"] = "ntb", ["64"] = "kaltim" };

    /// <summary>The units of the five agencies in the demo regencies and the two provinces of its governors' elections (agency, region, unit name).</summary>
    public static readonly IReadOnlyList<(string Agency, string Regency, string Name)> DemoUnits =
    [
        ("PEMDA", "64.02", "Kesbangpol Kabupaten Kutai Kartanegara"), ("KPU", "64.02", "KPU Kabupaten Kutai Kartanegara"),
        ("BAWASLU", "64.02", "Bawaslu Kabupaten Kutai Kartanegara"), ("POLRI", "64.02", "Polres Kutai Kartanegara"),
        ("TNI", "64.02", "Kodim 0906/Kutai Kartanegara"),
        ("PEMDA", "52.71", "Bakesbangpol Kota Mataram"), ("KPU", "52.71", "KPU Kota Mataram"), ("BAWASLU", "52.71", "Bawaslu Kota Mataram"),
        ("POLRI", "52.71", "Polresta Mataram"), ("TNI", "52.71", "Kodim 1606/Mataram"),
        ("PEMDA", "17.71", "Kesbangpol Kota Bengkulu"), ("KPU", "17.71", "KPU Kota Bengkulu"), ("BAWASLU", "17.71", "Bawaslu Kota Bengkulu"),
        ("POLRI", "17.71", "Polresta Bengkulu"), ("TNI", "17.71", "Kodim 0407/Kota Bengkulu"),
        ("PEMDA", "34.02", "Kesbangpol Kabupaten Bantul"), ("KPU", "34.02", "KPU Kabupaten Bantul"), ("BAWASLU", "34.02", "Bawaslu Kabupaten Bantul"),
        ("POLRI", "34.02", "Polres Bantul"), ("TNI", "34.02", "Kodim 0729/Bantul"),
        // The provinces of the demo's governors' elections.
        ("PEMDA", "52", "Bakesbangpol Provinsi NTB"), ("KPU", "52", "KPU Provinsi NTB"), ("BAWASLU", "52", "Bawaslu Provinsi NTB"),
        ("POLRI", "52", "Polda NTB"), ("TNI", "52", "Korem 162/Wira Bhakti"),
        ("PEMDA", "64", "Kesbangpol Provinsi Kalimantan Timur"), ("KPU", "64", "KPU Provinsi Kalimantan Timur"),
        ("BAWASLU", "64", "Bawaslu Provinsi Kalimantan Timur"), ("POLRI", "64", "Polda Kalimantan Timur"),
        ("TNI", "64", "Korem 091/Aji Surya Natakesuma"),
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM Elections WHERE Code = @DemoElectionCode;", new { DemoElectionCode }, cancellationToken: cancellationToken));
        if (exists > 0)
        {
            return false;
        }

        var nowUtc = time.GetUtcNow().UtcDateTime;
        var today = RegionTimeZone.Wib.Today(time);
        var votingDay = today.AddDays(DaysBeforeVoting);
        int electionId;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            electionId = await ReferenceSeeder.SeedElectionAsync(connection, transaction, factory.Dialect, DemoElectionCode,
                "Pilkada Serentak (Demo)", votingDay, isDemo: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await SeedFiguresAsync(connection, electionId, cancellationToken);
        foreach (var region in DemoRegions)
        {
            await checklists.ApplyTemplatesAsync(electionId, region, "sistem", cancellationToken);
        }

        // After the regencies, so their items keep the ids, and with them the statuses, notes and numbers drawn for
        // them, that the demo had before it held the governors' elections.
        foreach (var province in DemoProvinces)
        {
            await checklists.ApplyTemplatesAsync(electionId, province, "sistem", cancellationToken);
        }

        // The items were in place long before the demo week's changes: their creation is dated before the first of
        // them, so a history never shows "Dibuat" after a change.
        var createdUtc = nowUtc.AddDays(-8);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ChecklistItems SET UpdatedAtUtc = @createdUtc WHERE ElectionId = @electionId;
            UPDATE ItemEvents SET AtUtc = @createdUtc WHERE ElectionId = @electionId AND StatusBefore IS NULL;
            """, new { createdUtc, electionId }, cancellationToken: cancellationToken));

        // A note goes only on an item of its subject (template item codes, "|" between several), so that what an item
        // says fits what it is: a leaking warehouse on the warehouse, not on the KPPS training.
        var notes = SeedCsv.Read<DemoNoteRow>("demo-notes.csv")
            .SelectMany(n => n.Subject.Split('|').Select(code => (Code: code, n.Status, n.Note)))
            .GroupBy(n => (n.Code, n.Status))
            .ToDictionary(g => g.Key, g => g.Select(n => n.Note).ToArray());
        var templateCodes = (await connection.QueryAsync<(int Id, string Code)>(new CommandDefinition(
            "SELECT Id, Code FROM TemplateItems;", cancellationToken: cancellationToken))).ToDictionary(t => t.Id, t => t.Code);
        var items = (await connection.QueryAsync<ChecklistItem>(new CommandDefinition($"""
            SELECT {ItemSql.Select("i")} FROM ChecklistItems i WHERE i.ElectionId = @electionId ORDER BY i.Id;
            """, new { electionId }, cancellationToken: cancellationToken))).Select(ItemSql.Checked).ToList();

        var random = new Random(20241127);
        var noteRandom = new Random(20241128); // apart, so the notes never change which status an item gets
        var numberRandom = new Random(20241129); // apart too: numbers never change statuses or notes
        var changes = new List<(ChecklistItem Before, ChecklistItem After)>();
        foreach (var item in items)
        {
            var status = PickStatus(random, item.DueDate.DayNumber - today.DayNumber, Diligence[DemoArea(item.RegionCode)]);
            if (status == ItemStatus.NotStarted)
            {
                continue;
            }

            var pool = item.TemplateItemId is { } templateId && templateCodes.TryGetValue(templateId, out var code)
                ? notes.GetValueOrDefault((code, status))
                : null;
            var note = pool is not null && (status != ItemStatus.Ready || noteRandom.NextDouble() < 0.3)
                ? pool[noteRandom.Next(pool.Length)]
                : null;
            // Kendala always says something; with no written note of this subject it names the item itself.
            note ??= status == ItemStatus.Blocked ? BlockedNote(item.Title) : null;
            // Changed some time in the last days, in working hours, never in the future.
            var at = nowUtc.AddHours(-random.Next(1, 24 * 6)).AddMinutes(-random.Next(60));
            var (done, target) = DemoNumber(numberRandom, item, status);
            changes.Add((item, item with
            {
                Status = status, Note = note, UpdatedAtUtc = at, UpdatedBy = DemoLiaison(item),
                Version = item.Version + 1, Done = done, Target = target,
            }));
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE ChecklistItems SET Status = @Status, Note = @Note, UpdatedAtUtc = @UpdatedAtUtc, UpdatedBy = @UpdatedBy, Version = @Version,
                    Done = @Done, Target = @Target
                WHERE Id = @Id;
                """, changes.Select(c => c.After), transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(ItemSql.InsertEvent,
                changes.OrderBy(c => c.After.UpdatedAtUtc).Select(c => ItemEventRow.Of(c.After, c.Before.Status, Guid.NewGuid(), c.Before.Done)), // log order = time order
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        // The agencies' units in the demo regencies, as they are named there: a leader sees "Polres Kutai Kartanegara", not "Polri".
        foreach (var (agency, regency, name) in DemoUnits)
        {
            await contacts.SetAgencyUnitAsync(agency, regency, name, cancellationToken);
        }

        // Demo risk levels (not Bawaslu's published scores): one high-risk regency shows how risk orders the screens.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE Regions SET RiskLevel = CASE Code WHEN '64.02' THEN 'tinggi' WHEN '52.71' THEN 'sedang' WHEN '17.71' THEN 'sedang' ELSE 'rendah' END,
                RiskUpdatedBy = 'sistem', RiskUpdatedAtUtc = @nowUtc
            WHERE Code IN ('64.02', '52.71', '17.71', '34.02');
            """, new { nowUtc }, cancellationToken: cancellationToken));

        await neutrality.SeedAsync(DemoRegions, cancellationToken);
        await situation.SeedAsync(cancellationToken);
        await coordination.SeedAsync(electionId, RegionTimeZone.Wita.Today(time), BlockedNote, cancellationToken);
        LogDemo(votingDay, items.Count, changes.Count);
        return true;
    }

    /// <summary>
    /// A plausible number for a demo item that counts something, as the seed notes report them ("9 dari 14 OPD",
    /// "PTPS kurang 7 TPS"): a target of the unit's usual size (or the template's own), all done when ready, most of it
    /// under way, part of it when blocked. Items that count nothing keep no number.
    /// </summary>
    private static (int? Done, int? Target) DemoNumber(Random random, ChecklistItem item, string status)
    {
        if (!item.HasNumber)
        {
            return (null, null);
        }

        var kecamatan = RegionCode.LevelOf(item.RegionCode) == RegionLevel.District;
        var target = item.Target ?? item.Unit switch
        {
            "TPS" => random.Next(24, 96),
            "OPD" => random.Next(28, 43),
            "desa" => random.Next(8, 21),
            "personel" => kecamatan ? random.Next(40, 161) : random.Next(250, 901),
            "kegiatan" => random.Next(6, 13),
            "paslon" => random.Next(2, 6),
            _ => random.Next(5, 31),
        };
        var done = status switch
        {
            ItemStatus.Ready => item.AllowOver ? target + random.Next(0, 4) : target,
            ItemStatus.InProgress => (int)(target * (0.45 + 0.5 * random.NextDouble())),
            _ => (int)(target * (0.3 + 0.5 * random.NextDouble())),
        };
        return (Math.Min(done, item.AllowOver ? ItemNumbers.MaxValue : target), target);
    }

    /// <summary>
    /// Illustrative figures for every kecamatan of the demo regions (not KPU's or Polri's published numbers): 24 to 95 TPS,
    /// about two thirds kurang rawan, a fifth rawan, a few sangat rawan and now and then a TPS khusus. Seeded before the
    /// items, so the items that count per TPS take their targets from them.
    /// </summary>
    private async Task SeedFiguresAsync(System.Data.Common.DbConnection connection, int electionId, CancellationToken cancellationToken)
    {
        var random = new Random(20241130);
        var kecamatan = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Code FROM Regions WHERE Level = 3 AND ParentCode IN @DemoRegions ORDER BY Code;", new { DemoRegions },
            cancellationToken: cancellationToken))).AsList();
        var rows = new List<(string, Dictionary<string, int>)>();
        foreach (var code in kecamatan)
        {
            var tps = random.Next(24, 96);
            var khusus = random.NextDouble() < 0.2 ? 1 : 0;
            var sangatRawan = random.Next(0, Math.Max(2, tps / 12));
            var rawan = random.Next(tps / 8, tps / 4 + 1);
            var kurangRawan = tps - khusus - sangatRawan - rawan;
            rows.Add((code, new Dictionary<string, int>
            {
                [Figure.Tps] = tps, [Figure.KurangRawan] = kurangRawan, [Figure.Rawan] = rawan,
                [Figure.SangatRawan] = sangatRawan, [Figure.Khusus] = khusus,
            }));
        }

        await figures.SeedAsync(electionId, rows, "sistem", cancellationToken);
    }

    /// <summary>The demo region an item belongs to: its regency, or the province for a province's own item.</summary>
    private static string DemoArea(string regionCode) =>
        RegionCode.LevelOf(regionCode) == RegionLevel.Province ? regionCode : regionCode[..5];

    /// <summary>The demo liaison who changed an item: the province's own for a province item, the regencies' otherwise.</summary>
    private static string DemoLiaison(ChecklistItem item)
    {
        var agency = "penghubung." + item.AgencyCode.ToLowerInvariant();
        return ProvinceSuffix.TryGetValue(item.RegionCode, out var suffix) ? agency + "." + suffix : agency;
    }

    /// <summary>The note of a Kendala item that no demo note is written for: it names the item, so it always fits.</summary>
    internal static string BlockedNote(string title) => $"Belum bisa diselesaikan: {title}. Kebutuhannya dibahas di rapat Desk Pilkada.";

    /// <summary>
    /// A voting-week status: items long due are ready (a few still finishing); recent ones are mostly ready with some
    /// blocked or late; later ones are under way.
    /// </summary>
    private static string PickStatus(Random random, int daysUntilDue, double diligence)
    {
        var (ready, inProgress, blocked) = daysUntilDue switch
        {
            < -30 => (0.97, 0.03, 0.0),
            < -7 => (0.86, 0.07, 0.03),
            < 0 => (0.62, 0.18, 0.09),
            <= 7 => (0.22, 0.42, 0.10),
            _ => (0.04, 0.26, 0.03),
        };
        ready = Math.Min(0.97, ready * diligence);
        blocked /= diligence;
        var roll = random.NextDouble();
        if (roll < ready)
        {
            return ItemStatus.Ready;
        }

        if (roll < ready + inProgress)
        {
            return ItemStatus.InProgress;
        }

        return roll < ready + inProgress + blocked ? ItemStatus.Blocked : ItemStatus.NotStarted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo election created: voting day {VotingDay:yyyy-MM-dd}, {Items} items, {Changes} status changes")]
    private partial void LogDemo(DateOnly votingDay, int items, int changes);
}
