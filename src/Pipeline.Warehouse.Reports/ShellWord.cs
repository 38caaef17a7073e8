namespace Pipeline.Warehouse.Reports;

/// <summary>Paths in the commands a message suggests, so that they can be pasted into a shell as they are.</summary>
public static class ShellWord
{
    /// <summary>A path as a shell word: quoted when it holds anything but plain path characters.</summary>
    public static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '@') ? path : $"'{path.Replace("'", "'\\''")}'";
}
