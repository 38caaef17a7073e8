namespace Pipeline.Warehouse.Reports;

/// <summary>What <see cref="HealthReports.Write"/> wrote: the as-of date, the executive PDF, one PDF per team (full paths) and the time taken.</summary>
public sealed record HealthReportResult(DateOnly AsOf, string OutputDirectory, string ExecutiveFile, IReadOnlyList<string> ManagerFiles, TimeSpan Elapsed);
