using Dapper;
using Readiness.Data.Sql;

namespace Readiness.Data.Situation;

/// <summary>
/// Demo situation and incidents for the demo regions (invented, not from police reports): most regions kondusif, the
/// Kutai Kartanegara regency at PG, Cakranegara kecamatan in Mataram at AG; a dozen incidents of mixed kinds over the
/// last four days, one of them (a clash in Cakranegara) significant and open. Written as the system, with their events.
/// </summary>
public sealed class SituationSeeder(ConnectionFactory factory, TimeProvider time)
{
    private static readonly (string Region, string Level, string Reason)[] Levels =
    [
        ("52.71", SituationLevel.Calm, "Kampanye akbar berjalan tertib; patroli gabungan rutin."),
        ("52.71.03", SituationLevel.Threshold, "Gesekan antarpendukung di sekitar posko pemenangan; massa berkumpul tiap malam."),
        ("64.02", SituationLevel.Potential, "Wilayah hulu sulit dijangkau; isu politik uang beredar di beberapa desa."),
        ("17.71", SituationLevel.Calm, "Tidak ada laporan gangguan menonjol."),
        ("34.02", SituationLevel.Calm, "Tidak ada laporan gangguan menonjol."),
    ];

    private static readonly (string Region, string Place, double HoursAgo, string Kind, string Severity, string Agency, string Handling, string Status, string? Closing, bool Significant, string Description)[] Incidents =
    [
        ("52.71.03", "Kel. Cakranegara Timur, dekat TPS 07", 5, IncidentKind.Clash, IncidentSeverity.Serious, "POLRI", "POLRI,TNI", IncidentStatus.Handling, null, true, "Bentrok dua kelompok pendukung usai kampanye; dua orang luka ringan."),
        ("52.71.01", "Kel. Ampenan Utara", 20, IncidentKind.PropsDamaged, IncidentSeverity.Minor, "BAWASLU", "PEMDA", IncidentStatus.Closed, "Baliho diganti; pelaku tidak diketahui.", false, "Baliho pasangan calon dirobek."),
        ("52.71.05", "Kel. Rembiga", 30, IncidentKind.HoaxSara, IncidentSeverity.Moderate, "PEMDA", "POLRI,PEMDA", IncidentStatus.Handling, null, false, "Pesan berantai bernada SARA di grup warga."),
        ("52.71.02", "Kel. Pagesangan, TPS 12", 44, IncidentKind.FloodOrPowerCut, IncidentSeverity.Minor, "KPU", "PEMDA", IncidentStatus.Closed, "PLN memulihkan aliran listrik.", false, "Listrik padam di lokasi TPS saat pemasangan tenda."),
        ("52.71.06", "Kel. Bertais", 60, IncidentKind.Demonstration, IncidentSeverity.Moderate, "POLRI", "POLRI", IncidentStatus.Closed, "Massa membubarkan diri dengan tertib.", false, "Unjuk rasa di depan kantor KPU."),
        ("52.71.04", "Kel. Karang Pule", 70, IncidentKind.MoneyPolitics, IncidentSeverity.Moderate, "BAWASLU", "BAWASLU,POLRI", IncidentStatus.Reported, null, false, "Laporan warga soal pembagian amplop."),
        ("64.02.12", "Desa Tabang Lama", 10, IncidentKind.Logistics, IncidentSeverity.Serious, "KPU", "KPU,TNI", IncidentStatus.Handling, null, false, "Satu kotak surat suara basah terendam saat diangkut lewat sungai."),
        ("64.02.06", "Kel. Melayu, TPS 03", 26, IncidentKind.Intimidation, IncidentSeverity.Moderate, "BAWASLU", "POLRI", IncidentStatus.Handling, null, false, "Saksi diminta tidak hadir oleh orang tak dikenal."),
        ("64.02.11", "Desa Muara Kaman Ulu", 50, IncidentKind.FloodOrPowerCut, IncidentSeverity.Moderate, "PEMDA", "PEMDA,TNI", IncidentStatus.Handling, null, false, "Banjir setinggi lutut di dua lokasi TPS."),
        ("64.02.05", "Desa Badak Baru", 75, IncidentKind.PropsDamaged, IncidentSeverity.Minor, "POLRI", "PEMDA", IncidentStatus.Closed, "APK dipasang ulang oleh tim.", false, "Spanduk dibakar di pinggir jalan."),
        ("17.71.01", "Kel. Pasar Melintang", 40, IncidentKind.HoaxSara, IncidentSeverity.Minor, "POLRI", "POLRI", IncidentStatus.Closed, "Akun penyebar sudah ditangani patroli siber.", false, "Video lama disebar sebagai kejadian baru."),
        ("34.02.01", "Desa Srigading", 90, IncidentKind.Other, IncidentSeverity.Minor, "PEMDA", "PEMDA", IncidentStatus.Closed, "Jalan dibersihkan.", false, "Pohon tumbang menutup akses ke gudang logistik PPK."),
    ];

    /// <summary>Writes the demo levels and incidents once (nothing when an incident exists already).</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var any = await connection.QueryAsync<long>(new CommandDefinition($"SELECT Id FROM Incidents ORDER BY Id {factory.Dialect.Top(1)};", cancellationToken: cancellationToken));
        if (any.Any())
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (region, level, reason) in Levels)
        {
            var at = now.AddHours(-8);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO SituationLevels (RegionCode, Level, Reason, StageId, UpdatedBy, UpdatedAtUtc, Version)
                VALUES (@region, @level, @reason, NULL, 'sistem', @at, 1);
                INSERT INTO SituationEvents (RegionCode, StageId, LevelBefore, LevelAfter, Reason, Actor, AtUtc, OperationId)
                VALUES (@region, NULL, NULL, @level, @reason, 'sistem', @at, @operationId);
                """, new { region, level, reason, at, operationId = Guid.NewGuid().ToString("D") }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var i in Incidents)
        {
            var occurred = now.AddHours(-i.HoursAgo);
            var closedAt = occurred.AddHours(3);
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
                INSERT INTO Incidents (RegionCode, StageId, Place, OccurredAtUtc, Kind, Severity, Description, ReportingAgency, HandlingAgencies,
                                       Status, ClosingNote, IsSignificant, SignificantBy, SignificantAtUtc, ReportedBy, ReportedAtUtc,
                                       UpdatedBy, UpdatedAtUtc, Version)
                VALUES (@Region, NULL, @Place, @occurred, @Kind, @Severity, @Description, @Agency, @Handling,
                        @Status, @Closing, @significant, @significantBy, @significantAt, 'sistem', @occurred,
                        'sistem', @updated, @version);
                {factory.Dialect.SelectInsertedId}
                """, new
            {
                i.Region, i.Place, occurred, i.Kind, i.Severity, i.Description, i.Agency, i.Handling, i.Status, i.Closing,
                significant = i.Significant ? 1 : 0,
                significantBy = i.Significant ? "sistem" : null,
                significantAt = i.Significant ? occurred.AddMinutes(30) : (DateTime?)null,
                updated = i.Status == IncidentStatus.Reported ? occurred : closedAt,
                version = 1 + (i.Status == IncidentStatus.Reported ? 0 : 1) + (i.Significant ? 1 : 0),
            }, transaction, cancellationToken: cancellationToken));
            await Event(id, i.Region, IncidentChange.Recorded, null, IncidentStatus.Reported, i.Description, occurred, 1);
            if (i.Significant)
            {
                await Event(id, i.Region, IncidentChange.MarkedSignificant, IncidentStatus.Reported, IncidentStatus.Reported, null, occurred.AddMinutes(30), 2);
            }

            if (i.Status != IncidentStatus.Reported)
            {
                await Event(id, i.Region, IncidentChange.StatusMoved, IncidentStatus.Reported, i.Status, i.Closing, closedAt, i.Significant ? 3 : 2);
            }
        }

        await transaction.CommitAsync(cancellationToken);

        async Task Event(long id, string region, string change, string? before, string after, string? note, DateTime at, int version) =>
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO IncidentEvents (IncidentId, RegionCode, Change, StatusBefore, StatusAfter, Note, ItemId, Actor, AtUtc, IncidentVersion, OperationId)
                VALUES (@id, @region, @change, @before, @after, @note, NULL, 'sistem', @at, @version, @operationId);
                """, new { id, region, change, before, after, note, at, version, operationId = Guid.NewGuid().ToString("D") }, transaction,
                cancellationToken: cancellationToken));
    }
}
