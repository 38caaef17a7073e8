namespace Pipeline.Warehouse.Reports;

/// <summary>Exits and advances of a rep's deals at one stage over a window of months (sql/reports/rep_funnel.sql).</summary>
internal sealed record FunnelCount(int WindowMonths, string RepId, string Team, int StageOrder, long Exited, long Advanced);
