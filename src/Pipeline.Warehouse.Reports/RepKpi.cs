namespace Pipeline.Warehouse.Reports;

/// <summary>A rep's outcome KPIs for one period (sql/reports/rep_kpis.sql).</summary>
internal sealed record RepKpi(
    string RepId,
    string Period,
    DateOnly PeriodStart,
    long ClosedCount,
    long WonCount,
    decimal WonAmount,
    double? WinRate,
    decimal? AverageWonAmount,
    double? MedianCycleDays,
    decimal? Quota,
    double? Attainment);
