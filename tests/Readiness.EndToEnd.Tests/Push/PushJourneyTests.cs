using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using Readiness.EndToEnd.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Readiness.EndToEnd.Tests.Push;

/// <summary>
/// Notices on the phone in a real Chromium against the app with VAPID keys set. Chromium here cannot reach a real
/// push service, so a push is handed to the app's service worker through the DevTools protocol
/// (<c>ServiceWorker.deliverPushMessage</c>), as the push service would hand it over.
/// </summary>
public sealed class PushJourneyTests : IAsyncLifetime
{
    private static readonly (string PublicKey, string PrivateKey) Vapid = NewVapidKeys();

    private readonly AppFixture _fixture = new()
    {
        ExtraSettings =
        {
            ["Push__PublicKey"] = Vapid.PublicKey,
            ["Push__PrivateKey"] = Vapid.PrivateKey,
            ["Push__Subject"] = "mailto:posko@kukarkab.go.id",
            ["Push__AllowLoopbackHttp"] = "true",
        },
    };

    [Fact]
    public async Task The_service_worker_shows_a_pushed_notice_with_its_title_and_link_and_sign_out_still_signs_out()
    {
        var page = await _fixture.SignedInPageAsync("pimpinan", width: 412, height: 915);
        var origin = _fixture.App.BaseUri.GetLeftPart(UriPartial.Authority);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = origin });
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerVersionUpdated").OnEvent += (_, e) =>
        {
            foreach (var version in e?.GetProperty("versions").EnumerateArray() ?? default)
            {
                if (version.GetProperty("status").GetString() == "activated")
                {
                    registration.TrySetResult(version.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");

        await page.GotoAsync("/kotak-masuk");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var message = JsonSerializer.Serialize(new { title = "[Kesiapan Pilkada] Eskalasi: Kendala - Uji dorong", link = "/butir/1", tag = "uji-tag" });
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
        {
            ["origin"] = origin,
            ["registrationId"] = registrationId,
            ["data"] = message,
        });

        // An async predicate is a promise, truthy at once for WaitForFunction: the notice is asked for until it is there.
        JsonElement json = default;
        for (var attempt = 0; attempt < 600 && json.ValueKind != JsonValueKind.Object; attempt++)
        {
            json = await page.EvaluateAsync<JsonElement>("""
                async () => {
                    const list = await (await navigator.serviceWorker.ready).getNotifications();
                    const n = list.find(x => x.title === "[Kesiapan Pilkada] Eskalasi: Kendala - Uji dorong");
                    return n ? { tag: n.tag, link: n.data?.link, body: n.body } : null;
                }
                """);
            if (json.ValueKind != JsonValueKind.Object)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal("uji-tag", json.GetProperty("tag").GetString());
        Assert.Equal("/butir/1", json.GetProperty("link").GetString());
        Assert.Equal("", json.GetProperty("body").GetString());

        // With notifications allowed, sign-out first forgets this browser's subscription, then signs out as before.
        await AppFixture.WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/masuk"));
    }

    [Fact]
    public async Task The_allow_button_says_whether_notifications_are_not_yet_allowed_or_blocked_by_the_browser()
    {
        var page = await _fixture.SignedInPageAsync("penghubung.kpu", width: 412, height: 915);
        var origin = _fixture.App.BaseUri.GetLeftPart(UriPartial.Authority);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = origin });

        await page.GotoAsync("/kotak-masuk");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifikasi di ponsel ini" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Notifikasi belum diizinkan di ponsel ini.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Izinkan notifikasi di ponsel ini" })).ToBeVisibleAsync();

        // Playwright can only grant; the browser's own "block" is set through the DevTools protocol, for this context.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var target = await cdp.SendAsync("Target.getTargetInfo");
        await cdp.SendAsync("Browser.setPermission", new Dictionary<string, object>
        {
            ["permission"] = new Dictionary<string, object> { ["name"] = "notifications" },
            ["setting"] = "denied",
            ["origin"] = origin,
            ["browserContextId"] = target!.Value.GetProperty("targetInfo").GetProperty("browserContextId").GetString()!,
        });
        await page.GotoAsync("/profil");
        await Expect(page.GetByText("Notifikasi diblokir oleh peramban.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Izinkan notifikasi di ponsel ini" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_subscription_endpoints_need_the_pages_token_and_refuse_an_internal_address_in_indonesian()
    {
        var page = await _fixture.SignedInPageAsync("pimpinan");
        await page.GotoAsync("/kotak-masuk");
        var token = await page.Locator("meta[name='antiforgery']").GetAttributeAsync("content");
        var api = page.Context.APIRequest;
        var keys = new { p256dh = Base64Url.EncodeToString([0x04, .. RandomNumberGenerator.GetBytes(64)]), auth = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)) };

        var key = await api.GetAsync("/api/push/kunci");
        Assert.Equal(200, key.Status);
        Assert.Equal(Vapid.PublicKey, (await key.JsonAsync())?.GetProperty("publicKey").GetString());

        var noToken = await api.PostAsync("/api/push/langganan", new() { DataObject = new { endpoint = "https://push.example.com/a", keys } });
        Assert.Equal(400, noToken.Status);

        var headers = new Dictionary<string, string> { ["RequestVerificationToken"] = token! };
        var internalAddress = await api.PostAsync("/api/push/langganan", new()
        {
            Headers = headers, DataObject = new { endpoint = "https://10.1.2.3/push/a", keys },
        });
        Assert.Equal(400, internalAddress.Status);
        Assert.Contains("menuju jaringan internal", (await internalAddress.JsonAsync())?.GetProperty("title").GetString());

        var notJson = await api.PostAsync("/api/push/langganan", new() { Headers = headers, Data = "bukan json" });
        Assert.Equal(400, notJson.Status);

        var saved = await api.PostAsync("/api/push/langganan", new() { Headers = headers, DataObject = new { endpoint = "https://push.example.com/a", keys } });
        Assert.Equal(204, saved.Status);
        var removed = await api.DeleteAsync("/api/push/langganan", new() { Headers = headers, DataObject = new { endpoint = "https://push.example.com/a" } });
        Assert.Equal(204, removed.Status);
    }

    private static (string PublicKey, string PrivateKey) NewVapidKeys()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D!));
    }

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();
}
