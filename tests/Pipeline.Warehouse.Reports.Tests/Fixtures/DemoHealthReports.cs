namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>The demo warehouse (<see cref="DemoWarehouse"/>) with its PDF health reports written to Output/health.</summary>
public sealed class DemoHealthReports : IDisposable
{
    public DemoHealthReports()
    {
        Warehouse = new DemoWarehouse();
        Health = HealthReports.Write(Warehouse.Warehouse, Path.Combine(Warehouse.Output, "health"));
    }

    public DemoWarehouse Warehouse { get; }

    public HealthReportResult Health { get; }

    public IEnumerable<string> AllFiles => Health.ManagerFiles.Prepend(Health.ExecutiveFile);

    public void Dispose() => Warehouse.Dispose();
}
