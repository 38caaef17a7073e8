using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Etl;

/// <summary>
/// The warehouse file and its neighbours. A run builds a new file beside the warehouse
/// (<c>.building</c>) and, when everything succeeded, renames it over the warehouse: rename(2) is
/// atomic, so a run that fails or is killed at any moment leaves the previous warehouse exactly as it
/// was. An exclusive lock on <c>.lock</c> (flock, released by the kernel even on SIGKILL) refuses a
/// second run on the same warehouse while one is running.
/// </summary>
public sealed class WarehouseFile : IDisposable
{
    private readonly FileStream _lock;

    private WarehouseFile(string path, FileStream @lock)
    {
        Path = path;
        _lock = @lock;
    }

    public string Path { get; }

    public string BuildingPath => Path + ".building";

    public string TempDirectory => Path + ".building.tmp";

    public bool Exists => File.Exists(Path);

    /// <summary>Takes the run lock, or throws <see cref="InputException"/> when another run holds it.</summary>
    public static WarehouseFile Lock(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var lockPath = full + ".lock";
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var warehouse = new WarehouseFile(full, stream);
            warehouse.RemoveLeftovers();
            return warehouse;
        }
        catch (IOException)
        {
            throw new InputException($"Another run is already building {full} (it holds {lockPath}). Wait for it to finish; this run changed nothing.");
        }
    }

    /// <summary>Files a killed run left behind; the lock guarantees no other run is using them.</summary>
    private void RemoveLeftovers()
    {
        File.Delete(BuildingPath);
        File.Delete(BuildingPath + ".wal");
        if (Directory.Exists(TempDirectory))
            Directory.Delete(TempDirectory, recursive: true);
    }

    /// <summary>Makes the finished building file the warehouse, in one atomic rename.</summary>
    public void Publish()
    {
        if (File.Exists(BuildingPath + ".wal"))
            throw new InvalidOperationException($"{BuildingPath} still has a write-ahead log after closing; the warehouse was not replaced.");
        using (var stream = new FileStream(BuildingPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            stream.Flush(flushToDisk: true);
        File.Move(BuildingPath, Path, overwrite: true);
    }

    public void Dispose()
    {
        RemoveLeftovers();
        _lock.Dispose();
    }
}
