namespace Readiness.Data.Coordination;

/// <summary>Where a checklist item came from when it was not from a template or added by its liaison (ChecklistItems.Origin).</summary>
public static class CoordinationOrigin
{
    /// <summary>A leader's instruction; the item's SourceId is the visit's id.</summary>
    public const string Instruction = "arahan";

    /// <summary>Another agency's request for help; the item's SourceId is the request's id.</summary>
    public const string Request = "permintaan";
}
