using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Csv;
using Pipeline.Warehouse.Ingest.Dialects;

namespace Pipeline.Warehouse.Ingest.Mapping;

/// <summary>
/// The dialect a mapping file describes: one input file per mapped canonical table and per look-up,
/// with raw column names the translation knows (c_&lt;canonical&gt; for a column of the file, m_N for a
/// look-up's match column, d_N and s_N for a stage date and the column naming its stage, e_N for a
/// created_at fallback column, k and f_N in a look-up file), so no header text ever enters the SQL.
/// </summary>
public static class MappingDialect
{
    public const string TablePrefix = "map_";

    public static Dialect Create(MappingFile mapping)
    {
        var files = new List<InputFileSpec>();
        foreach (var file in mapping.Files)
        {
            var columns = new List<ColumnSpec>();
            void Add(string header, string raw, string? feeds, bool required)
            {
                if (columns.Any(c => c.Matches(header)))
                    return;
                columns.Add(new ColumnSpec(header, required, feeds, raw));
            }
            foreach (var column in file.Columns.Where(c => c.Header is not null))
                Add(column.Header!, "c_" + column.Canonical, column.Canonical, required: true);
            foreach (var (column, i) in file.Columns.Select((c, i) => (c, i)).Where(x => x.c.Lookup is not null))
                Add(column.Lookup!.Match, $"m_{i}", null, required: true);
            foreach (var (date, i) in file.StageDates.Select((d, i) => (d, i)))
            {
                Add(date.Header, $"d_{i}", null, required: true);
                if (date.StageFrom is { } status)
                    Add(status, $"s_{i}", null, required: true);
            }
            foreach (var (header, i) in (file.CreatedAtFallback?.Columns ?? []).Select((h, i) => (h, i)))
                Add(header, $"e_{i}", null, required: true);
            files.Add(new InputFileSpec(file.File, TablePrefix + file.Table, Required: file.Table == "deals", columns) { Feeds = file.Table });
        }
        foreach (var (lookup, n) in mapping.Lookups.Select((l, n) => (l, n)))
        {
            var taken = mapping.Files.SelectMany(f => f.Columns).Select(c => c.Lookup).OfType<LookupColumn>()
                .Where(l => l.From == lookup.Name).Select(l => l.Take).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            List<ColumnSpec> columns = [new ColumnSpec(lookup.Key, true, null, "k")];
            foreach (var (take, i) in taken.Select((t, i) => (t, i)))
                if (!string.Equals(take, lookup.Key, StringComparison.OrdinalIgnoreCase))
                    columns.Add(new ColumnSpec(take, true, null, $"f_{i}"));
            files.Add(new InputFileSpec(lookup.File, $"lk_{n}", Required: true, columns) { Feeds = null, Key = "k" });
        }
        if (mapping.File("quotas") is null)
            files.AddRange(CanonicalDialect.Files.Where(f => f.Table == "quotas"));
        return new Dialect(mapping.Name, files)
        {
            TimestampFormats = mapping.TimestampFormats,
            StageDefaults = mapping.Values.GetValueOrDefault("stage") ?? [],
            LeadTypeDefaults = mapping.Values.GetValueOrDefault("lead_type") ?? [],
            StageMapKey = $"\"values.stage\" in the mapping file {mapping.FileName}",
            Mapping = mapping,
        };
    }

    /// <summary>The raw column of a look-up file that holds a taken column.</summary>
    public static string TakenColumn(MappingFile mapping, LookupColumn column)
    {
        var lookup = mapping.Lookups.First(l => l.Name == column.From);
        if (string.Equals(column.Take, lookup.Key, StringComparison.OrdinalIgnoreCase))
            return "k";
        var taken = mapping.Files.SelectMany(f => f.Columns).Select(c => c.Lookup).OfType<LookupColumn>()
            .Where(l => l.From == lookup.Name).Select(l => l.Take).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return $"f_{taken.FindIndex(t => string.Equals(t, column.Take, StringComparison.OrdinalIgnoreCase))}";
    }
}
