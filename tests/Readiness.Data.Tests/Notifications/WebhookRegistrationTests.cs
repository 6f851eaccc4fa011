using Dapper;
using Readiness.Data.Notifications;
using Readiness.Data.Shared;

namespace Readiness.Data.Tests.Notifications;

/// <summary>
/// Registering a webhook on a real SQLite file: internal addresses are refused in every spelling unless an admin
/// setting names the host, the secret is never trimmed, and it is stored encrypted while a plain row from before
/// keeps working and is encrypted on its next write.
/// </summary>
public sealed class WebhookRegistrationTests : IAsyncLifetime
{
    private const string Secret = "rahasia-yang-cukup-panjang";
    private readonly TestDatabase _db = new(new DateTimeOffset(2024, 11, 23, 3, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("http://127.0.0.1/kait")]
    [InlineData("http://localhost:8080/kait")]
    [InlineData("http://[::1]/kait")]
    [InlineData("http://[::ffff:127.0.0.1]/kait")]
    [InlineData("http://2130706433/kait")]
    [InlineData("http://0x7f.1/kait")]
    [InlineData("http://017700000001/kait")]
    [InlineData("http://0.0.0.0/kait")]
    [InlineData("http://10.1.2.3/kait")]
    [InlineData("http://172.20.0.5/kait")]
    [InlineData("http://192.168.1.10/kait")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://169.254.10.1/kait")]
    [InlineData("http://[fd00::1]/kait")]
    [InlineData("http://[fe80::1]/kait")]
    [InlineData("http://[::]/kait")]
    public async Task An_internal_address_in_any_spelling_is_refused_at_registration_with_an_indonesian_reason(string url)
    {
        var refused = await Assert.ThrowsAsync<InputException>(() => _db.Get<WebhookStore>().AddAsync(TestDatabase.Admin, "Posko", url, Secret));

        Assert.Equal(NotificationInput.WebhookUrlInternal, refused.Key);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData("https://gerbang.example.go.id/kait")]
    [InlineData("http://8.8.8.8/kait")]
    [InlineData("http://172.32.0.1/kait")]
    [InlineData("http://[2001:db8::1]/kait")]
    public async Task A_public_address_is_registered(string url)
    {
        await _db.Get<WebhookStore>().AddAsync(TestDatabase.Admin, "Posko", url, Secret);

        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task An_internal_host_named_in_the_admin_setting_is_registered_and_no_other()
    {
        using var allowing = new TestDatabase(_db.Time.GetUtcNow(), shareWith: _db, settings: new Dictionary<string, string?>
        {
            ["Readiness:Notifications:AllowedWebhookHosts:0"] = "posko.internal",
            ["Readiness:Notifications:AllowedWebhookHosts:1"] = "10.20.0.5",
        });
        var webhooks = allowing.Get<WebhookStore>();

        await webhooks.AddAsync(TestDatabase.Admin, "Posko", "http://10.20.0.5:8080/kait", Secret);
        await webhooks.AddAsync(TestDatabase.Admin, "Posko dalam", "https://posko.internal/kait", Secret);
        var other = await Assert.ThrowsAsync<InputException>(() => webhooks.AddAsync(TestDatabase.Admin, "Lain", "http://10.20.0.6/kait", Secret));

        Assert.Equal(NotificationInput.WebhookUrlInternal, other.Key);
        Assert.Equal(2, await CountAsync());
    }

    [Theory]
    [InlineData(" rahasia-yang-cukup-panjang")]
    [InlineData("rahasia-yang-cukup-panjang ")]
    [InlineData("rahasia-yang-cukup-panjang\t")]
    public async Task A_secret_with_spaces_at_either_end_is_refused_not_trimmed(string secret)
    {
        var refused = await Assert.ThrowsAsync<InputException>(() =>
            _db.Get<WebhookStore>().AddAsync(TestDatabase.Admin, "Posko", "https://gerbang.example.go.id/kait", secret));

        Assert.Equal(NotificationInput.WebhookSecretSpaces, refused.Key);
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_reads_back_as_registered()
    {
        await _db.Get<WebhookStore>().AddAsync(TestDatabase.Admin, "Posko", "https://gerbang.example.go.id/kait", "rahasia yang cukup panjang");

        var stored = await StoredSecretAsync();
        Assert.StartsWith(WebhookSecrets.Prefix, stored);
        Assert.DoesNotContain("rahasia", stored);
        Assert.Equal("rahasia yang cukup panjang", _db.Get<WebhookSecrets>().Unprotect(stored));
    }

    [Fact]
    public async Task A_plain_secret_written_before_encryption_keeps_working_and_is_encrypted_on_the_next_write()
    {
        await using (var connection = await _db.Factory.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO Webhooks (Name, Url, Secret, IsEnabled, CreatedAtUtc, CreatedBy)
                VALUES ('Posko', 'https://gerbang.example.go.id/kait', 'rahasia-lama-tanpa-enkripsi', 1, '2024-11-23 03:00:00.000', 'admin');
                """);
        }

        var secrets = _db.Get<WebhookSecrets>();
        Assert.Equal("rahasia-lama-tanpa-enkripsi", secrets.Unprotect(await StoredSecretAsync()));

        var id = (await _db.Get<WebhookStore>().ListAsync(TestDatabase.Admin)).Single().Id;
        await _db.Get<WebhookStore>().SetEnabledAsync(TestDatabase.Admin, id, enabled: false);

        var stored = await StoredSecretAsync();
        Assert.StartsWith(WebhookSecrets.Prefix, stored);
        Assert.Equal("rahasia-lama-tanpa-enkripsi", secrets.Unprotect(stored));
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Webhooks;");
    }

    private async Task<string> StoredSecretAsync()
    {
        await using var connection = await _db.Factory.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT Secret FROM Webhooks;") ?? "";
    }

    public async Task InitializeAsync() => await _db.ReadyAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
