using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// One schedule per warehouse: an exclusive lock on <c>&lt;warehouse&gt;.schedule.lock</c> (flock,
/// released by the kernel when the process ends, even on SIGKILL), held for the worker's life.
/// Each run it starts also takes the run lock (<see cref="WarehouseFile"/>), so a run started by
/// hand while a night is loading is refused, and the night waits while a run by hand is loading.
/// </summary>
public static class ScheduleLock
{
    public static IDisposable Take(string warehouse)
    {
        var full = WarehouseFile.Resolve(warehouse);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var lockPath = full + ".schedule.lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InputException($"Another schedule is already running for {full} (it holds {lockPath}). Stop that one first, or give this one another --warehouse; this one changed nothing.");
        }
    }
}
