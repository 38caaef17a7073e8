using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>Runs the job on a <see cref="WarehouseRun"/>'s files and records which files took the loader's slow path.</summary>
internal sealed class PathRecorder : IRunObserver
{
    public Dictionary<string, bool> SlowPath { get; } = [];

    public static PathRecorder Run(WarehouseRun run, string? configJson = null)
    {
        string? config = null;
        if (configJson is not null)
        {
            config = Path.Combine(Path.GetDirectoryName(run.Warehouse)!, "recorder-config.json");
            File.WriteAllText(config, configJson);
        }
        var recorder = new PathRecorder();
        new EtlJob(new EtlOptions { Input = run.Input, Warehouse = run.Warehouse, AsOf = new DateOnly(2026, 11, 30), Config = config }, recorder).Run();
        return recorder;
    }

    public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed) => SlowPath[file] = slowPath;

    public void PhaseStarted(string phase)
    {
    }

    public void PhaseFinished(string phase, TimeSpan elapsed)
    {
    }

    public void ModelBuilt(ModelResult model)
    {
    }
}
