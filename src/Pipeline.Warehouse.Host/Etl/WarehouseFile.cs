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

    /// <summary>
    /// Takes the run lock, or throws <see cref="WarehouseBusyException"/> (an <see cref="InputException"/>) when another run holds it. The
    /// path is resolved first (symbolic links of the file and its folders), so two paths to one
    /// file share one lock, and a symlinked warehouse stays a symlink to the new file.
    /// </summary>
    public static WarehouseFile Lock(string path)
    {
        var full = Resolve(path);
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
            throw new WarehouseBusyException($"Another run is already building {full} (it holds {lockPath}). Wait for it to finish; this run changed nothing.");
        }
    }

    /// <summary>The path with every symbolic link in it followed (realpath), also when the file does not exist yet.</summary>
    public static string Resolve(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var resolved = System.IO.Path.GetPathRoot(full)!;
        var parts = full[resolved.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            var next = System.IO.Path.Combine(resolved, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                try
                {
                    next = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
                }
                catch (IOException e)
                {
                    throw new InputException($"The warehouse path {path} cannot be followed: {next} is a symbolic link that leads back to itself ({e.Message}). Point --warehouse at a file.");
                }
            }
            resolved = next;
        }
        if (Directory.Exists(resolved))
            throw new InputException($"The warehouse path {path} is a folder; pass a file path to --warehouse (for example {System.IO.Path.Combine(path, "pipeline.duckdb")}).");
        return resolved;
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
