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

    /// <summary>The quotas.csv header.</summary>
    public const string QuotasHeader = "rep_id,period_start,period_end,quota\n";

    /// <param name="quotas">quotas.csv rows (without the header); null: no quotas.csv at all.</param>
    /// <param name="reps">reps.csv in full (with its header); null: <see cref="WarehouseRun.Reps"/>.</param>
    protected HandMadeRun(string deals, string history, string asOf, bool allowShrink = false, string? quotas = null, string? reps = null)
    {
        Warehouse = new WarehouseRun()
            .WithFile("reps.csv", reps ?? WarehouseRun.Reps)
            .WithFile("deals.csv", WarehouseRun.DealsHeader + deals)
            .WithFile("stage_history.csv", WarehouseRun.HistoryHeader + history);
        if (quotas is not null)
            Warehouse.WithFile("quotas.csv", QuotasHeader + quotas);
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
