namespace Pipeline.Warehouse.Demo;

/// <summary>What <see cref="DemoGenerator.Generate"/> wrote.</summary>
/// <param name="Reps">Rows of reps.csv: sales reps, team managers and the VP.</param>
/// <param name="Teams">Sales teams.</param>
/// <param name="Deals">Rows of deals.csv.</param>
/// <param name="HistoryRows">
/// Rows of stage_history.csv (Salesforce: of OpportunityHistory.csv, the same rows), exact duplicates included.
/// HubSpot writes no history rows: this counts the stage changes its "Date entered" columns are made from.
/// </param>
/// <param name="QuotaRows">Rows of quotas.csv.</param>
/// <param name="Elapsed">Wall time of the whole generation.</param>
public sealed record DemoSummary(int Reps, int Teams, long Deals, long HistoryRows, long QuotaRows, TimeSpan Elapsed);
