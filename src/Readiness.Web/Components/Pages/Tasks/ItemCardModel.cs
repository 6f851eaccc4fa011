using Readiness.Data.Accounts;
using Readiness.Data.Checklists;
using Readiness.Data.Notifications;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// Everything an <see cref="ItemCard"/> shows, as one value: the card repaints when the page hands it a model that
/// differs from the last one in any member, and skips the render when it is equal. A new member counts at once; there
/// is no second list of what to compare.
/// </summary>
/// <param name="View">The item with its region and stage.</param>
/// <param name="Today">Today in the item's region, for the overdue rule.</param>
/// <param name="CanEdit">Whether the signed-in user may change this item (the service checks again).</param>
/// <param name="Selectable">Shows a checkbox, for a bulk action over several items.</param>
/// <param name="Selected">Whether the checkbox is ticked.</param>
/// <param name="Conflict">
/// A conflict found for this item outside the card (a bulk action) with the change that was refused: shown as if the
/// card had met it, with the same choice.
/// </param>
/// <param name="Escalation">The item's "Dieskalasi" mark while it is escalated and unchanged since; null otherwise.</param>
/// <param name="Contacts">
/// The name, unit and number behind login names, where the page read them; null shows login names. Compared by
/// reference: the page hands over a new dictionary when the names change.
/// </param>
/// <param name="EvidenceCount">How many photos and documents prove the item; shown as "2 bukti" when any.</param>
public sealed record ItemCardModel(
    ItemView View,
    DateOnly Today,
    bool CanEdit = false,
    bool Selectable = false,
    bool Selected = false,
    (SaveResult.Conflict Conflict, StatusChange Mine)? Conflict = null,
    ItemEscalation? Escalation = null,
    IReadOnlyDictionary<string, Contact>? Contacts = null,
    int EvidenceCount = 0);
