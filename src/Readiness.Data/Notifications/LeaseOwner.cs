namespace Readiness.Data.Notifications;

/// <summary>Names a holder of database leases: the machine and process (for an operator reading the table) and a random part.</summary>
public static class LeaseOwner
{
    /// <summary>A new name, at most 64 characters (the width of the lease columns).</summary>
    public static string New()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 64 ? name[^64..] : name;
    }
}
