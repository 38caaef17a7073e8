namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// Finds a dialect's files in the input folder and checks their headers before anything is
/// loaded: a missing required file or column is an <see cref="InputException"/> (exit code 2).
/// </summary>
public static class InputFolder
{
    public static IReadOnlyList<InputFile> Open(string directory, IReadOnlyList<InputFileSpec> specs)
    {
        CheckExists(directory);
        var entries = FolderEntry.List(directory);
        var present = entries.Where(e => e.Kind == EntryKind.File).Select(e => e.Path).ToArray();
        var files = new List<InputFile>();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var odd = entries.FirstOrDefault(e => e.Kind != EntryKind.File && string.Equals(e.Name, spec.FileName, StringComparison.OrdinalIgnoreCase));
            if (odd is not null)
                throw odd.NotAFile();
            var matches = present.Where(p => string.Equals(Path.GetFileName(p), spec.FileName, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count > 1)
                throw new InputException($"Input folder {directory} holds {string.Join(" and ", matches.Select(Path.GetFileName))}: file names are matched ignoring case, so keep only one {spec.FileName}.");
            if (matches.Count == 0 && spec.Signature.Count > 0)
                matches = BySignature(spec, present.Where(p => !claimed.Contains(p) && !specs.Any(other => string.Equals(Path.GetFileName(p), other.FileName, StringComparison.OrdinalIgnoreCase))), directory);
            if (matches.Count == 0)
            {
                if (spec.Required)
                    throw new InputException($"Required file {spec.Title} is missing from {directory}. Found: {Describe(present)}. Export it from the CRM (see README \"Input files\").");
                continue;
            }
            claimed.Add(matches[0]);
            files.Add(Check(spec, matches[0]));
        }
        return files;
    }

    /// <summary>An input folder that does not exist, or is a file (deals.csv itself, say), is refused naming which.</summary>
    public static void CheckExists(string directory)
    {
        if (File.Exists(directory))
            throw new InputException($"--input {directory} is a file, not a folder. Pass the folder that holds the CRM exports ({Path.GetDirectoryName(Path.GetFullPath(directory))}, if the export is there).");
        if (!Directory.Exists(directory))
            throw new InputException($"Input folder {directory} does not exist. Pass the folder that holds the CRM exports to --input.");
    }

    /// <summary>The CSV files whose header has every column of the spec's signature (at most one may).</summary>
    private static List<string> BySignature(InputFileSpec spec, IEnumerable<string> candidates, string directory)
    {
        var matches = candidates
            .Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && HasColumns(CsvHeader.Read(p), spec.Signature))
            .ToList();
        if (matches.Count > 1)
            throw new InputException($"Input folder {directory} holds {string.Join(" and ", matches.Select(Path.GetFileName))}, each with the columns of {spec.FileName} ({string.Join(", ", spec.Signature)}): keep one, or name it {spec.FileName}.");
        return matches;
    }

    /// <summary>Whether a header has all the columns, ignoring case and surrounding spaces.</summary>
    public static bool HasColumns(IReadOnlyList<string> headers, IEnumerable<string> columns) =>
        columns.All(column => headers.Any(h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase)));

    private static InputFile Check(InputFileSpec spec, string path)
    {
        var headers = CsvHeader.Read(path);
        var name = Path.GetFileName(path);
        if (headers.Count == 0 || headers.All(h => h.Length == 0))
            throw new InputException($"{name} is empty: its first line must be a header with the columns {string.Join(", ", spec.Columns.Select(c => c.Name))}.");
        var columns = new string?[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var column = spec.Columns.FirstOrDefault(c => c.Matches(headers[i].Trim()));
            if (column is null)
                continue;
            if (columns.Contains(column.Name))
                throw new InputException($"{name}: column \"{column.Name}\" appears twice in the header (columns {Array.IndexOf(columns, column.Name) + 1} and {i + 1}). Remove or rename one of them.");
            columns[i] = column.Name;
        }
        foreach (var column in spec.Columns.Where(c => c.Required && !columns.Contains(c.Name)))
            throw new InputException($"{name}: required column \"{column.Name}\"{(column.Aliases.Count > 0 ? $" (or {string.Join(", ", column.Aliases.Select(a => $"\"{a}\""))})" : "")} is missing. Found headers: {string.Join(", ", headers.Select(h => $"\"{h}\""))}. Add the column (header names match ignoring case and surrounding spaces).");
        return new InputFile(spec, path, headers, columns);
    }

    private static string Describe(string[] present) =>
        present.Length == 0 ? "no files" : string.Join(", ", present.Select(Path.GetFileName).Order(StringComparer.Ordinal));
}
