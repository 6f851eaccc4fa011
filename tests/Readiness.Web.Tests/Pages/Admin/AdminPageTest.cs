using Microsoft.AspNetCore.Components;
using MudBlazor;
using Readiness.Data.Accounts;

namespace Readiness.Web.Tests.Pages.Admin;

/// <summary>
/// An admin page over a live circuit, signed in as an admin, on a real SQLite file with the reference data and no demo
/// election (<see cref="SeededPageTest"/>). The page is rendered beside MudBlazor's
/// dialog and popover providers, as the layout renders them, so its dialogs open.
/// </summary>
public abstract class AdminPageTest() : SeededPageTest(SignedInAs("admin", Roles.Admin), demo: false)
{
    /// <summary>The admin as the stores see them.</summary>
    protected static Actor AdminActor { get; } = new() { Name = "admin", Role = Roles.Admin, Scopes = [] };

    /// <summary>The page with the providers the layout gives it; the page's own component.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>()
        where TPage : IComponent
    {
        Root = Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });
        return Root.FindComponent<TPage>();
    }

    /// <summary>What <see cref="RenderPage{TPage}"/> rendered: the providers and the page.</summary>
    protected IRenderedComponent<IComponent> Root { get; private set; } = null!;

    /// <summary>Waits until <paramref name="assertion"/> holds for what is rendered (the page or a dialog).</summary>
    protected void WaitFor(Action assertion) => Root.WaitForAssertion(assertion);

    /// <summary>The open dialog's root; fails when none is open.</summary>
    protected AngleSharp.Dom.IElement OpenDialog() =>
        Root.FindComponent<MudDialogProvider>().Find("[role=dialog]");

    protected bool HasOpenDialog() =>
        Root.FindComponent<MudDialogProvider>().FindAll("[role=dialog]").Count > 0;

    protected static AngleSharp.Dom.IElement Button(AngleSharp.Dom.IElement scope, string text) =>
        scope.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
