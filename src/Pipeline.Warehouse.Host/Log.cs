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
}
