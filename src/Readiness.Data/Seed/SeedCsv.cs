using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Readiness.Data.Seed;

/// <summary>Reads the seed CSV files embedded from database/seed/.</summary>
internal static class SeedCsv
{
    public static List<T> Read<T>(string name)
    {
        var resource = "seed/" + name;
        using var stream = typeof(SeedCsv).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Seed file {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Replace("_", string.Empty).ToLowerInvariant(),
        });
        return csv.GetRecords<T>().ToList();
    }
}

internal sealed class ProvinceRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

internal sealed class RegencyRow
{
    public string Code { get; set; } = "";
    public string ProvinceCode { get; set; } = "";
    public string Name { get; set; } = "";
}

internal sealed class DistrictRow
{
    public string Code { get; set; } = "";
    public string RegencyCode { get; set; } = "";
    public string Name { get; set; } = "";
}

internal sealed class StageRow
{
    public string Code { get; set; } = "";
    public int Sort { get; set; }
    public string Name { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
}

internal sealed class TemplateRow
{
    public string Code { get; set; } = "";
    public string Agency { get; set; } = "";
    public string Stage { get; set; } = "";
    public string Level { get; set; } = "";
    public string Criticality { get; set; } = "";
    public int DueOffsetDays { get; set; }
    public string Title { get; set; } = "";

    /// <summary>What the item counts; empty for an item without a number.</summary>
    public string? Unit { get; set; }

    /// <summary>A fixed target; empty when the liaison enters it.</summary>
    public int? Target { get; set; }

    /// <summary>"1" when done may exceed the target.</summary>
    public string? AllowOver { get; set; }

    /// <summary>"bulanan" or "mingguan" for a template that recurs inside its stage; empty when it does not.</summary>
    public string? Recurrence { get; set; }

    /// <summary>The figure the target follows (tps, tps_rawan, tps_sangat_rawan); empty when it follows none.</summary>
    public string? TargetFrom { get; set; }

    /// <summary>How many per TPS of that figure (empty: one).</summary>
    public int? TargetPer { get; set; }
}

internal sealed class DemoNoteRow
{
    public string Agency { get; set; } = "";
    public string Status { get; set; } = "";

    /// <summary>The template item codes the note fits, "|" between several.</summary>
    public string Subject { get; set; } = "";

    public string Note { get; set; } = "";
}
