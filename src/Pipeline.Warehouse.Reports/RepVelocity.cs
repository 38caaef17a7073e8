namespace Pipeline.Warehouse.Reports;

/// <summary>A rep's sales velocity over the rep's own deals (sql/reports/rep_velocity.sql).</summary>
internal sealed record RepVelocity(string RepId, long OpenOpportunities, double? WinRate, decimal? AverageWonAmount, double? AverageCycleDays, double? VelocityPerDay);
