namespace Readiness.Data.Shared;

/// <summary>A refused action. <see cref="Reason"/> is a resource key for the message the user sees.</summary>
public sealed class AccessDeniedException(string reason, string detail) : Exception(detail)
{
    public const string NotYourAgency = "Access.NotYourAgency";
    public const string OutOfScope = "Access.OutOfScope";
    public const string AdminOnly = "Access.AdminOnly";
    public const string ReadOnly = "Access.ReadOnly";

    /// <summary>One of the constants above: the resource key of the message shown.</summary>
    public string Reason { get; } = reason;
}
