using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Shared;

/// <summary>The note rule, the one the store enforces and the card and the bulk bar ask before sending.</summary>
public sealed class ItemStatusNoteTests
{
    [Theory]
    [InlineData(ItemStatus.Blocked, null, true)]
    [InlineData(ItemStatus.Blocked, "", true)]
    [InlineData(ItemStatus.Blocked, " \n\t ", true)]
    [InlineData(ItemStatus.Blocked, "Gudang bocor, perlu terpal", false)]
    [InlineData(ItemStatus.Ready, null, false)]
    [InlineData(ItemStatus.InProgress, " ", false)]
    [InlineData(ItemStatus.NotStarted, null, false)]
    public void Only_Kendala_needs_a_note_and_blank_is_none(string status, string? note, bool lacks) =>
        Assert.Equal(lacks, ItemStatus.LacksNote(status, note));

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("  38 dari 45 TPS  ", "38 dari 45 TPS")]
    public void A_note_is_stored_trimmed_and_blank_as_none(string? typed, string? stored) =>
        Assert.Equal(stored, ItemStatus.CleanNote(typed));
}
