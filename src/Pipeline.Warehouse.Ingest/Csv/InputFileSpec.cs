namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// One column an input file may carry: <paramref name="Name"/> is the header as the dialect names
/// it (matched ignoring case and surrounding spaces). <paramref name="Feeds"/> is the canonical
/// column it becomes, so messages about that column use the user's own header; <paramref name="Raw"/>
/// is the column's name in the raw table (default: <paramref name="Name"/>).
/// </summary>
public sealed record ColumnSpec(string Name, bool Required, string? Feeds = null, string? Raw = null)
{
    /// <summary>Other headers a CRM writes for the same column (HubSpot: "Currency" or "Deal currency code").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Whether a header (trimmed) names this column, ignoring case.</summary>
    public bool Matches(string header) =>
        string.Equals(Name, header, StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(a, header, StringComparison.OrdinalIgnoreCase));

    public string RawName => Raw ?? Name;

    public string FeedsColumn => Feeds ?? Name;
}

/// <summary>
/// An input file of a dialect: its file name (matched case-insensitively), whether the run needs
/// it, and its columns. <paramref name="Table"/> names the raw table the loader fills
/// (<c>raw_&lt;table&gt;</c>). A canonical file feeds the staging models directly; a CRM export feeds
/// the canonical table <see cref="Feeds"/> through the dialect's translation, or is a look-up
/// (<see cref="Feeds"/> null) that other files take fields from by <see cref="Key"/>.
/// </summary>
public sealed record InputFileSpec(string FileName, string Table, bool Required, IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>The canonical table (deals, stage_history, reps, quotas) whose rows come one for one from this file's rows; null for a look-up.</summary>
    public string? Feeds { get; init; } = Table;

    /// <summary>A look-up's key column (its raw name): the first row of a key is used, a later different one is rejected.</summary>
    public string? Key { get; init; }

    /// <summary>
    /// Headers that identify the file when it is not named <see cref="FileName"/> (a CRM names its
    /// exports as it likes: Data Loader writes extract.csv): a file whose header has all of them.
    /// </summary>
    public IReadOnlyList<string> Signature { get; init; } = [];

    /// <summary>What the file is, for messages ("the Opportunity export").</summary>
    public string Title => Signature.Count == 0 ? FileName : $"{FileName} (or any file with the columns {string.Join(", ", Signature)})";
}
