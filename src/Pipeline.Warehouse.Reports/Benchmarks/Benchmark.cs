namespace Pipeline.Warehouse.Reports.Benchmarks;

/// <summary>
/// One published figure to compare against: <see cref="Metric"/> is <c>stage_conversion</c> (of
/// <see cref="Stage"/> to the next stage), <c>win_rate</c> or <c>cycle_days</c>; a null
/// <see cref="LeadType"/> means all lead types. <see cref="Line"/> is its line in the file.
/// </summary>
public sealed record Benchmark(
    string Metric, string? Stage, string? LeadType, double Value, string Source, int Year, string Definition, string? Url, int Line);
