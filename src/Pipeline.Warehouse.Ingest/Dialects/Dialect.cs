using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// A way a CRM writes its exports: the files (and their columns), the timestamp formats and
/// lead-type labels it uses besides ISO 8601 and the canonical names, and the SQL that turns its
/// raw tables into the canonical raw tables the staging models read (none for the canonical dialect).
/// </summary>
public sealed record Dialect(string Name, IReadOnlyList<InputFileSpec> Files)
{
    /// <summary>Timestamp formats (DuckDB strptime) the CRM writes, tried after ISO 8601 and before the config's.</summary>
    public IReadOnlyList<string> TimestampFormats { get; init; } = [];

    /// <summary>The dialect's own stage labels -> canonical stages (a mapping file's values.stage).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> StageDefaults { get; init; } = [];

    /// <summary>The CRM's own lead-source values -> canonical lead types.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LeadTypeDefaults { get; init; } = [];

    /// <summary>The translation, a SQL file relative to the sql folder; null when the files are canonical.</summary>
    public string? Translation { get; init; }

    /// <summary>The mapping file this dialect comes from (--mapping), or null for a built-in dialect.</summary>
    public Mapping.MappingFile? Mapping { get; init; }

    /// <summary>Where a stage label is mapped, as the reasons of rejected rows name it: the config's "stageMap", or a mapping file's own "values.stage".</summary>
    public string StageMapKey { get; init; } = "\"stageMap\" in the config file";

    /// <summary>What the dialect needs to be recognised, for the message when none is.</summary>
    public string Needs { get; init; } = "";

    /// <summary>Whether a folder's files (name, header) look like this dialect's exports.</summary>
    public Func<IReadOnlyList<(string File, IReadOnlyList<string> Headers)>, bool> Recognises { get; init; } = _ => false;
}
