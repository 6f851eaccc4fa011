using Readiness.Web.Components.Pages.Admin;

namespace Readiness.Web.Tests.Pages.Admin;

public sealed class NotificationsPageTests : AdminPageTest
{
    [Fact]
    public async Task The_webhook_secret_is_typed_masked_and_shown_only_when_the_admin_asks()
    {
        var page = RenderPage<NotificationsPage>();
        page.WaitForElement("button[aria-label='Tampilkan rahasia']");
        var secret = page.Find("input[type=password]");
        Assert.Equal("new-password", secret.GetAttribute("autocomplete"));

        await page.InvokeAsync(() => page.Find("button[aria-label='Tampilkan rahasia']").Click());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("input[type=password]")));
        await page.InvokeAsync(() => page.Find("button[aria-label='Sembunyikan rahasia']").Click());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("input[type=password]")));
    }
}
