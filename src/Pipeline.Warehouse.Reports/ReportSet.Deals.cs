namespace Pipeline.Warehouse.Reports;

/// <summary>The deals the reports list: of a rep or a team from its batch's figures, of the company from the company's.</summary>
internal sealed partial class ReportSet
{
    /// <summary>How many of a rep's open deals the "Deals that matter" sheet lists per period.</summary>
    public const int DealsThatMatterLimit = 15;

    /// <summary>Open deals of a rep or a team (both null: of the company, any rep's), stalled ones only when asked, largest first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<OpenDealRow> OpenDeals(string? repId = null, string? team = null, bool stalledOnly = false, int limit = int.MaxValue)
    {
        if (repId is null && team is null)
            return Company.LargestOpenDeals(stalledOnly, limit);
        var deals = repId is not null
            ? RepFigures(repId).OpenDeals.ByRep[repId].Where(deal => team is null || deal.Team == team)
            : TeamFigures(team).OpenDeals.ByTeam[team!];
        return deals.Where(deal => !stalledOnly || deal.IsStalled).Take(limit).ToList();
    }

    /// <summary>A rep's open deals with their chance and expected amount in the current month and quarter, most expected first (marts.forecast_deals).</summary>
    public IReadOnlyList<ForecastDealRow> ForecastDeals(string repId, int limit = DealsThatMatterLimit) =>
        RepFigures(repId).ForecastDeals(limit)[repId].ToList();

    /// <summary>A rep's deals won or lost in the trailing 12 months, latest first.</summary>
    public IReadOnlyList<ClosedDealRow> ClosedDeals(string repId) => RepFigures(repId).ClosedDeals[repId].ToList();
}
