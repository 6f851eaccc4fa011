using Microsoft.Extensions.Time.Testing;
using Readiness.Web.Components.Pages.Home;

namespace Readiness.Web.Tests.Pages.Home;

/// <summary>
/// A home page left open overnight turns its countdown at midnight, as a fresh tab would: it lists regions across the
/// nation, so its day is WIB's. The clock is a FakeTimeProvider moved by hand.
/// </summary>
public class HomePageMidnightTests : SeededPageTest
{
    private readonly FakeTimeProvider _time;

    // 23:58:30 WIB on the day the demo data is made.
    public HomePageMidnightTests() : this(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 16, 58, 30, TimeSpan.Zero)))
    {
    }

    private HomePageMidnightTests(FakeTimeProvider time) : base(Leader(), time) => _time = time;

    [Fact]
    public async Task An_open_home_page_counts_one_day_less_to_voting_after_midnight_WIB()
    {
        var election = await DemoElectionAsync();
        var today = new DateOnly(2026, 11, 30);
        var cut = Render<HomePage>();
        cut.WaitForAssertion(() => Assert.Contains($"H-{election.VotingDay.DayNumber - today.DayNumber}", cut.Markup));

        _time.Advance(TimeSpan.FromMinutes(2)); // 00:00:30 WIB

        cut.WaitForAssertion(() => Assert.Contains($"H-{election.VotingDay.DayNumber - today.AddDays(1).DayNumber}", cut.Markup));
        Assert.DoesNotContain($"H-{election.VotingDay.DayNumber - today.DayNumber}<", cut.Markup);
    }
}
