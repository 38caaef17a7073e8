namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// How old a night's exports may be (dbt's <c>warn_after</c> / <c>error_after</c>): settings
/// Freshness:WarnAfterHours and Freshness:ErrorAfterHours. A null age is not checked.
/// </summary>
public sealed record FreshnessOptions(double? WarnAfterHours = null, double? ErrorAfterHours = null)
{
    public static readonly FreshnessOptions None = new();
}
