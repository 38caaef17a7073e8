using Microsoft.Extensions.Logging;
using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>Reports the run as plain log lines (when the output is not a terminal).</summary>
public sealed class LogObserver(ILogger<EtlJob> logger) : IRunObserver
{
    public void DialectChosen(string dialect, string reason) => Log.DialectChosen(logger, dialect, reason);

    public void PhaseStarted(string phase) => Log.PhaseStarted(logger, phase);

    public void PhaseFinished(string phase, TimeSpan elapsed) => Log.PhaseFinished(logger, phase, (long)elapsed.TotalMilliseconds);

    public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed) =>
        Log.FileLoaded(logger, file, rows, (long)elapsed.TotalMilliseconds, slowPath ? "line-checked" : "bulk");

    public void ModelBuilt(ModelResult model) =>
        Log.ModelBuilt(logger, model.QualifiedName, model.RowCount?.ToString("N0") ?? "view", (long)model.Elapsed.TotalMilliseconds);

    public void DataTested(DataTestResult test) =>
        Log.DataTested(logger, test.Name, test.Passed ? "passed" : "failed", (long)test.Elapsed.TotalMilliseconds);
}
