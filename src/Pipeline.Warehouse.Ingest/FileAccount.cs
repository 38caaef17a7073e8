namespace Pipeline.Warehouse.Ingest;

/// <summary>One input file's accounting: <c>Loaded + Rejected + Duplicates = Rows</c>.</summary>
public sealed record FileAccount(string File, string Dialect, string Sha256, long Rows, long Loaded, long Rejected, long Duplicates)
{
    public double RejectedPercent => Rows == 0 ? 0 : 100.0 * Rejected / Rows;
}
