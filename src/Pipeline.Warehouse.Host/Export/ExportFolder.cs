using Pipeline.Warehouse.Ingest;

namespace Pipeline.Warehouse.Host.Export;

/// <summary>
/// The export folder DIR and its neighbours. An export is written into <c>DIR.partial</c> beside
/// it and renamed into place when complete, so a reader never sees half an export: before the
/// renames DIR is the previous export, after them the new one (for the instant between the two
/// renames, none). An existing export at DIR is replaced whole; a folder that holds anything else
/// is refused, never emptied. An exclusive lock on <c>DIR.lock</c> (flock, released by the kernel
/// even on SIGKILL) refuses a second export into DIR while one is writing.
/// </summary>
public sealed class ExportFolder : IDisposable
{
    private readonly FileStream _lock;

    private ExportFolder(string path, FileStream @lock)
    {
        Path = path;
        _lock = @lock;
    }

    /// <summary>DIR, absolute, without a trailing separator.</summary>
    public string Path { get; }

    /// <summary>Where the export is written before it becomes DIR.</summary>
    public string Partial => Path + ".partial";

    /// <summary>Where DuckDB spills while writing (its temp_directory), removed with <see cref="Partial"/>.</summary>
    public string Spill => Path + ".tmp";

    /// <summary>The previous export, for the moment between the two renames.</summary>
    private string Previous => Path + ".previous";

    /// <summary>Checks DIR (a folder that is new, empty or a previous export), takes the lock and makes an empty <see cref="Partial"/>.</summary>
    public static ExportFolder Lock(string directory)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(directory));
        if (File.Exists(full))
            throw new InputException($"--parquet {directory} is a file; pass a folder to write the export to (it is created, or replaced if it holds an earlier export).");
        var parent = System.IO.Path.GetDirectoryName(full)
            ?? throw new InputException($"--parquet {directory} is the root of the file system; pass a folder below it.");
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot create {parent} for the export --parquet {directory}: {e.Message} Pass a folder in a writable place.");
        }
        FileStream stream;
        try
        {
            stream = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"Cannot write beside {full} ({e.Message}); the export needs to write there. Pass a folder in a writable place.");
        }
        catch (IOException)
        {
            throw new InputException($"Another export is writing {full} (it holds {full}.lock). Wait for it to finish; this one changed nothing.");
        }
        var folder = new ExportFolder(full, stream);
        try
        {
            folder.Prepare(directory);
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    private void Prepare(string asGiven)
    {
        // A killed export may have left the previous export renamed away: put it back first.
        if (Directory.Exists(Previous))
        {
            if (Directory.Exists(Path))
                Directory.Delete(Previous, recursive: true);
            else
                Directory.Move(Previous, Path);
        }
        if (Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any() && !ExportManifest.IsExport(Path))
            throw new InputException($"--parquet {asGiven} is a folder that holds other files, not an earlier export (it has no {ExportManifest.FileName} written by export). "
                + "An export replaces its folder whole, so pass a new or empty folder, or the folder of an earlier export.");
        foreach (var leftover in new[] { Partial, Spill })
            if (Directory.Exists(leftover))
                Directory.Delete(leftover, recursive: true);
        try
        {
            Directory.CreateDirectory(Partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot create {Partial} for the export: {e.Message} Pass a folder in a writable place.");
        }
    }

    /// <summary>Makes the finished <see cref="Partial"/> the export at DIR, replacing an earlier one.</summary>
    public void Publish()
    {
        if (Directory.Exists(Path))
        {
            Directory.Move(Path, Previous);
            try
            {
                Directory.Move(Partial, Path);
            }
            catch
            {
                // The earlier export goes back to DIR; the new one is removed with Partial.
                Directory.Move(Previous, Path);
                throw;
            }
            Directory.Delete(Previous, recursive: true);
        }
        else
        {
            Directory.Move(Partial, Path);
        }
    }

    /// <summary>Removes an unpublished <see cref="Partial"/> and the spill folder, and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            foreach (var leftover in new[] { Partial, Spill })
                if (Directory.Exists(leftover))
                    Directory.Delete(leftover, recursive: true);
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
