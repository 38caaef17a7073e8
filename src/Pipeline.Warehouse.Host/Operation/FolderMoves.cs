using System.Globalization;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// Moves a night folder out of the inbox, under the same name (a night folder's name is one
/// checked path segment, <see cref="NightFolder"/>), or with ".2", ".3" ... when that name is taken.
/// Archive and rejected folders must be on the inbox's filesystem (a move is a rename).
/// </summary>
public static class FolderMoves
{
    public static string Archive(NightFolder night, string archive) => Move(night, archive);

    /// <summary>Moves a refused night and writes the reason beside it, in &lt;name&gt;.txt; returns both paths.</summary>
    public static (string Folder, string ReasonFile) Reject(NightFolder night, string rejected, string message, DateTimeOffset now)
    {
        var target = Move(night, rejected);
        var reasonFile = target + ".txt";
        File.WriteAllText(reasonFile,
            $"{Path.GetFileName(target)} was refused by the nightly run at {now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; the warehouse was not changed.\n\n"
            + message + "\n\n"
            + $"Fix the export (or the setting the message names) and move the folder back into the inbox as {night.Name} to load it on the next tick.\n");
        return (target, reasonFile);
    }

    private static string Move(NightFolder night, string root)
    {
        Directory.CreateDirectory(root);
        var target = Path.Combine(root, night.Name);
        for (var n = 2; Directory.Exists(target) || File.Exists(target) || File.Exists(target + ".txt"); n++)
            target = Path.Combine(root, $"{night.Name}.{n}");
        Directory.Move(night.Path, target);
        return target;
    }
}
