namespace Pipeline.Warehouse.Reports.Benchmarks;

/// <summary>How closely a published figure's definition matches ours (METRICS.md sections 4-5).</summary>
public enum BenchmarkFit
{
    /// <summary>Same step, same unit, same numerator and denominator as far as the source says: compare directly.</summary>
    Exact,

    /// <summary>A close but different definition: show it with its <see cref="Benchmark.Note"/>, never with a bare better/worse arrow.</summary>
    Approximate,
}

/// <summary>
/// One published figure to compare against, in our terms. <see cref="Metric"/> is one of
/// <see cref="BenchmarkTable.MetricNames"/>: <c>stage_conversion</c> (of <see cref="Stage"/> to the
/// next stage), <c>lead_to_opportunity</c>, <c>opportunity_to_won</c>, <c>lead_to_won</c> or
/// <c>cycle_days</c>. A null <see cref="LeadType"/> means all lead types. <see cref="Value"/> is a
/// fraction (0.3 for 30%) for rates and a number of days for <c>cycle_days</c>. <see cref="Note"/>
/// is the sentence a reader sees beside an approximate figure (always set when
/// <see cref="Fit"/> is <see cref="BenchmarkFit.Approximate"/>; null or optional otherwise).
/// <see cref="Line"/> is the figure's line in the file.
/// </summary>
public sealed record Benchmark(
    string Metric,
    string? Stage,
    string? LeadType,
    double Value,
    BenchmarkFit Fit,
    string? Note,
    string Source,
    int Year,
    string Definition,
    string? Url,
    int Line)
{
    /// <summary>True when the figure must be shown with its <see cref="Note"/>, not a bare arrow.</summary>
    public bool IsApproximate => Fit == BenchmarkFit.Approximate;
}
