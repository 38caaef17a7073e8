namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Reports asked for an as-of date the warehouse cannot show (<see cref="ReportSource.AsOfFor"/>):
/// another date than its own, or one before its every deal. Nothing was written.
/// </summary>
public sealed class ReportAsOfException(string message) : InvalidOperationException(message);
