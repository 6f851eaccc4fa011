using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Readiness.Data;
using Readiness.Data.Sql;
using Readiness.Web.Hosting;

namespace Readiness.Web.Tests.Hosting;

/// <summary>
/// The keys that protect sign-in cookies live in the database: two servers (two service providers over one SQLite
/// file) read each other's cookies, and with a certificate configured the stored keys are encrypted.
/// </summary>
public sealed class DatabaseKeysTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "readiness-keys-tests", Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _servers = [];

    public async Task InitializeAsync()
    {
        await using var setup = Server(new KeyCertificateOptions());
        await setup.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    [Fact]
    public async Task A_cookie_protected_by_one_server_is_read_by_another_and_the_key_is_in_the_table()
    {
        var first = Server(new KeyCertificateOptions());
        var second = Server(new KeyCertificateOptions());

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("pimpinan");

        Assert.Equal("pimpinan", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        var stored = await StoredKeysAsync();
        var key = Assert.Single(stored);
        Assert.Contains("<masterKey", key, StringComparison.Ordinal);
        Assert.DoesNotContain("EncryptedData", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_stored_key_is_encrypted_and_another_server_with_it_reads_the_cookie()
    {
        var certificate = CertificateFile();
        var first = Server(certificate);
        var second = Server(certificate);

        var cookie = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("pimpinan");

        Assert.Equal("pimpinan", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        var key = Assert.Single(await StoredKeysAsync());
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_a_server_cannot_read_the_keys_another_encrypted()
    {
        var encrypting = Server(CertificateFile());
        var cookie = encrypting.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("pimpinan");
        var without = Server(new KeyCertificateOptions());

        Assert.ThrowsAny<CryptographicException>(() =>
            without.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(cookie));
        Assert.Contains("EncryptedData", (await StoredKeysAsync())[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_certificate_that_cannot_be_read_stops_the_start() =>
        Assert.Throws<InvalidOperationException>(() =>
            DataProtectionSetup.Load(new KeyCertificateOptions { Path = Path.Combine(_directory, "missing.pfx"), Password = "x" }));

    private KeyCertificateOptions CertificateFile()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Readiness keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "rahasia-sertifikat"));
        return new KeyCertificateOptions { Path = path, Password = "rahasia-sertifikat" };
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var server = Server(new KeyCertificateOptions());
        await using var connection = await server.GetRequiredService<ConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<string>("SELECT Xml FROM DataProtectionKeys ORDER BY Id;")).AsList();
    }

    private ServiceProvider Server(KeyCertificateOptions certificate)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddReadinessData(configuration);
        services.AddReadinessDataProtection(certificate);
        var provider = services.BuildServiceProvider();
        _servers.Add(provider);
        return provider;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
