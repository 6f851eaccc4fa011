using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Readiness.Web.Accounts;

namespace Readiness.Web.Components.Pages.Tasks;

/// <summary>
/// A liaison's unsaved notes, kept in the browser's localStorage per user and item by <c>ItemCard.razor.js</c> (an
/// external module: the Content-Security-Policy allows no inline script), so that a note survives a server restart
/// and the page's reload, and is offered back. One per circuit; the module is loaded once, on first use.
/// </summary>
public sealed class NoteDrafts(IJSRuntime js, CurrentActor actor) : IAsyncDisposable
{
    private Task<IJSObjectReference>? _module;

    /// <summary>The draft kept for <paramref name="itemId"/> by this user, or null (also when the browser cannot tell).</summary>
    public async Task<NoteDraft?> GetAsync(long itemId)
    {
        try
        {
            return await (await ModuleAsync()).InvokeAsync<NoteDraft?>("get", await KeyAsync(itemId));
        }
        catch (JSException)
        {
            return null;
        }
    }

    /// <summary>Keeps what is typed in the textarea inside <paramref name="container"/> as the draft of the item.</summary>
    public async Task WatchAsync(ElementReference container, long itemId, string status, int version) =>
        await (await ModuleAsync()).InvokeVoidAsync("watch", container, await KeyAsync(itemId), new { status, version });

    /// <summary>Forgets the item's draft.</summary>
    public async Task ClearAsync(long itemId) =>
        await (await ModuleAsync()).InvokeVoidAsync("clear", await KeyAsync(itemId));

    private Task<IJSObjectReference> ModuleAsync() =>
        _module ??= js.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Tasks/ItemCard.razor.js").AsTask();

    private async Task<string> KeyAsync(long itemId) => $"{(await actor.FindAsync())?.Name ?? "-"}:{itemId}";

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await _module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }
}
