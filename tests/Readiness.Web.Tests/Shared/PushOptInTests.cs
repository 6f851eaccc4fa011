using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Readiness.Data.Push;
using Readiness.Web.Components.Shared;

namespace Readiness.Web.Tests.Shared;

/// <summary>The block that allows notices on the phone says in words when the server has push off, and carries every state's words for push.js.</summary>
public sealed class PushOptInTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public PushOptInTests()
    {
        _ctx.Services.AddLocalization();
        _ctx.Services.AddMudServices();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        TestCulture.Use(TestCulture.Indonesian);
    }

    private void Push(string? publicKey, string? privateKey) =>
        _ctx.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new PushOptions { PublicKey = publicKey, PrivateKey = privateKey }));

    [Fact]
    public void Without_keys_the_block_says_push_is_off_on_this_server_and_offers_no_button()
    {
        Push(null, null);

        var cut = _ctx.Render<PushOptIn>();

        Assert.Equal("false", cut.Find("[data-push]").GetAttribute("data-push-enabled"));
        Assert.Contains("belum diaktifkan di server ini", cut.Find("[data-push-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-push-allow]"));
    }

    [Fact]
    public void With_keys_the_block_has_the_allow_button_and_the_words_of_every_state()
    {
        Push("BHkY9EVoGfjlDqEL5pbA0ZJUoz4SHSl8KL5oSmlIsgJ7QFvLNHb6DbBwW1uomOu8Ge2d6Wrs4hqlAjMlZYfvEZg", "MFRsRZtQexlTGAZWNKStLHk95V5aQ1714ZG7WkECoAA");

        var cut = _ctx.Render<PushOptIn>();

        var block = cut.Find("[data-push]");
        Assert.Equal("true", block.GetAttribute("data-push-enabled"));
        Assert.Contains("Izinkan notifikasi di ponsel ini", cut.Find("button[data-push-allow]").TextContent);
        Assert.Contains("diblokir oleh peramban", block.GetAttribute("data-text-blocked"));
        Assert.Contains("tidak mendukung", block.GetAttribute("data-text-unsupported"));
        Assert.Contains("diizinkan di ponsel ini", block.GetAttribute("data-text-allowed"));
        Assert.Equal("Notifikasi belum diizinkan di ponsel ini.", block.GetAttribute("data-text-ask"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
