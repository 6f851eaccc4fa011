using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Agencies;
using Readiness.Data.Checklists;
using Readiness.Data.Shared;
using Readiness.Web.Accounts;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>
/// Base of the item card's component tests: the card as a liaison of the KPU (penghubung.kpu) sees it on a live Blazor
/// Server circuit in Indonesian, one fake item of the KPU in Kota Makassar, and a fake store behind the card's Save that
/// records every change handed to it and answers as the real store would unless the test says otherwise
/// (<see cref="Answer(Func{StatusChange, SaveResult})"/>).
/// </summary>
public abstract class ItemCardTest : ComponentTest
{
    /// <summary>The fake item's id; the card's field ids carry it (<c>note-42</c>, <c>done-42</c>).</summary>
    protected const long ItemId = 42;

    /// <summary>The signed-in liaison; the browser keeps their unsaved notes under this name.</summary>
    protected const string Liaison = "penghubung.kpu";

    /// <summary>Today in the item's region, for the overdue rule.</summary>
    protected static readonly DateOnly RegionToday = new(2026, 11, 20);

    // What the fake store answers; null stores the change as the real store would.
    private Func<StatusChange, Task<SaveResult>>? _respond;

    /// <summary>The host: localization, MudBlazor, loose JavaScript interop, the signed-in liaison and a live circuit.</summary>
    protected ItemCardTest()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(Liaison));
        Services.AddScoped<CurrentActor>();
        Services.AddScoped<NoteDrafts>();
        TestCulture.Use(TestCulture.Indonesian);

        // Last: it reads a service. The status buttons read RendererInfo: rendered as over a live Blazor Server circuit.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>What the card handed to Save, in order, whatever the store answered.</summary>
    protected List<StatusChange> Saves { get; } = [];

    /// <summary>What the card told its parent through Changed, in order.</summary>
    protected List<ChecklistItem> Changes { get; } = [];

    /// <summary>
    /// The fake KPU item, in progress and due on 25 November; <paramref name="unit"/>, <paramref name="done"/> and
    /// <paramref name="target"/> make it one that counts.
    /// </summary>
    protected static ChecklistItem Item(
        string status = ItemStatus.InProgress, string? note = null, int version = 3, DateOnly? dueDate = null,
        string? unit = null, int? done = null, int? target = null, bool targetFixed = false) => new()
        {
            Id = ItemId,
            ElectionId = 1,
            RegionCode = "73.71",
            AgencyCode = Agency.Kpu,
            StageId = 5,
            Title = "Distribusi logistik ke TPS",
            Criticality = Criticality.Important,
            DueDate = dueDate ?? new DateOnly(2026, 11, 25),
            Status = status,
            Note = note,
            UpdatedAtUtc = new DateTime(2026, 11, 19, 6, 5, 0, DateTimeKind.Utc),
            UpdatedBy = "Budi Santoso",
            Version = version,
            Unit = unit,
            Done = done,
            Target = target,
            TargetFixed = targetFixed,
        };

    /// <summary>The item with its region (Kota Makassar, WITA) and stage, as the tasks page reads it.</summary>
    protected static ItemView ViewOf(ChecklistItem item) => new()
    {
        Item = item,
        RegionName = "Kota Makassar",
        TimeZone = "Asia/Makassar",
        StageName = "Pemungutan suara",
        StageSortOrder = 7,
    };

    /// <summary>
    /// The item as the store returns it after <paramref name="change"/> to <paramref name="shown"/> (the default
    /// <see cref="Item"/> when null): one version on, by another officer, a number left out kept as it was.
    /// </summary>
    protected static ChecklistItem Stored(StatusChange change, ChecklistItem? shown = null) => (shown ?? Item()) with
    {
        Status = change.Status,
        Note = change.Note,
        Done = change.Done ?? (shown ?? Item()).Done,
        Target = change.Target ?? (shown ?? Item()).Target,
        Version = change.ExpectedVersion + 1,
        UpdatedBy = "Andi Wijaya",
        UpdatedAtUtc = new DateTime(2026, 11, 20, 2, 30, 0, DateTimeKind.Utc),
    };

    /// <summary>What the store answers from now on; a throw comes with the task, as from the real (async) store.</summary>
    protected void Answer(Func<StatusChange, SaveResult> respond) => _respond = change => Task.FromResult(respond(change));

    /// <summary>What the store answers from now on, when the test decides when the answer comes.</summary>
    protected void AnswerLater(Func<StatusChange, Task<SaveResult>> respond) => _respond = respond;

    /// <summary>The card for <paramref name="item"/>, editable unless <paramref name="canEdit"/> is false.</summary>
    protected IRenderedComponent<ItemCard> RenderCard(ChecklistItem item, bool canEdit = true) =>
        RenderCard(new ItemCardModel(ViewOf(item), RegionToday, canEdit));

    /// <summary>The card for <paramref name="model"/>, its Save going to the fake store and its Changed recorded.</summary>
    protected IRenderedComponent<ItemCard> RenderCard(ItemCardModel model) =>
        Render<ItemCard>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Save, change => SaveAsync(model.View.Item, change))
            .Add(x => x.Changed, changed => Changes.Add(changed)));

    /// <summary>The card's one button that says <paramref name="text"/>.</summary>
    protected static IElement Button(IRenderedComponent<ItemCard> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private Task<SaveResult> SaveAsync(ChecklistItem shown, StatusChange change)
    {
        Saves.Add(change);
        try
        {
            return _respond?.Invoke(change)
                ?? Task.FromResult<SaveResult>(new SaveResult.Saved(Stored(change, shown), Seq: 1000 + change.ExpectedVersion));
        }
        catch (Exception ex)
        {
            // As from the real (async) store: the failure comes with the task.
            return Task.FromException<SaveResult>(ex);
        }
    }
}
