using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;
using Spectre.Console;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>The one-shot run as a worker: runs the job, prints the summary, stops the application.</summary>
public sealed class EtlWorker(IOptions<EtlOptions> options, ILogger<EtlJob> logger, JobOutcome outcome, IHostApplicationLifetime lifetime)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            outcome.ExitCode = Run(options.Value);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }, CancellationToken.None);

    private int Run(EtlOptions etl)
    {
        Log.RunStarted(logger, etl.Input, etl.Warehouse, etl.AsOf?.ToString("yyyy-MM-dd") ?? "today");
        try
        {
            var result = outcome.Interactive
                ? AnsiConsole.Status().Start("starting...", status => new EtlJob(etl, new StatusObserver(status)).Run())
                : new EtlJob(etl, new LogObserver(logger)).Run();
            Log.RunSucceeded(logger, result.LoadId, (long)result.Elapsed.TotalMilliseconds, result.Deals, result.Transitions, result.Files.Sum(f => f.Rejected));
            Console.WriteLine();
            Console.Write(RunSummary.Format(result));
            return ExitCodes.Success;
        }
        catch (InputException e)
        {
            Log.BadInput(logger, e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ReportsNotWrittenException e)
        {
            // The warehouse was replaced: say so, with what the run loaded, and fail (exit code 1).
            Log.ReportsFailed(logger, e.Result.LoadId, e.InnerException!);
            Console.WriteLine();
            Console.Write(RunSummary.Format(e.Result));
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Every report file there is whole (the previous version, or the new one). Once the cause is fixed (free space, "
                + $"the folder's permissions), write the reports of this warehouse without running the job again: ./run-etl.sh reports --warehouse {ShellWord.Quote(etl.Warehouse)} --out {ShellWord.Quote(etl.Reports!)}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Log.Failed(logger, e);
            Console.Error.WriteLine($"error: the run failed and the warehouse was not changed: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
