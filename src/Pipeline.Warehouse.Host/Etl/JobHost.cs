using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Host.Operation;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>Runs the job once as a hosted worker that stops the application when it is done.</summary>
public static class JobHost
{
    /// <summary>A run with the given options and the defaults for the rest (no freshness check, logs/ beside the warehouse).</summary>
    public static Task<int> RunAsync(EtlOptions options) => RunAsync(OperationSettings.ForRun(options));

    public static async Task<int> RunAsync(OperationSettings settings)
    {
        var outcome = new JobOutcome { Interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected };
        var builder = OperationHost.CreateBuilder(settings, outcome);
        builder.Services.AddHostedService<EtlWorker>();
        using var host = builder.Build();
        await host.RunAsync();
        return outcome.ExitCode;
    }
}

/// <summary>The exit code the worker leaves for the CLI, and whether a person watches the terminal.</summary>
public sealed class JobOutcome
{
    public bool Interactive { get; init; }

    public int ExitCode { get; set; } = ExitCodes.Failure;
}
