using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Reports;
using Spectre.Console;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>What one run of the job came to: its exit code, the error it printed, what it loaded.</summary>
/// <param name="Busy">Another run held the warehouse's lock (exit code 2): nothing was tried.</param>
/// <param name="Cancelled">Stopped by SIGTERM or Ctrl+C before it finished: the warehouse was not changed.</param>
public sealed record RunAttempt(int ExitCode, string? Error, RunResult? Result, bool Busy = false, bool Cancelled = false);

/// <summary>
/// One run of the job as the CLI does it, for run, the demo and each night of schedule: progress
/// (a display on a terminal, log lines otherwise), the summary on stdout, an error on stderr, and
/// the exit code (0 loaded, 2 bad input, 1 failure).
/// </summary>
public sealed class JobExecution(ILogger<EtlJob> logger, JobOutcome outcome)
{
    public RunAttempt Run(EtlOptions etl, CancellationToken cancellationToken)
    {
        Log.RunStarted(logger, etl.Input, etl.Warehouse, etl.AsOf?.ToString("yyyy-MM-dd") ?? "today");
        try
        {
            var result = outcome.Interactive
                ? AnsiConsole.Status().Start("starting...", status => new EtlJob(etl, new StatusObserver(status)).Run(cancellationToken))
                : new EtlJob(etl, new LogObserver(logger)).Run(cancellationToken);
            Log.RunSucceeded(logger, result.LoadId, (long)result.Elapsed.TotalMilliseconds, result.Deals, result.Transitions, result.Files.Sum(f => f.Rejected));
            if (result.FreshnessWarning is { } stale)
                Log.FreshnessWarning(logger, stale);
            Console.WriteLine();
            Console.Write(RunSummary.Format(result));
            return new RunAttempt(ExitCodes.Success, null, result);
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
            return new RunAttempt(ExitCodes.Failure, e.Message, e.Result);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // EtlJob stops between phases, or DuckDB interrupts the query: the building file is gone, the lock released.
            Log.RunCancelled(logger);
            const string message = "the run was stopped (SIGTERM or Ctrl+C) before it finished; the warehouse was not changed.";
            Console.Error.WriteLine($"error: {message}");
            return new RunAttempt(ExitCodes.Failure, message, null, Cancelled: true);
        }
        catch (InputException e)
        {
            Log.BadInput(logger, e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return new RunAttempt(ExitCodes.BadInput, e.Message, null, Busy: e is WarehouseBusyException);
        }
        catch (Exception e)
        {
            Log.Failed(logger, e);
            Console.Error.WriteLine($"error: the run failed and the warehouse was not changed: {e.Message}");
            return new RunAttempt(ExitCodes.Failure, e.Message, null);
        }
    }
}
