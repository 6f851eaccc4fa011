using Readiness.Data.Accounts;
using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

public sealed class LandingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//evil.example")]
    public void A_liaison_who_asked_for_no_page_lands_on_their_tasks(string? returnUrl) =>
        Assert.Equal("/tugas", Landing.For(Roles.Liaison, returnUrl));

    [Theory]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Viewer)]
    public void Everyone_else_lands_on_the_regions_in_their_scope(string role) => Assert.Equal("/", Landing.For(role, null));

    [Theory]
    [InlineData(Roles.Liaison)]
    [InlineData(Roles.Leader)]
    public void A_page_asked_for_wins(string role) => Assert.Equal("/wilayah/64.02", Landing.For(role, "/wilayah/64.02"));
}
