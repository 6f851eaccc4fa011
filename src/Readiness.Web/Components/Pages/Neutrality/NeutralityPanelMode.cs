namespace Readiness.Web.Components.Pages.Neutrality;

/// <summary>Where the "ASN netralitas" panel stands, which decides what it lists.</summary>
public enum NeutralityPanelMode
{
    /// <summary>The region page: counts, help and a link to the cases for those entitled.</summary>
    Page,

    /// <summary>The printed brief: counts and the cases waiting on the leader by number and kind.</summary>
    Brief,

    /// <summary>The wall: counts only, large, never a name or a link.</summary>
    Wall,
}
