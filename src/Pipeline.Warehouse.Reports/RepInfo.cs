namespace Pipeline.Warehouse.Reports;

/// <summary>A current rep (core.dim_rep) and whether the rep has deals in the 12 months before T.</summary>
internal sealed record RepInfo(string RepId, string Name, string Team, string Region, bool HasRecentDeals);
