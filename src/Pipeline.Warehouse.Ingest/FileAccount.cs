namespace Pipeline.Warehouse.Ingest;

/// <summary>One input file's accounting: <c>Loaded + Rejected + Duplicates = Rows</c>.</summary>
public sealed record FileAccount(string File, string Dialect, string Sha256, long Rows, long Loaded, long Rejected, long Duplicates)
{
    /// <summary>Of the rejected rows, those the CRM marks deleted (IsDeleted): excluded, not bad input.</summary>
    public long Excluded { get; init; }

    /// <summary>The share of rows rejected for bad input (deleted records not counted), which the threshold holds.</summary>
    public double RejectedPercent => Rows == 0 ? 0 : 100.0 * (Rejected - Excluded) / Rows;
}
