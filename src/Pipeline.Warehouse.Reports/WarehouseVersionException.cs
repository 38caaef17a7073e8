namespace Pipeline.Warehouse.Reports;

/// <summary>
/// The warehouse lacks a mart the reports read: it was built by an older version. Nothing was written.
/// </summary>
public sealed class WarehouseVersionException(string message) : InvalidOperationException(message);
