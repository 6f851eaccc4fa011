namespace Readiness.Web.Notifications;

/// <summary>A try to deliver failed. <see cref="Permanent"/>: trying again cannot help (the receiver refused the request as such).</summary>
public sealed class DeliveryFailedException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
