namespace Pipeline.Warehouse.Ingest;

/// <summary>A row of meta.rejected_row: where the bad row is, which column, its value and how to fix it.</summary>
public sealed record RejectedRow(string File, long Line, string? Column, string? Value, string Reason)
{
    /// <summary>A record the CRM marks deleted: recorded and counted like a rejection, but not bad input, so not held against the threshold.</summary>
    public bool Excluded { get; init; }
}
