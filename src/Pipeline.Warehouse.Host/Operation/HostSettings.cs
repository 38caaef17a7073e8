using Microsoft.Extensions.Configuration;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The settings of run, the demo and schedule, in the Generic Host's order, a later layer winning
/// over an earlier one: the settings file (<c>--settings FILE</c>, or <c>appsettings.json</c> beside
/// the warehouse when it exists), then environment variables <c>PIPELINE_WAREHOUSE__Section__Key</c>,
/// then the command line. Read and checked once, before the host starts (<see cref="SettingsReader"/>).
/// </summary>
public static class HostSettings
{
    public const string DefaultFileName = "appsettings.json";

    /// <param name="arguments">The parsed command line (run, demo or schedule).</param>
    /// <param name="demo">The demo's defaults for the input, the warehouse and the reports; null for run and schedule.</param>
    public static OperationSettings Load(Arguments arguments, DemoDefaults? demo = null)
    {
        var commandLine = SettingKeys.FromCommandLine(arguments);
        var file = SettingsFile(arguments.Get("settings"), commandLine, demo);
        var configuration = new ConfigurationManager();
        if (file is not null)
            AddFile(configuration, file);
        configuration.AddEnvironmentVariables(SettingKeys.EnvironmentPrefix);
        configuration.AddInMemoryCollection(commandLine);
        return new SettingsReader(configuration, file, arguments.Command).Read(demo);
    }

    /// <summary>--settings (which must exist), else appsettings.json beside the warehouse named on the command line or in the environment, when there is one.</summary>
    private static string? SettingsFile(string? given, Dictionary<string, string?> commandLine, DemoDefaults? demo)
    {
        if (given is not null)
        {
            if (!File.Exists(given))
                throw new InputException($"Settings file {given} (--settings) does not exist. Pass an existing JSON file, or leave --settings out to read {DefaultFileName} beside the warehouse.");
            return Path.GetFullPath(given);
        }
        var warehouse = commandLine.GetValueOrDefault("Etl:Warehouse")
            ?? Environment.GetEnvironmentVariable(SettingKeys.EnvironmentPrefix + "Etl__Warehouse")
            ?? demo?.Warehouse;
        if (string.IsNullOrWhiteSpace(warehouse))
            return null;
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehouse))!, DefaultFileName);
        return File.Exists(beside) ? beside : null;
    }

    private static void AddFile(ConfigurationManager configuration, string file)
    {
        try
        {
            configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }
        catch (InvalidDataException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new InputException($"Settings file {file} is not valid JSON: {reason} "
                + "Write an object of sections, e.g. { \"Schedule\": { \"Cron\": \"0 2 * * *\" }, \"Freshness\": { \"WarnAfterHours\": 26 } } (README \"Running every night\").");
        }
    }
}

/// <summary>The demo's defaults, used for what no layer gives.</summary>
/// <param name="Input">Generates the demo exports the first time; called only when no layer names an input.</param>
public sealed record DemoDefaults(Func<string> Input, string Warehouse, string Reports);
