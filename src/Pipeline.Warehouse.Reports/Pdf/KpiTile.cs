namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A headline figure: its label, value, the change against the prior period in words, and whether that change is good (null: neutral or unknown).</summary>
internal sealed record KpiTile(string Label, string Value, string Change, bool? IsBetter);
