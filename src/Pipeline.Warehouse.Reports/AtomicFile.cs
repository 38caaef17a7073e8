using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// Writes a report file so that its final name only ever holds a whole file: the content goes to
/// a hidden temporary file in the same folder (<c>.&lt;name&gt;.&lt;16 hex digits&gt;.partial</c>),
/// is flushed to disk, and only then renamed over the final name (rename(2) is atomic within a
/// folder). A write that fails (a full disk) removes its temporary file and leaves the previous
/// file as it was; a process killed mid-write leaves the previous file and a temporary file, which
/// <see cref="RemoveLeftovers"/> removes on the next report run in that folder.
/// </summary>
/// <remarks>
/// While it is written, a temporary file is held open with <see cref="FileShare.None"/> (an
/// exclusive flock on Linux, released by the kernel when the process dies, even on SIGKILL), so
/// a report run never removes the file another running report run is writing.
/// </remarks>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var final = Path.GetFullPath(path);
        var temp = TempPath(final);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, final, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Removes the temporary files a killed report run left in <paramref name="folder"/> (not in its
    /// subfolders): only names of our own pattern, and only those no running process is writing.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveLeftovers(string folder)
    {
        if (!Directory.Exists(folder))
            return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder, ".*.partial"))
        {
            if (!IsTempName(Path.GetFileName(path)))
                continue;
            try
            {
                // Fails while the writer holds it; once held here, no writer can still be writing it.
                using var held = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                File.Delete(path);
                removed++;
            }
            catch (IOException)
            {
                // Being written by a running report run, or already gone.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
        return removed;
    }

    /// <summary>Whether a file name is one of our temporary files.</summary>
    public static bool IsTempName(string fileName) => TempName().IsMatch(fileName);

    private static string TempPath(string final) =>
        Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.partial");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{16}\.partial$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();
}
