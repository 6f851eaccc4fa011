using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.Notifications;
using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

/// <summary>The dead-letter list says what happened in the user's language and keeps the raw detail folded for the admin.</summary>
public sealed class DeliveryErrorTextTests : ComponentTest
{
    public DeliveryErrorTextTests()
    {
        Services.AddLocalization();
        TestCulture.Use(TestCulture.Indonesian);
    }

    [Theory]
    [InlineData("timeout", "Penerima tidak menjawab dalam batas waktu.")]
    [InlineData("refused", "Sambungan ditolak atau alamat tidak terjangkau.")]
    [InlineData("tls", "Sambungan aman gagal (TLS atau sertifikat).")]
    [InlineData("http:503", "Penerima menjawab dengan status HTTP 503.")]
    [InlineData("mail", "Server surel menolak login, pengirim, atau penerima.")]
    [InlineData(null, "Pengiriman gagal karena sebab lain.")]
    public void A_failure_reads_in_indonesian_with_the_raw_english_detail_folded_beneath(string? kind, string words)
    {
        const string raw = "The operation didn't complete within the allowed timeout of '00:00:15'.";

        var cut = Render<DeliveryErrorText>(p => p.Add(c => c.Kind, kind).Add(c => c.Detail, raw));

        Assert.Equal(words, cut.Find(".delivery-error").TextContent);
        Assert.DoesNotContain(raw, cut.Find(".delivery-error").TextContent);
        var detail = cut.Find("details.delivery-error-detail");
        Assert.Equal("Rincian teknis", detail.QuerySelector("summary")!.TextContent);
        Assert.Equal(raw, detail.QuerySelector("code")!.TextContent);
    }

    [Fact]
    public void The_same_failure_reads_in_english_for_an_english_reader()
    {
        TestCulture.Use(TestCulture.English);

        var cut = Render<DeliveryErrorText>(p => p.Add(c => c.Kind, DeliveryErrorKinds.Http(429)).Add(c => c.Detail, "HTTP 429"));

        Assert.Equal("The receiver answered with HTTP status 429.", cut.Find(".delivery-error").TextContent);
    }
}
