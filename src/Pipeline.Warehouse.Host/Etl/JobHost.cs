using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Cli;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>Runs the job once as a hosted worker that stops the application when it is done.</summary>
public static class JobHost
{
    public static async Task<int> RunAsync(EtlOptions options)
    {
        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Etl:Input"] = options.Input,
            ["Etl:Warehouse"] = options.Warehouse,
            ["Etl:AsOf"] = options.AsOf?.ToString("yyyy-MM-dd"),
            ["Etl:Config"] = options.Config,
            ["Etl:Dialect"] = options.Dialect,
            ["Etl:Mapping"] = options.Mapping,
            ["Etl:MemoryLimit"] = options.MemoryLimit,
            ["Etl:Reports"] = options.Reports,
            ["Etl:Benchmarks"] = options.Benchmarks,
            ["Etl:AllowShrink"] = options.AllowShrink ? "true" : "false",
            ["Etl:Replay"] = options.Replay ? "true" : "false",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // On a terminal the progress display shows the steps; only problems are logged there.
        builder.Logging.SetMinimumLevel(interactive ? LogLevel.Warning : LogLevel.Information);
        builder.Services.AddOptions<EtlOptions>().BindConfiguration("Etl")
            .Validate(o => o.Input.Length > 0 && o.Warehouse.Length > 0, "Etl:Input and Etl:Warehouse are required.")
            .ValidateOnStart();
        var outcome = new JobOutcome { Interactive = interactive };
        builder.Services.AddSingleton(outcome);
        builder.Services.AddHostedService<EtlWorker>();
        using var host = builder.Build();
        await host.RunAsync();
        return outcome.ExitCode;
    }
}

/// <summary>The exit code the worker leaves for the CLI.</summary>
public sealed class JobOutcome
{
    public bool Interactive { get; init; }

    public int ExitCode { get; set; } = ExitCodes.Failure;
}
