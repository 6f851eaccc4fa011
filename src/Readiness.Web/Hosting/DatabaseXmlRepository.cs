using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Readiness.Data.Keys;

namespace Readiness.Web.Hosting;

/// <summary>
/// The framework's key ring kept in the database (<see cref="DataProtectionKeyStore"/>) instead of a folder, so every
/// server behind one address reads the same keys. The framework calls it synchronously, seldom (at the first use of
/// the key ring, then about once a day, and when it makes a new key), outside any request's own work; the store's
/// calls are awaited here on the thread pool, where no synchronization context can deadlock.
/// </summary>
public sealed class DatabaseXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    /// <summary>Every key element, oldest first.</summary>
    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => store.AllAsync()).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    /// <summary>Adds one key element (already encrypted by the framework when a certificate is configured).</summary>
    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting))).GetAwaiter().GetResult();
}
