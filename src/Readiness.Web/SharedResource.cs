namespace Readiness.Web;

/// <summary>
/// Marker for the app's strings: <c>Resources/SharedResource.resx</c> (kept apart from this class so its resource name follows the folder) is Indonesian (the default culture),
/// <c>SharedResource.en.resx</c> English. Agency and stage names are data and stay Indonesian in both.
/// </summary>
public sealed class SharedResource;
