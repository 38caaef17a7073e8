using Mono.Unix;

namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>What an entry of the input folder is, after following symbolic links.</summary>
public enum EntryKind
{
    /// <summary>A regular file, or a symbolic link (chain) that ends at one: the only kind that is read.</summary>
    File,
    Folder,
    DanglingLink,
    LinkLoop,
    /// <summary>A FIFO, socket or device: reading it could wait forever or never end.</summary>
    Special,
}

/// <summary>
/// One entry of the input folder, classified without opening it: a FIFO is never opened (that
/// would wait for a writer), a folder is not "missing", a broken link is named with its target.
/// </summary>
public sealed record FolderEntry(string Path, EntryKind Kind, string What)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Every entry of the folder, in ordinal name order.</summary>
    public static IReadOnlyList<FolderEntry> List(string directory) =>
        Directory.GetFileSystemEntries(directory).Order(StringComparer.Ordinal).Select(Classify).ToList();

    public static FolderEntry Classify(string path)
    {
        var info = new FileInfo(path);
        var target = path;
        if (info.LinkTarget is not null)
        {
            try
            {
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                target = final?.FullName ?? path;
            }
            catch (IOException)
            {
                return new(path, EntryKind.LinkLoop, $"a symbolic link that leads back to itself ({info.LinkTarget})");
            }
            if (!System.IO.File.Exists(target) && !Directory.Exists(target))
                return new(path, EntryKind.DanglingLink, $"a symbolic link to {target}, which does not exist");
        }
        UnixFileSystemInfo unix;
        try
        {
            unix = UnixFileSystemInfo.GetFileSystemEntry(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new(path, EntryKind.Special, $"an entry that cannot be examined ({e.Message})");
        }
        var via = target == path ? "" : $" (through the symbolic link to {target})";
        return unix.FileType switch
        {
            FileTypes.RegularFile => new(path, EntryKind.File, "a file" + via),
            FileTypes.Directory => new(path, EntryKind.Folder, "a folder" + via),
            FileTypes.Fifo => new(path, EntryKind.Special, "a named pipe (FIFO)" + via),
            FileTypes.Socket => new(path, EntryKind.Special, "a socket" + via),
            FileTypes.CharacterDevice or FileTypes.BlockDevice => new(path, EntryKind.Special, "a device" + via),
            _ => new(path, EntryKind.Special, $"a {unix.FileType} entry{via}"),
        };
    }

    /// <summary>The InputException for an entry named like an input file that is not a file.</summary>
    public InputException NotAFile() => new(
        $"{Name} in {System.IO.Path.GetDirectoryName(Path)} is {What}, not a file: only regular files (or symbolic links to them) are read. " +
        "Put the export itself there under this name, or remove the entry.");
}
