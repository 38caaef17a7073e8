using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>A phase of the run and how long it took.</summary>
public sealed record PhaseTiming(string Phase, TimeSpan Elapsed);

/// <summary>What a successful run did: the summary the CLI prints.</summary>
public sealed record RunResult(
    int LoadId,
    DateOnly AsOf,
    string Warehouse,
    IReadOnlyList<FileAccount> Files,
    long Deals,
    long Transitions,
    long SynthesizedDeals,
    long UnknownLeadTypes,
    long UnknownCompanySizes,
    long DealsAfterAsOf,
    IReadOnlyList<PhaseTiming> Phases,
    TimeSpan Elapsed,
    Pipeline.Warehouse.Reports.ScorecardResult? Reports = null,
    Pipeline.Warehouse.Reports.HealthReportResult? HealthReports = null);
