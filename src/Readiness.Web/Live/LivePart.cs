using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Readiness.Web.Live;

/// <summary>
/// A part of a live page that renders again only when its <see cref="Version"/> changed: the page around it re-renders
/// on every change it follows, and a part whose data did not move (the red flags when only a number changed, a
/// panel with its own state) keeps its last render, components inside it included, so a change repaints what it
/// changed and nothing else. The version is a value the page's state gives per part (<c>RegionState.VersionOf</c>).
/// </summary>
public sealed class LivePart : ComponentBase
{
    private object? _rendered;
    private bool _changed;

    /// <summary>What the content shows, as a value: equal to the last one, the part skips the render.</summary>
    [Parameter, EditorRequired] public object? Version { get; set; }

    /// <summary>The part's content.</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        _changed = !Equals(Version, _rendered);
        _rendered = Version;
    }

    /// <inheritdoc />
    protected override bool ShouldRender() => _changed;

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
