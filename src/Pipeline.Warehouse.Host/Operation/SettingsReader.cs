using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// Reads the layered settings into <see cref="OperationSettings"/>, collecting every problem: each
/// message names the setting as it was given (<c>--cron</c>, or the key and where it came from) and
/// the form expected. One problem is one line (the messages of run's options are those of before).
/// </summary>
public sealed partial class SettingsReader(IConfigurationRoot configuration, string? file, string command)
{
    private readonly List<string> _problems = [];

    public OperationSettings Read(DemoDefaults? demo)
    {
        CheckKeysAreKnown();
        var schedule = command == "schedule";
        var etl = ReadEtl(schedule, demo);
        var warehouse = etl.Warehouse.Length > 0 ? Path.GetFullPath(etl.Warehouse) : Directory.GetCurrentDirectory();
        var logs = Text("Logs:Folder") is { } folder ? Path.GetFullPath(folder) : Path.Combine(Path.GetDirectoryName(warehouse)!, "logs");
        var scheduleOptions = schedule ? ReadSchedule() : null;
        if (_problems.Count == 1)
            throw new InputException(_problems[0]);
        if (_problems.Count > 1)
            throw new InputException($"{_problems.Count} settings are wrong:\n  " + string.Join("\n  ", _problems));
        return new OperationSettings(etl, logs, scheduleOptions, file);
    }

    private EtlOptions ReadEtl(bool schedule, DemoDefaults? demo)
    {
        var input = Text("Etl:Input");
        if (schedule && input is not null)
            Problem($"{Named("Etl:Input", input)}: schedule loads each night's folder of the inbox; leave the input out and name the inbox (--inbox).");
        else if (!schedule && input is null && demo is null && command != "reports")
            Problem($"{command} needs --input. Run ./run-etl.sh help.");
        var warehouse = Text("Etl:Warehouse") ?? demo?.Warehouse;
        if (warehouse is null)
            Problem($"{command} needs --warehouse. Run ./run-etl.sh help.");
        var asOf = Date("Etl:AsOf");
        if (schedule && asOf is not null)
            Problem($"{Named("Etl:AsOf", Text("Etl:AsOf")!)}: schedule takes each night's as-of date from its folder name (YYYY-MM-DD); leave it out.");
        var freshness = new FreshnessOptions(Hours("Freshness:WarnAfterHours"), Hours("Freshness:ErrorAfterHours"));
        if (freshness is { WarnAfterHours: { } warn, ErrorAfterHours: { } error } && error < warn)
            Problem($"Freshness:ErrorAfterHours ({error.ToString(CultureInfo.InvariantCulture)}, {From("Freshness:ErrorAfterHours")}) is less than Freshness:WarnAfterHours "
                + $"({warn.ToString(CultureInfo.InvariantCulture)}, {From("Freshness:WarnAfterHours")}): an export warns first and fails later, so make the error age at least the warning age.");
        return new EtlOptions
        {
            Input = schedule ? "" : input ?? (_problems.Count == 0 && demo is not null ? demo.Input() : ""),
            Warehouse = warehouse ?? "",
            AsOf = asOf,
            Config = Text("Etl:Config"),
            Dialect = Text("Etl:Dialect") ?? "auto",
            Mapping = Text("Etl:Mapping"),
            MemoryLimit = Text("Etl:MemoryLimit") ?? "1GB",
            Reports = Text("Etl:Reports") ?? demo?.Reports,
            Benchmarks = Text("Etl:Benchmarks"),
            AllowShrink = Flag("Etl:AllowShrink"),
            Replay = Flag("Etl:Replay"),
            Freshness = freshness,
        };
    }

    /// <summary>A typo in the settings file or a PIPELINE_WAREHOUSE__ variable would silently do nothing: refused.</summary>
    private void CheckKeysAreKnown()
    {
        foreach (var provider in configuration.Providers.Where(p => p is JsonConfigurationProvider or EnvironmentVariablesConfigurationProvider))
            foreach (var key in Leaves(provider, null))
                if (!SettingKeys.IsKnown(key))
                    Problem($"{key} ({Describe(provider, key)}) is not a setting. The settings are: {string.Join(", ", SettingKeys.All.Select(s => s.Key))} (README \"Running every night\").");
    }

    private static IEnumerable<string> Leaves(IConfigurationProvider provider, string? parent)
    {
        foreach (var child in provider.GetChildKeys([], parent).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = parent is null ? child : parent + ConfigurationPath.KeyDelimiter + child;
            var children = Leaves(provider, key).ToList();
            if (children.Count == 0)
                yield return key;
            foreach (var leaf in children)
                yield return leaf;
        }
    }

    /// <summary>The value of a key, trimmed; null when absent or empty.</summary>
    private string? Text(string key) => configuration[key] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private DateOnly? Date(string key)
    {
        if (Text(key) is not { } text)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Problem($"{Named(key, text)} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-30.");
        return null;
    }

    private double? Hours(string key)
    {
        if (Text(key) is not { } text)
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && double.IsFinite(hours) && hours >= 0)
            return hours;
        Problem($"{Named(key, text)} is not an age; write a number of hours of 0 or more, e.g. 26 (a day and two hours) or 1.5.");
        return null;
    }

    private bool Flag(string key)
    {
        if (Text(key) is not { } text)
            return false;
        if (bool.TryParse(text, out var flag))
            return flag;
        Problem($"{Named(key, text)} is not true or false.");
        return false;
    }

    private void Problem(string message) => _problems.Add(message);

    /// <summary>How a setting was given: <c>--as-of "x"</c> on the command line, else its key, value and source.</summary>
    private string Named(string key, string value) =>
        Provider(key) is MemoryConfigurationProvider
            ? $"--{SettingKeys.OptionOf(key)} \"{value}\""
            : $"{key} \"{value}\" ({From(key)})";

    /// <summary>Where the winning value of a key came from.</summary>
    private string From(string key) => Provider(key) is { } provider ? Describe(provider, key) : "default";

    private IConfigurationProvider? Provider(string key) => configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));

    private string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        JsonConfigurationProvider => $"in {file}",
        EnvironmentVariablesConfigurationProvider => $"environment variable {SettingKeys.EnvironmentPrefix}{key.Replace(ConfigurationPath.KeyDelimiter, "__")}",
        _ => $"--{SettingKeys.OptionOf(key)}",
    };
}
