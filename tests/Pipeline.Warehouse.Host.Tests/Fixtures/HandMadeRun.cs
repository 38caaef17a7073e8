using Pipeline.Warehouse.Host.Etl;

namespace Pipeline.Warehouse.Host.Tests.Fixtures;

/// <summary>
/// One run of the real job over a few hand-made deals (reps R1-R3 from <see cref="WarehouseRun.Reps"/>),
/// shared by the tests of a class through <c>IClassFixture</c>. Each test class derives one with its deals.
/// </summary>
public abstract class HandMadeRun : IDisposable
{
    /// <summary>Days in one second, one hour: the fractional day counts of METRICS.md section 1.</summary>
    public const double Second = 1.0 / 86400;

    public const double Hour = 1.0 / 24;

    /// <summary>Day counts and rates are DOUBLE; a tolerance far below one second.</summary>
    public const double Precision = 1e-9;

    protected HandMadeRun(string deals, string history, string asOf, bool allowShrink = false)
    {
        Warehouse = new WarehouseRun()
            .WithFile("reps.csv", WarehouseRun.Reps)
            .WithFile("deals.csv", WarehouseRun.DealsHeader + deals)
            .WithFile("stage_history.csv", WarehouseRun.HistoryHeader + history);
        Result = Warehouse.Run(asOf, allowShrink: allowShrink);
    }

    public WarehouseRun Warehouse { get; }

    public RunResult Result { get; }

    public void Dispose()
    {
        Warehouse.Dispose();
        GC.SuppressFinalize(this);
    }
}
