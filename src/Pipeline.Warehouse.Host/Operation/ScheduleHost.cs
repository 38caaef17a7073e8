using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>Runs <c>schedule</c>: the nightly worker in the Generic Host, one per warehouse.</summary>
public static class ScheduleHost
{
    public static async Task<int> RunAsync(OperationSettings settings)
    {
        using var instance = ScheduleLock.Take(settings.Etl.Warehouse);
        // The worker writes log lines, never the progress display: nobody watches a nightly run.
        var outcome = new JobOutcome { Interactive = false };
        var builder = OperationHost.CreateBuilder(settings, outcome);
        builder.Services.AddSingleton<InboxTick>();
        builder.Services.AddHostedService<ScheduleWorker>();
        using var host = builder.Build();
        await host.RunAsync();
        return outcome.ExitCode;
    }
}
