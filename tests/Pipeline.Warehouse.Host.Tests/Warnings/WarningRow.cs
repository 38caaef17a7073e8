namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>One row of marts.segment_warnings (month as yyyy-MM-dd).</summary>
public sealed record WarningRow(
    string AsOf,
    string SegmentType,
    string SegmentValue,
    string Metric,
    string? Stage,
    string Month,
    long CurrentN,
    double CurrentValue,
    long BaselineN,
    double BaselineValue,
    double? ZScore,
    string Severity);
