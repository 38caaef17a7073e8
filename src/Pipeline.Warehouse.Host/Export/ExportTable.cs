namespace Pipeline.Warehouse.Host.Export;

/// <summary>A table (or view) of the warehouse to export, with its columns in order and the month partition rule's choice.</summary>
public sealed record ExportTable(string Schema, string Name, string Kind, string? Description, IReadOnlyList<ExportColumn> Columns)
{
    /// <summary>Folder of the table under the export, with '/' separators: core/fact_deal.</summary>
    public string RelativeFolder => Schema + "/" + Name;

    public string QuotedName => SqlNames.Quote(Schema, Name);

    /// <summary>
    /// The column whose month partitions the table (hive style, <c>month=YYYY-MM/</c>), or null for
    /// a table written as one file. The rule: every table of core named <c>fact_*</c>, the large
    /// and growing facts, by its first DATE or TIMESTAMP column, its event date
    /// (fact_deal.created_at, fact_stage_transition.entered_at, fact_pipeline_snapshot and
    /// fact_rep_snapshot.snapshot_date, fact_quota.period_start); and every table of marts that
    /// holds rows per deal and period (named <c>*_deals</c>, with a <c>period_start</c> column:
    /// pipeline_waterfall_deals, the largest table at scale, and forecast_deals) by that
    /// period_start. Dimensions, the other marts (aggregates, small), views and meta are one file each.
    /// </summary>
    public ExportColumn? PartitionSource => (Schema, Kind) switch
    {
        ("core", "table") when Name.StartsWith("fact_", StringComparison.Ordinal) =>
            Columns.FirstOrDefault(c => PortableTypes.IsDateOrTimestamp(c.DuckDbType)),
        ("marts", "table") when Name.EndsWith("_deals", StringComparison.Ordinal) =>
            Columns.FirstOrDefault(c => c.Name == "period_start" && PortableTypes.IsDateOrTimestamp(c.DuckDbType)),
        _ => null,
    };

    /// <summary>The name of the derived partition column: month, unless the table has a column of that name.</summary>
    public string PartitionColumn =>
        PartitionSource is { } source && Columns.Any(c => string.Equals(c.Name, "month", StringComparison.OrdinalIgnoreCase))
            ? source.Name + "_month"
            : "month";
}
