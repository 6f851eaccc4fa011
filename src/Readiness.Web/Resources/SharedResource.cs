namespace Readiness.Web.Resources;

/// <summary>
/// Marker for the app's strings: <c>SharedResource.resx</c> beside it is Indonesian (the default culture),
/// <c>SharedResource.en.resx</c> English; both are named after this class's full name, which the localizer looks up.
/// Agency and stage names are data and stay Indonesian in both. It sits in a folder of its own, which depends on
/// nothing, because every other folder reads its strings.
/// </summary>
public sealed class SharedResource;
