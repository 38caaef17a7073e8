using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// Another run holds the warehouse's run lock. Bad input for <c>run</c> (exit code 2, as before);
/// the nightly schedule tells it apart from a refused export and leaves the night for the next tick.
/// </summary>
public sealed class WarehouseBusyException(string message) : InputException(message);
