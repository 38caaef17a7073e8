namespace Pipeline.Warehouse.Ingest;

/// <summary>
/// Bad input or usage that the user can fix: a missing file or column, a bad config, too many
/// rejected rows. The run stops before the warehouse changes and exits with code 2.
/// (Not sealed: <c>WarehouseBusyException</c>, the run lock held, is one the schedule tells apart.)
/// </summary>
public class InputException(string message) : Exception(message);
