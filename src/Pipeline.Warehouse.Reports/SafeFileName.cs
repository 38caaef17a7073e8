using System.Text;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// File names from untrusted text: only ASCII letters, digits, '-' and '_' (spaces and other
/// separators become '-', accents are dropped to their base letter, anything else is removed),
/// no leading or trailing '-', at most <see cref="MaxLength"/> characters, never empty. So no
/// name can hold a path separator or "..", and every file stays in its folder.
/// </summary>
internal static class SafeFileName
{
    public const int MaxLength = 60;

    // Latin letters with accents and their base letter (the process runs with invariant
    // globalization, so Unicode decomposition is not available).
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy";

    public static string From(string? text, string fallback = "unnamed")
    {
        var builder = new StringBuilder();
        foreach (var original in text ?? string.Empty)
        {
            var accented = Accented.IndexOf(original, StringComparison.Ordinal);
            var c = accented >= 0 ? Plain[accented] : original;
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
                builder.Append(c);
            else if ((c == '-' || char.IsWhiteSpace(c) || c == '.' || c == '/' || c == '\\') && builder.Length > 0 && builder[^1] != '-')
                builder.Append('-');
        }
        var name = builder.ToString().Trim('-');
        if (name.Length > MaxLength)
            name = name[..MaxLength].TrimEnd('-');
        return name.Length == 0 ? fallback : name;
    }

    /// <summary>
    /// The paths in their order, each told apart from the ones before it: two names that sanitize
    /// alike (ignoring case) get "-2", "-3"... (before the extension) rather than overwrite each other.
    /// </summary>
    public static List<string> Unique(IEnumerable<string> paths)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>();
        foreach (var path in paths)
        {
            var candidate = path;
            for (var n = 2; taken.Contains(candidate); n++)
                candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");
            taken.Add(candidate);
            unique.Add(candidate);
        }
        return unique;
    }
}
