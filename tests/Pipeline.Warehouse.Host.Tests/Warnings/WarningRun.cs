using System.Globalization;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>
/// One run of the real job over generated deals, shared by the tests of a class through
/// <c>IClassFixture</c>; each test class derives one with its deals. The job's data tests
/// (sql/tests) run too, so a run that breaks one fails the fixture.
/// </summary>
public abstract class WarningRun : IDisposable
{
    /// <summary>z scores and ratios are DOUBLE; a tolerance for values that are not exact by construction.</summary>
    public const double Precision = 1e-9;

    protected WarningRun(DealBuilder deals, string asOf = "2026-11-30", string reps = WarehouseRun.Reps)
    {
        Warehouse = new WarehouseRun()
            .WithFile("reps.csv", reps)
            .WithFile("deals.csv", WarehouseRun.DealsHeader + deals.Deals)
            .WithFile("stage_history.csv", WarehouseRun.HistoryHeader + deals.History);
        Warehouse.Run(asOf);
    }

    public WarehouseRun Warehouse { get; }

    /// <summary>Every row of marts.segment_warnings, ordered by segment, metric and stage order.</summary>
    public IReadOnlyList<WarningRow> Warnings() => Warehouse.Rows(
            """
            select cast(warnings.as_of as varchar), segment_type, segment_value, metric, warnings.stage,
                cast(month as varchar), cast(current_n as bigint), current_value, cast(baseline_n as bigint),
                baseline_value, z_score, severity
            from marts.segment_warnings as warnings
            left join core.dim_stage as stages on stages.stage = warnings.stage
            order by segment_type, segment_value, metric, stages.stage_order
            """)
        .Select(r => new WarningRow(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string?)r[4], (string)r[5]!,
            Long(r[6]), (double)r[7]!, Long(r[8]), (double)r[9]!, (double?)r[10], (string)r[11]!))
        .ToList();

    /// <summary>The rows of one segment value.</summary>
    public IReadOnlyList<WarningRow> Warnings(string segmentType, string segmentValue) =>
        Warnings().Where(w => w.SegmentType == segmentType && w.SegmentValue == segmentValue).ToList();

    /// <summary>The row of a segment value, metric and stage, or null when it is not flagged.</summary>
    public WarningRow? Warning(string segmentType, string segmentValue, string metric, string? stage = null) =>
        Warnings(segmentType, segmentValue).SingleOrDefault(w => w.Metric == metric && w.Stage == stage);

    /// <summary>The row; fails the test when the segment is not flagged.</summary>
    public WarningRow RequiredWarning(string segmentType, string segmentValue, string metric, string? stage = null) =>
        Warning(segmentType, segmentValue, metric, stage)
        ?? throw new Xunit.Sdk.XunitException($"no {metric} {stage} warning for {segmentType} = {segmentValue}");

    /// <summary>Every row of marts.rep_coaching, ordered by rep and stage order.</summary>
    public IReadOnlyList<CoachingRow> Coaching() => Warehouse.Rows(
            """
            select rep_id, team, coaching.stage, cast(rep_exits as bigint), rep_conversion,
                cast(peer_exits as bigint), peer_conversion, z_score
            from marts.rep_coaching as coaching
            join core.dim_stage as stages on stages.stage = coaching.stage
            order by rep_id, stages.stage_order
            """)
        .Select(r => new CoachingRow(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, Long(r[3]), (double)r[4]!, Long(r[5]), (double)r[6]!, (double)r[7]!))
        .ToList();

    public void Dispose()
    {
        Warehouse.Dispose();
        GC.SuppressFinalize(this);
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
