using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Readiness.Web.Hosting;

/// <summary>
/// Where the keys protecting sign-in cookies and antiforgery tokens live: in the database every server shares
/// (<see cref="DatabaseXmlRepository"/>), encrypted at rest with the certificate of <see cref="KeyCertificateOptions"/>
/// when one is configured.
/// </summary>
public static partial class DataProtectionSetup
{
    /// <summary>The application name every server shares, so each reads the cookies the others made.</summary>
    public const string ApplicationName = "Readiness";

    /// <summary>
    /// Registers data protection over the database's key table. With <paramref name="certificate"/> configured, new
    /// keys are encrypted with it and keys encrypted with it are read back; without, keys are stored as they are and
    /// every start logs a warning.
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured certificate cannot be loaded, is not found, or has no private key (the start stops).</exception>
    public static IServiceCollection AddReadinessDataProtection(this IServiceCollection services, KeyCertificateOptions certificate)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);
        if (certificate.IsConfigured)
        {
            var loaded = Load(certificate);
            // Protect names the certificate that encrypts; Unprotect hands it to the reader as well, since a
            // certificate loaded from a file is in no store where the decryptor would otherwise look.
            protection.ProtectKeysWithCertificate(loaded).UnprotectKeysWithAnyCertificate(loaded);
        }
        else
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }

        return services;
    }

    /// <summary>The configured certificate with its private key, from the file or from a personal store.</summary>
    /// <exception cref="InvalidOperationException">Not found, unreadable, or without a private key.</exception>
    public static X509Certificate2 Load(KeyCertificateOptions options)
    {
        X509Certificate2 certificate;
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            var path = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(AppContext.BaseDirectory, options.Path);
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(options.Password) ? null : options.Password);
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException(
                    $"Readiness:KeyCertificate:Path '{path}' could not be read as a PKCS#12 file with the configured password: {e.Message}", e);
            }
        }
        else
        {
            certificate = FindInStores(options.Thumbprint!.Replace(" ", "", StringComparison.Ordinal))
                ?? throw new InvalidOperationException(
                    $"Readiness:KeyCertificate:Thumbprint '{options.Thumbprint}' names no certificate in the CurrentUser or LocalMachine 'My' store.");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"The key certificate {certificate.Subject} ({certificate.Thumbprint}) has no private key: the keys it encrypted could not be read back.");
        }

        return certificate;
    }

    private static X509Certificate2? FindInStores(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                continue; // no such store on this machine
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        return null;
    }

    /// <summary>Says at every start that the keys are kept unencrypted, and how to change that.</summary>
    private sealed partial class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            LogUnprotected(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(EventId = 4090, Level = LogLevel.Warning, Message =
            "The keys that protect sign-in cookies are stored in the database unencrypted: anyone who can read the " +
            "database can forge a sign-in. Set Readiness:KeyCertificate:Path (and :Password) or :Thumbprint to encrypt them.")]
        private static partial void LogUnprotected(ILogger logger);
    }
}
