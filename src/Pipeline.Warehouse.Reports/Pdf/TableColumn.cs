namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>A table column: its header, its share of the table's width, and whether its cells are right-aligned (numbers).</summary>
internal sealed record TableColumn(string Header, float Weight, bool AlignRight = false);
