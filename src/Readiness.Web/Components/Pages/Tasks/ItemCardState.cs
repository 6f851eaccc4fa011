using Readiness.Data.Checklists;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// Where an <see cref="ItemCard"/> is in a liaison's edit: one of the cases below, and nothing else. The card holds one
/// of these at a time and moves between them by named transitions.
/// </summary>
public abstract record ItemCardState
{
    private ItemCardState()
    {
    }

    /// <summary>Nothing under way: the status buttons and "add a note".</summary>
    public sealed record Idle : ItemCardState;

    /// <summary>
    /// A change is on its way to the store; the card shows <see cref="ReturnTo"/> with its buttons disabled, and goes
    /// back there when the change is refused (a refused note stays open with its error).
    /// </summary>
    /// <param name="ReturnTo">The state the save began from.</param>
    public sealed record Saving(ItemCardState ReturnTo) : ItemCardState;

    /// <summary>The note box is open.</summary>
    /// <param name="Status">The status the note is to be saved with.</param>
    /// <param name="EditVersion">
    /// The item's version when the edit began: the note is saved against it, so a change made meanwhile comes back as
    /// a conflict, never overwritten.
    /// </param>
    /// <param name="AskedFor">
    /// A status tapped while a typed note was unsaved: the card asks whether to save the note with it; null when not
    /// asked.
    /// </param>
    public sealed record Note(string Status, int EditVersion, string? AskedFor = null) : ItemCardState;

    /// <summary>Someone else saved first: their item and the liaison's refused change, to choose between.</summary>
    /// <param name="Theirs">The item as the other person left it.</param>
    /// <param name="Mine">The change that was refused.</param>
    /// <param name="FromNote">Whether the refused change was a note being written (its draft is forgotten once settled).</param>
    public sealed record Conflict(ChecklistItem Theirs, StatusChange Mine, bool FromNote) : ItemCardState;

    /// <summary>An unsaved note the browser kept, offered back.</summary>
    /// <param name="Offered">The note as the browser kept it.</param>
    public sealed record Draft(NoteDraft Offered) : ItemCardState;
}
