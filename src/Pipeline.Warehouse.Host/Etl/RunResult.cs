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
    Pipeline.Warehouse.Reports.HealthReportResult? HealthReports = null)
{
    /// <summary>The dialect the exports were read in, and why (named, or recognised from the headers).</summary>
    public string Dialect { get; init; } = "canonical";

    public string DialectReason { get; init; } = "";

    /// <summary>Deals in core.fact_deal whose created_at is estimated (a mapping's createdAtFallback).</summary>
    public long EstimatedCreatedAt { get; init; }

    /// <summary>Why the exports may be stale (older than Freshness:WarnAfterHours, or of unknown age); null when fresh or not checked.</summary>
    public string? FreshnessWarning { get; init; }
}
