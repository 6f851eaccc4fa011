using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Readiness.Web.Live;

/// <summary>
/// A component that renders a <typeparamref name="TState"/>: creates it once (with the circuit's services), hands
/// it the circuit's dispatcher and the user's culture, re-renders when it changes, and disposes it with the
/// component. Inherit it with <c>@inherits LiveView&lt;RegionState&gt;</c> and read <see cref="State"/>.
/// </summary>
/// <typeparam name="TState">The screen family's state; its constructor takes services from the circuit.</typeparam>
public abstract class LiveView<TState> : ComponentBase, IDisposable where TState : LiveState
{
    private TState? _state;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>The state this component renders; created on first use, in the user's culture.</summary>
    protected TState State => _state ??= CreateState();

    private TState CreateState()
    {
        var state = ActivatorUtilities.CreateInstance<TState>(Services);
        state.Attach(InvokeAsync, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, RendererInfo.IsInteractive);
        state.Changed += StateHasChanged;
        return state;
    }

    /// <summary>Disposes the state, which ends its feed subscription and timers.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Override to release more; call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _state is not null)
        {
            _state.Changed -= StateHasChanged;
            _state.Dispose();
        }
    }
}
