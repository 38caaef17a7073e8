using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>The dialects the loader reads, and <c>--dialect auto</c>: recognising one from the files' headers.</summary>
public static class KnownDialects
{
    public const string Auto = "auto";

    public static IReadOnlyList<string> Names => [CanonicalDialect.Name, SalesforceDialect.Name, HubSpotDialect.Name];

    public static Dialect Canonical { get; } = new(CanonicalDialect.Name, CanonicalDialect.Files)
    {
        Needs = "deals.csv with the columns deal_id, rep_id, stage, created_at",
        Recognises = files => files.Any(f => string.Equals(Path.GetFileName(f.File), "deals.csv", StringComparison.OrdinalIgnoreCase)),
    };

    /// <summary>A file several dialects read (the canonical quotas.csv) says nothing about the dialect.</summary>
    private static bool Shared(InputFileSpec spec, IEnumerable<Dialect> all) =>
        all.Count(d => d.Files.Any(other => string.Equals(other.FileName, spec.FileName, StringComparison.OrdinalIgnoreCase))) > 1;

    /// <summary>The named dialect, or the one the folder's headers show for "auto" (with why it was chosen).</summary>
    public static (Dialect Dialect, string Reason) Resolve(string name, string folder, WarehouseConfig config, string? mapping = null)
    {
        if (mapping is not null)
        {
            if (!string.Equals(name, Auto, StringComparison.OrdinalIgnoreCase))
                throw new InputException($"--dialect {name} and --mapping {mapping} both say how to read the exports; give one of them.");
            var mapped = Mapping.MappingDialect.Create(Mapping.MappingFile.Load(mapping));
            return (mapped, $"from the mapping file {Path.GetFileName(mapping)}");
        }
        var all = new[] { Canonical, SalesforceDialect.Create(config.Salesforce), HubSpotDialect.Create(config.HubSpot) };
        if (!string.Equals(name, Auto, StringComparison.OrdinalIgnoreCase))
        {
            var named = all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"Dialect \"{name}\" is not one the loader reads. Use --dialect auto (the default: recognised from the headers), or one of: {string.Join(", ", Names)}.");
            return (named, "named by --dialect");
        }
        InputFolder.CheckExists(folder);
        var entries = FolderEntry.List(folder);
        var odd = entries.FirstOrDefault(e => e.Kind != EntryKind.File && all.Any(d => d.Files.Any(spec =>
            string.Equals(spec.FileName, e.Name, StringComparison.OrdinalIgnoreCase))));
        if (odd is not null)
            throw odd.NotAFile();
        var files = entries
            .Where(e => e.Kind == EntryKind.File && e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Select(e => (File: e.Path, Headers: CsvHeader.Read(e.Path))).ToList();
        var matches = all.Where(d => d.Recognises(files)).ToList();
        if (matches.Count == 1)
            return (matches[0], "recognised from the headers");
        if (matches.Count == 0)
        {
            // No main file: the files named as only one dialect names them decide, so that its
            // loader can say exactly which file or column is missing.
            var byName = all.Where(d => d.Files.Any(spec => !Shared(spec, all) && files.Any(f =>
                string.Equals(Path.GetFileName(f.File), spec.FileName, StringComparison.OrdinalIgnoreCase)))).ToList();
            if (byName.Count == 1)
                return (byName[0], "recognised from the file names");
        }
        var seen = files.Count == 0
            ? "no CSV files"
            : string.Join("; ", files.Select(f => $"{Path.GetFileName(f.File)} ({string.Join(", ", f.Headers.Take(8))}{(f.Headers.Count > 8 ? ", ..." : "")})"));
        var needs = string.Join("; ", all.Select(d => $"{d.Name} needs {d.Needs}"));
        if (matches.Count == 0)
            throw new InputException($"Could not recognise the exports in {folder}: found {seen}. {needs}. Name the dialect with --dialect, or describe another CRM's files in a mapping file (--mapping, README \"Mapping file\").");
        throw new InputException($"The exports in {folder} look like more than one dialect ({string.Join(" and ", matches.Select(d => d.Name))}): found {seen}. Keep one CRM's files in the folder, or name the dialect with --dialect.");
    }
}
