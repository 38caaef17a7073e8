using Microsoft.Extensions.Hosting;
using Pipeline.Warehouse.Host.Operation;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// The one-shot run as a worker: runs the job (its JSON-lines log in Logs:Folder), leaves the exit
/// code, stops the application. SIGTERM or Ctrl+C cancels the run; the warehouse stays as it was.
/// </summary>
public sealed class EtlWorker(OperationSettings settings, JobExecution execution, RunLogFile logFile, JobOutcome outcome, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            using var log = logFile.Open(settings.LogFolder, DateTimeOffset.UtcNow);
            outcome.ExitCode = execution.Run(settings.Etl, stoppingToken).ExitCode;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }, CancellationToken.None);
}
