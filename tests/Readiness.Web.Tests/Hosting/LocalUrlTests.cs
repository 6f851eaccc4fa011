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
    [InlineData("/tugas?cari=a\nb")]
    [InlineData("/tugas?cari=a b")]
    public void Anything_a_redirect_cannot_carry_goes_home(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Fact]
    public void Half_a_surrogate_pair_in_the_query_goes_home() =>
        Assert.Equal("/", LocalUrl.OrHome("/tugas?cari=" + '\ud800' + "x"));

    [Theory]
    [InlineData("/tugas?cari=caf\u00e9", "/tugas?cari=caf%C3%A9")]
    [InlineData("/tugas?cari=\u8fd0#x\u00e9", "/tugas?cari=%E8%BF%90#x%C3%A9")]
    [InlineData("/tugas?cari=\ud83d\ude00", "/tugas?cari=%F0%9F%98%80")]
    public void Non_ASCII_text_in_the_query_is_percent_encoded_so_the_redirect_can_carry_it(string url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(url));
}
