using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The nightly worker: waits for each occurrence of the cron schedule in its time zone and runs a
/// tick of the inbox; with Schedule:Once (--once) runs one tick at once and stops. SIGTERM or
/// Ctrl+C stops it: while waiting at once, during a run by cancelling the run (the warehouse
/// stays as it was). Each tick writes its own JSON-lines log file.
/// </summary>
public sealed class ScheduleWorker(
    OperationSettings settings, InboxTick tick, RunLogFile logFile, JobOutcome outcome, IHostApplicationLifetime lifetime, ILogger<ScheduleWorker> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>The longest single wait; the time left is measured again after it (the clock may have been set).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        var schedule = settings.Schedule!;
        try
        {
            if (schedule.Once)
            {
                outcome.ExitCode = Tick(stoppingToken).ExitCode;
                return;
            }
            var cron = schedule.Cron!;
            Log.ScheduleStarted(logger, cron.Text, cron.Zone.Id, schedule.Inbox, settings.Etl.Warehouse);
            outcome.ExitCode = ExitCodes.Success;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (cron.Next(time.GetUtcNow()) is not { } next)
                {
                    Log.NoNextTick(logger, cron.Text);
                    return;
                }
                Log.NextTick(logger, cron.Local(next), next);
                for (var left = next - time.GetUtcNow(); left > TimeSpan.Zero; left = next - time.GetUtcNow())
                    await Task.Delay(left < LongestWait ? left : LongestWait, time, stoppingToken);
                if (Tick(stoppingToken).Cancelled)
                {
                    outcome.ExitCode = ExitCodes.Failure;
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while waiting or between two looks at a folder: nothing was running.
            if (schedule.Once)
                outcome.ExitCode = ExitCodes.Failure;
        }
        finally
        {
            Log.ScheduleStopped(logger);
            lifetime.StopApplication();
        }
    }, CancellationToken.None);

    private TickResult Tick(CancellationToken stoppingToken)
    {
        using var log = logFile.Open(settings.LogFolder, time.GetUtcNow());
        return tick.Run(stoppingToken);
    }
}
