namespace Pipeline.Warehouse.Host.Etl;

/// <summary>The options of one run of the job (section "Etl" of the configuration; the CLI fills it).</summary>
public sealed class EtlOptions
{
    /// <summary>Folder of CRM exports.</summary>
    public string Input { get; set; } = "";

    /// <summary>The warehouse file; replaced atomically by a run that succeeds.</summary>
    public string Warehouse { get; set; } = "";

    /// <summary>As-of date (UTC); default today.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>Export dialect: auto (recognised from the headers), canonical, salesforce or hubspot.</summary>
    public string Dialect { get; set; } = "auto";

    /// <summary>A mapping file (JSON) that says how another CRM's exports become the canonical tables; replaces --dialect.</summary>
    public string? Mapping { get; set; }

    /// <summary>JSON config file (stage and lead-type maps, currency, reject threshold, timestamp formats).</summary>
    public string? Config { get; set; }

    /// <summary>DuckDB's memory limit while building, e.g. 1GB; larger intermediate results spill to disk.</summary>
    public string MemoryLimit { get; set; } = "1GB";

    /// <summary>
    /// The size of the export's files above which its intermediates are kept in a
    /// scratch database file instead of temp tables; null: the memory limit.
    /// </summary>
    public long? ScratchAboveBytes { get; set; }

    /// <summary>Folder for the Excel scorecards (written under &lt;folder&gt;/&lt;as-of&gt;/); none when null.</summary>
    public string? Reports { get; set; }

    /// <summary>CSV of industry benchmarks the rep workbooks compare against; default: the shipped benchmarks/default.csv.</summary>
    public string? Benchmarks { get; set; }

    /// <summary>
    /// Accept an export with no deals, or far fewer than the warehouse holds (config
    /// shrinkLimitPercent); without it such a run is refused and the warehouse kept.
    /// </summary>
    public bool AllowShrink { get; set; }

    /// <summary>
    /// Rebuild the snapshot of an as-of date older than the warehouse's newest (that date's rows
    /// only, METRICS.md section 9); without it such a run is refused and the warehouse kept.
    /// </summary>
    public bool Replay { get; set; }

    /// <summary>
    /// Rebuild a night another warehouse remembers into this (new) file, for that night's reports:
    /// its history up to that night, its run log up to that night's load, and the night's archived
    /// export (README "Reports for a past night"). Null for every ordinary run.
    /// </summary>
    public PastNight? PastNight { get; set; }

    /// <summary>How old the exports may be before the run warns or refuses them (Freshness:* settings); default: not checked.</summary>
    public Operation.FreshnessOptions Freshness { get; set; } = Operation.FreshnessOptions.None;

    /// <summary>Folder of the SQL models; default: the sql folder shipped beside the program.</summary>
    public string? SqlRoot { get; set; }

    /// <summary>A copy with some options changed (every option is copied, so none is forgotten).</summary>
    public EtlOptions With(Action<EtlOptions> change)
    {
        var copy = (EtlOptions)MemberwiseClone();
        change(copy);
        return copy;
    }
}

/// <summary>A night of <paramref name="Warehouse"/>, loaded by its run <paramref name="LoadId"/>, rebuilt elsewhere.</summary>
public sealed record PastNight(string Warehouse, DateOnly Night, int LoadId);
