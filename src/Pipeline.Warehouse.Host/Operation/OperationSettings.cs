using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// Everything a run or the nightly worker was told, from the settings file, the environment and the
/// command line (see <see cref="HostSettings"/>), checked before the host starts.
/// </summary>
/// <param name="Etl">The options of each run (section Etl; Freshness inside).</param>
/// <param name="LogFolder">Where the JSON-lines log of each run goes (Logs:Folder; default logs/ beside the warehouse).</param>
/// <param name="Schedule">The worker's settings; null for run and the demo.</param>
/// <param name="SettingsFile">The settings file read, if any.</param>
public sealed record OperationSettings(EtlOptions Etl, string LogFolder, ScheduleOptions? Schedule = null, string? SettingsFile = null)
{
    /// <summary>The settings of a run given as options in code (the tests), with the defaults for the rest.</summary>
    public static OperationSettings ForRun(EtlOptions etl) =>
        new(etl, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(etl.Warehouse))!, "logs"));
}
