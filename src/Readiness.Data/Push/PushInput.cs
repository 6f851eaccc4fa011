namespace Readiness.Data.Push;

/// <summary>Resource keys of the messages for a refused subscription (thrown as <see cref="Shared.InputException"/>).</summary>
public static class PushInput
{
    /// <summary>The endpoint is not an https URL (or loopback http where allowed).</summary>
    public const string EndpointInvalid = "Input.PushEndpointInvalid";

    /// <summary>The endpoint names an internal address.</summary>
    public const string EndpointInternal = "Input.PushEndpointInternal";

    /// <summary>The browser's keys are not a P-256 point and a 16-byte secret in base64url.</summary>
    public const string KeysInvalid = "Input.PushKeysInvalid";

    /// <summary>Push is not configured on this server.</summary>
    public const string Off = "Input.PushOff";
}
