using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/wilayah/64.02")]
    [InlineData("/tugas?status=kendala")]
    [InlineData("/wilayah/64.02?x=%E3%80%82")]
    public void Paths_on_this_site_are_kept(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    [InlineData("/\0/evil.example")]
    [InlineData("/\u3002evil.example")]
    [InlineData("/ evil")]
    [InlineData("/a\\b")]
    [InlineData("/\u007f")]
    public void Anything_a_redirect_cannot_carry_goes_home(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));
}
