using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Models;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>An ETL observer that ignores every event.</summary>
public sealed class NullObserver : IRunObserver
{
    public static readonly NullObserver Instance = new();

    public void PhaseStarted(string phase)
    {
    }

    public void PhaseFinished(string phase, TimeSpan elapsed)
    {
    }

    public void FileLoaded(string file, long rows, bool slowPath, TimeSpan elapsed)
    {
    }

    public void ModelBuilt(ModelResult model)
    {
    }
}
