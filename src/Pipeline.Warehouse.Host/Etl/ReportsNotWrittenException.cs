namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// The run replaced the warehouse (that step is done and stays done), then writing the reports
/// failed: the message says exactly that, with the load id of the new warehouse and the reason.
/// </summary>
public sealed class ReportsNotWrittenException(RunResult result, Exception reason)
    : Exception($"the warehouse was updated (load id {result.LoadId}), the reports were not: {reason.Message}", reason)
{
    /// <summary>What the run did up to publishing the warehouse (no reports).</summary>
    public RunResult Result { get; } = result;
}
