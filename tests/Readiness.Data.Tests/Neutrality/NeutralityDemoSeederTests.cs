using Readiness.Data.Accounts;
using Readiness.Data.Neutrality;
using Readiness.Data.Seed;

namespace Readiness.Data.Tests.Neutrality;

/// <summary>The demo's neutrality data: 9 of 14 OPD pledged in each demo regency, cases at every step, no real-looking names.</summary>
public sealed class NeutralityDemoSeederTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Each_demo_regency_has_9_of_14_OPD_pledged_and_cases_at_every_step_except_Mataram_which_has_none()
    {
        var store = _db.Get<NeutralityStore>();
        var all = new List<NeutralityCase>();
        foreach (var regency in DemoSeeder.DemoRegions)
        {
            var summary = await store.SummaryAsync(TestDatabase.Admin, regency);
            Assert.Equal((14, 9), (summary.OfficesTotal, summary.OfficesPledged));
            Assert.Equal(regency == NeutralityDemoSeeder.RegencyWithoutCases, summary.NoViolation);
            all.AddRange(await store.CasesAsync(TestDatabase.Admin, regency, withPersonalData: true));
        }

        Assert.Equal(NeutralitySteps.All.Order(), all.Select(c => c.Step).Distinct().Order());
        Assert.All(all, c => Assert.StartsWith("ASN Contoh ", c.PersonName, StringComparison.Ordinal));
        Assert.All(all, c => Assert.Matches("^[0-9]{18}$", c.Nip!));
        Assert.Equal(all.Count, all.Select(c => c.Nip).Distinct().Count());
        Assert.True((await store.SummaryAsync(TestDatabase.Admin, "64.02")).PastDeadline >= 1);
    }

    public async Task InitializeAsync()
    {
        await _db.ReadyAsync();
        await _db.DemoSeeder().SeedAsync();
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
