using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Accounts;
using Readiness.Data.Seed;
using Readiness.Data.Shared;
using Readiness.Web.Components.Pages.Tasks;

namespace Readiness.Web.Tests.Pages.Tasks;

/// <summary>A liaison's task cards say who last changed each item by name and unit, as the item's page does, not by login.</summary>
public sealed class TasksPageContactsTests : IAsyncLifetime
{
    private readonly EscalationScenario _s = new(Roles.Liaison);

    public Task InitializeAsync() => _s.ReadyAsync();

    [Fact]
    public async Task A_card_names_who_changed_it_with_their_unit()
    {
        using (var scope = _s.Context.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().EnsureDemoUsersAsync("rapat koordinasi desk pilkada", DemoSeeder.DemoRegions);
        }

        var target = await _s.BlockAsync((await _s.TaskListAsync()).First(i => i.Status != ItemStatus.Ready));

        var cut = _s.Context.Render<TasksPage>();

        cut.WaitForAssertion(() =>
        {
            var by = cut.Find($"article.item-card[data-item='{target.Id}'] .updated-by").TextContent;
            Assert.Contains("Siti Rahmawati", by, StringComparison.Ordinal);
            Assert.DoesNotContain("penghubung.kpu", by, StringComparison.Ordinal);
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();
}
