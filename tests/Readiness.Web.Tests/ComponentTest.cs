using Microsoft.AspNetCore.Components;

namespace Readiness.Web.Tests;

/// <summary>
/// Base of the component tests: one <see cref="BunitContext"/> per test, disposed asynchronously after it by xunit.
/// A test class that derives from <see cref="BunitContext"/> itself is disposed synchronously, which fails at teardown
/// for services that are only <see cref="IAsyncDisposable"/> (component libraries register such services).
/// </summary>
public abstract class ComponentTest : IAsyncLifetime
{
    /// <summary>The test's bunit context: its renderer, services and JavaScript interop.</summary>
    protected BunitContext Context { get; } = new();

    protected BunitServiceProvider Services => Context.Services;

    protected BunitJSInterop JSInterop => Context.JSInterop;

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent => Context.Render(parameters);

    protected IRenderedComponent<TComponent> Render<TComponent>(RenderFragment fragment)
        where TComponent : IComponent => Context.Render<TComponent>(fragment);

    protected void SetRendererInfo(RendererInfo rendererInfo) => Context.SetRendererInfo(rendererInfo);

    protected Task DisposeComponentsAsync() => Context.DisposeComponentsAsync();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
