namespace Pipeline.Warehouse.Reports;

/// <summary>What <see cref="Scorecards.Write"/> wrote: the as-of date, every file (full paths) and the time taken.</summary>
public sealed record ScorecardResult(DateOnly AsOf, string OutputDirectory, IReadOnlyList<string> RepFiles, IReadOnlyList<string> ManagerFiles, TimeSpan Elapsed);
