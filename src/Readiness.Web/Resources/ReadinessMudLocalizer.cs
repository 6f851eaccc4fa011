using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Readiness.Web.Resources;

/// <summary>
/// MudBlazor's own words (a data grid's "Sort" and "Column options", its pager, "Loading") in the user's language:
/// looked up in <see cref="SharedResource"/> under <c>Mud.</c> plus MudBlazor's key (for example
/// <c>Mud.MudDataGrid_Sort</c>), in the request's UI culture. A key the app does not translate keeps MudBlazor's
/// English text.
/// </summary>
public sealed class ReadinessMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key]
    {
        get
        {
            var ours = localizer["Mud." + key];
            return ours.ResourceNotFound ? base[key] : new LocalizedString(key, ours.Value);
        }
    }
}
