using Microsoft.Extensions.Logging;

namespace Pipeline.Warehouse.Host;

/// <summary>Every log line of the host, with stable event ids and structured values.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Run started: input {Input}, warehouse {Warehouse}, as of {AsOf}")]
    public static partial void RunStarted(ILogger logger, string input, string warehouse, string asOf);

    [LoggerMessage(2, LogLevel.Information, "Phase {Phase} started")]
    public static partial void PhaseStarted(ILogger logger, string phase);

    [LoggerMessage(3, LogLevel.Information, "Phase {Phase} finished in {ElapsedMs} ms")]
    public static partial void PhaseFinished(ILogger logger, string phase, long elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "Loaded {File}: {Rows} rows in {ElapsedMs} ms ({Path} path)")]
    public static partial void FileLoaded(ILogger logger, string file, long rows, long elapsedMs, string path);

    [LoggerMessage(5, LogLevel.Information, "Built {Model}: {Rows} rows in {ElapsedMs} ms")]
    public static partial void ModelBuilt(ILogger logger, string model, string rows, long elapsedMs);

    [LoggerMessage(45, LogLevel.Information, "Tested {Test}: {Outcome} in {ElapsedMs} ms")]
    public static partial void DataTested(ILogger logger, string test, string outcome, long elapsedMs);

    [LoggerMessage(6, LogLevel.Information, "Run {LoadId} succeeded in {ElapsedMs} ms: {Deals} deals, {Transitions} transitions, {Rejected} rows rejected")]
    public static partial void RunSucceeded(ILogger logger, int loadId, long elapsedMs, long deals, long transitions, long rejected);

    [LoggerMessage(7, LogLevel.Error, "Run refused or stopped by its input; the warehouse was not changed: {Message}")]
    public static partial void BadInput(ILogger logger, string message);

    [LoggerMessage(8, LogLevel.Critical, "Run failed; the warehouse was not changed")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Critical, "Run {LoadId} replaced the warehouse, but writing the reports failed")]
    public static partial void ReportsFailed(ILogger logger, int loadId, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Generated {Deals} deals and {HistoryRows} history rows into {Directory} in {ElapsedMs} ms")]
    public static partial void Generated(ILogger logger, long deals, long historyRows, string directory, long elapsedMs);

    [LoggerMessage(20, LogLevel.Information, "Dialect {Dialect} ({Reason})")]
    public static partial void DialectChosen(ILogger logger, string dialect, string reason);

    // The nightly worker (schedule): 30-49.

    [LoggerMessage(30, LogLevel.Information, "Schedule started: cron \"{Cron}\" in {TimeZone}, inbox {Inbox}, warehouse {Warehouse}")]
    public static partial void ScheduleStarted(ILogger logger, string cron, string timeZone, string inbox, string warehouse);

    [LoggerMessage(31, LogLevel.Information, "Next tick at {Next} ({NextUtc:u})")]
    public static partial void NextTick(ILogger logger, string next, DateTimeOffset nextUtc);

    [LoggerMessage(32, LogLevel.Information, "Tick started: {Folders} night folders in {Inbox}")]
    public static partial void TickStarted(ILogger logger, int folders, string inbox);

    [LoggerMessage(33, LogLevel.Information, "Tick finished: {Loaded} loaded, {Skipped} skipped as already loaded, {Refused} refused, {Waiting} left for a later tick")]
    public static partial void TickFinished(ILogger logger, int loaded, int skipped, int refused, int waiting);

    [LoggerMessage(34, LogLevel.Warning, "{Name} in {Inbox} is not a night folder (expected YYYY-MM-DD or YYYY-MM-DD_suffix, e.g. 2026-12-01_redelivered); left alone")]
    public static partial void NotANightFolder(ILogger logger, string name, string inbox);

    [LoggerMessage(35, LogLevel.Information, "{Folder} is not ready: {Reason}; left for the next tick")]
    public static partial void NotReady(ILogger logger, string folder, string reason);

    [LoggerMessage(36, LogLevel.Information, "{Folder} already loaded as load {LoadId} (as of {AsOf}; export hash {Hash}): skipped, moved to {Archive}")]
    public static partial void AlreadyLoaded(ILogger logger, string folder, int loadId, string asOf, string hash, string archive);

    [LoggerMessage(37, LogLevel.Information, "{Folder} loaded as load {LoadId} (as of {AsOf}; export hash {Hash}): moved to {Archive}")]
    public static partial void NightLoaded(ILogger logger, string folder, int loadId, string asOf, string hash, string archive);

    [LoggerMessage(38, LogLevel.Warning, "{Folder} was refused: moved to {Rejected}, the reason in {ReasonFile}: {Message}")]
    public static partial void NightRefused(ILogger logger, string folder, string rejected, string reasonFile, string message);

    [LoggerMessage(39, LogLevel.Error, "Tick stopped at {Folder}: {Reason}; the folder stays in the inbox for the next tick")]
    public static partial void TickStopped(ILogger logger, string folder, string reason);

    [LoggerMessage(41, LogLevel.Warning, "Run stopped before it finished (SIGTERM or Ctrl+C); the warehouse was not changed")]
    public static partial void RunCancelled(ILogger logger);

    [LoggerMessage(42, LogLevel.Warning, "Freshness warning: {Warning}")]
    public static partial void FreshnessWarning(ILogger logger, string warning);

    [LoggerMessage(43, LogLevel.Information, "Schedule stopped")]
    public static partial void ScheduleStopped(ILogger logger);

    [LoggerMessage(44, LogLevel.Error, "Schedule \"{Cron}\" has no next occurrence; the worker stops")]
    public static partial void NoNextTick(ILogger logger, string cron);
}
