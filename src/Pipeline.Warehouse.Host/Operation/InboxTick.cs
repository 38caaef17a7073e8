using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Host.Cli;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>What one tick did, and the exit code of <c>schedule --once</c>.</summary>
public sealed record TickResult(int Loaded, int Skipped, int Refused, int Waiting, bool Stopped, bool Cancelled)
{
    /// <summary>0: everything ready was loaded or skipped; 2: a folder was refused (or another run held the warehouse); 1: a run failed or was stopped.</summary>
    public int ExitCode => Cancelled || (Stopped && !Busy) ? ExitCodes.Failure : Refused > 0 || Busy ? ExitCodes.BadInput : ExitCodes.Success;

    public bool Busy { get; init; }
}

/// <summary>
/// One look at the inbox: each ready night folder, oldest first, is hashed; an export the warehouse
/// already loaded is skipped; any other is loaded by the job (as run does it) with --input the folder
/// and --as-of its date. Loaded and skipped folders go to the archive, refused ones (exit code 2) to
/// the rejected folder with the reason beside them; an unexpected failure, another run holding the
/// warehouse, or SIGTERM stops the tick and leaves the folder in the inbox.
/// </summary>
public sealed class InboxTick(OperationSettings settings, JobExecution execution, ILogger<InboxTick> logger, TimeProvider time)
{
    private ScheduleOptions Schedule => settings.Schedule ?? throw new InvalidOperationException("The inbox tick runs only for schedule.");

    public TickResult Run(CancellationToken cancellationToken)
    {
        var nights = NightFolder.List(Schedule.Inbox, name => Log.NotANightFolder(logger, name, Schedule.Inbox));
        Log.TickStarted(logger, nights.Count, Schedule.Inbox);
        var (ready, waiting) = FolderReadiness.Check(nights, Schedule.QuietPeriod, cancellationToken);
        foreach (var (night, reason) in waiting)
            Log.NotReady(logger, night.Name, reason);
        var result = new TickResult(0, 0, 0, waiting.Count, Stopped: false, Cancelled: false);
        for (var i = 0; i < ready.Count; i++)
        {
            result = cancellationToken.IsCancellationRequested ? result with { Cancelled = true } : Process(ready[i], result, cancellationToken);
            if (result.Stopped || result.Cancelled)
            {
                // This folder and the ones after it stay in the inbox.
                result = result with { Waiting = result.Waiting + ready.Count - i };
                break;
            }
        }
        Log.TickFinished(logger, result.Loaded, result.Skipped, result.Refused, result.Waiting);
        return result;
    }

    private TickResult Process(NightFolder night, TickResult result, CancellationToken cancellationToken)
    {
        var etl = RunOptions(night);
        var export = ExportHash.OfExport(etl);
        // The same night's export again is a re-delivery; a later night whose export has the same
        // bytes (a quiet weekend) is a night of its own: its figures are as of its own date.
        if (export is not null && LoadedExports.Read(etl.Warehouse).LastOrDefault(l => l.Hash == export && l.AsOf == night.AsOf) is { } earlier)
        {
            var archived = FolderMoves.Archive(night, Schedule.Archive);
            Log.AlreadyLoaded(logger, night.Name, earlier.LoadId, earlier.AsOf.ToString("yyyy-MM-dd"), export, archived);
            return result with { Skipped = result.Skipped + 1 };
        }
        var attempt = execution.Run(etl, cancellationToken);
        if (attempt.Cancelled)
            return result with { Cancelled = true };
        if (attempt.Busy)
        {
            Log.TickStopped(logger, night.Name, "another run is building the warehouse");
            return result with { Stopped = true, Busy = true };
        }
        if (attempt is { ExitCode: ExitCodes.Success, Result: { } loaded })
        {
            var archived = FolderMoves.Archive(night, Schedule.Archive);
            Log.NightLoaded(logger, night.Name, loaded.LoadId, loaded.AsOf.ToString("yyyy-MM-dd"), export ?? "unknown", archived);
            return result with { Loaded = result.Loaded + 1 };
        }
        if (attempt.ExitCode == ExitCodes.BadInput)
        {
            var (folder, reasonFile) = FolderMoves.Reject(night, Schedule.Rejected, attempt.Error ?? "", time.GetUtcNow());
            Log.NightRefused(logger, night.Name, folder, reasonFile, attempt.Error ?? "");
            return result with { Refused = result.Refused + 1 };
        }
        // Also a run whose reports failed after it replaced the warehouse: the next tick finds the export loaded and archives it.
        Log.TickStopped(logger, night.Name, $"the run failed ({attempt.Error})");
        return result with { Stopped = true };
    }

    /// <summary>
    /// The run options of one night: the settings' options with --input the folder and --as-of its
    /// date. Never a replay: a night older than the warehouse's newest is refused (and set aside).
    /// </summary>
    private EtlOptions RunOptions(NightFolder night) =>
        settings.Etl.With(options =>
        {
            options.Input = night.Path;
            options.AsOf = night.AsOf;
            options.Replay = false;
        });
}
