using Pipeline.Warehouse.Host.Cli;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// Every setting: its key (appsettings.json section:name, environment variable
/// PIPELINE_WAREHOUSE__section__name) and the command-line option that gives it.
/// </summary>
public static class SettingKeys
{
    /// <summary>Environment variables with this prefix are settings: PIPELINE_WAREHOUSE__Freshness__WarnAfterHours is Freshness:WarnAfterHours.</summary>
    public const string EnvironmentPrefix = "PIPELINE_WAREHOUSE__";

    /// <summary>Command-line option (without --) -> key.</summary>
    public static readonly IReadOnlyList<(string Option, string Key)> All =
    [
        ("input", "Etl:Input"),
        ("warehouse", "Etl:Warehouse"),
        ("as-of", "Etl:AsOf"),
        ("config", "Etl:Config"),
        ("dialect", "Etl:Dialect"),
        ("mapping", "Etl:Mapping"),
        ("memory-limit", "Etl:MemoryLimit"),
        ("reports", "Etl:Reports"),
        ("benchmarks", "Etl:Benchmarks"),
        ("allow-shrink", "Etl:AllowShrink"),
        ("replay", "Etl:Replay"),
        ("warn-after-hours", "Freshness:WarnAfterHours"),
        ("error-after-hours", "Freshness:ErrorAfterHours"),
        ("logs", "Logs:Folder"),
        ("cron", "Schedule:Cron"),
        ("time-zone", "Schedule:TimeZone"),
        ("inbox", "Schedule:Inbox"),
        ("archive", "Schedule:Archive"),
        ("rejected", "Schedule:Rejected"),
        ("quiet-seconds", "Schedule:QuietSeconds"),
        ("once", "Schedule:Once"),
    ];

    public static bool IsKnown(string key) => All.Any(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));

    public static string OptionOf(string key) => All.First(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)).Option;

    /// <summary>The settings given on the command line, as keys (only the options present).</summary>
    public static Dictionary<string, string?> FromCommandLine(Arguments arguments)
    {
        var given = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, key) in All)
            if (arguments.Get(option) is { } value)
                given[key] = value;
        return given;
    }
}
