using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The Generic Host of run and schedule: the checked settings as services, the console log as
/// before (on a terminal only problems, the progress display shows the steps) and the JSON-lines
/// log file of each run, which always gets Information and up.
/// </summary>
public static class OperationHost
{
    public static HostApplicationBuilder CreateBuilder(OperationSettings settings, JobOutcome outcome)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // The settings were read and checked already (HostSettings); the host sees the same layers' result only.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.Services.AddSingleton<ILoggerProvider, JsonLinesLoggerProvider>();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, outcome.Interactive ? LogLevel.Warning : LogLevel.Information);
        // A provider's own rule wins over the general one: the host's lifetime chatter stays out of both.
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter<JsonLinesLoggerProvider>("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(outcome);
        builder.Services.AddSingleton<RunLogFile>();
        builder.Services.AddSingleton<JobExecution>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
