namespace Pipeline.Warehouse.Reports;

/// <summary>The deals the reports list (marts.open_deals, marts.forecast_deals, core.fact_deal, marts.pipeline_waterfall_deals), for these scopes.</summary>
internal sealed partial class ScopeFigures
{
    /// <summary>Every open deal of a batch's reps, largest first, by rep id and by team (the rep's current team).</summary>
    public (ILookup<string, OpenDealRow> ByRep, ILookup<string, OpenDealRow> ByTeam) OpenDeals => Once("open_deals", rows =>
    {
        var deals = rows.Select(row => (RepId: row.Text("rep_id") ?? string.Empty, Deal: OpenDeal(row))).ToList();
        return (deals.ToLookup(deal => deal.RepId, deal => deal.Deal), deals.ToLookup(deal => deal.Deal.Team ?? string.Empty, deal => deal.Deal));
    }, ("stalled", false), ("limit", long.MaxValue));

    /// <summary>The largest open deals of these scopes' reps (the company's: any rep's), stalled ones only when asked, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<OpenDealRow> LargestOpenDeals(bool stalledOnly, int limit) =>
        Once("open_deals", rows => rows.Select(OpenDeal).ToList(), ("stalled", stalledOnly), ("limit", (long)limit));

    /// <summary>Each rep's open deals with their chance and expected amount in the current month and quarter, at most <paramref name="limit"/> a period, most expected first (marts.forecast_deals).</summary>
    public ILookup<string, ForecastDealRow> ForecastDeals(int limit) => Once("forecast_deals", rows => rows.ToLookup(row => row.Text("rep_id")!, row => new ForecastDealRow(
        row.Text("period_type")!, row.Date("period_start")!.Value, row.Text("deal_id")!, row.Text("deal_name"), row.Text("stage")!,
        row.Decimal("amount"), row.Date("expected_close_date"), row.Bool("is_overdue"), row.Bool("is_in_period"),
        row.Double("win_probability"), row.Decimal("expected_amount"), row.Long("rank_in_rep"))), ("limit", (long)limit));

    /// <summary>Each rep's deals won or lost in the trailing 12 months, latest first.</summary>
    public ILookup<string, ClosedDealRow> ClosedDeals => Once("rep_closed_deals", rows => rows.ToLookup(row => row.Text("rep_id")!, row => new ClosedDealRow(
        row.Text("deal_id")!, row.Text("deal_name"), row.Text("account_name"), row.Text("status")!, row.Date("closed_on"),
        row.Decimal("amount"), row.Double("cycle_days"), row.Text("lead_type"), row.Text("loss_reason"))));

    /// <summary>The largest deals behind each movement of the current month and quarter's waterfall of the company or each team, at most <paramref name="limit"/> a movement.</summary>
    public ILookup<ScopeKey, WaterfallDealRow> WaterfallDeals(int limit) => Once("pipeline_waterfall_deals", rows => rows.ToLookup(
        row => row.Text("scope_type") == "team" ? ScopeKey.ForTeam(row.Text("scope")!) : ScopeKey.Company, WaterfallDealRow.From), ("limit", (long)limit));

    private static OpenDealRow OpenDeal(ReportRow row) => new(
        row.Text("deal_id")!, row.Text("deal_name"), row.Text("account_name"), row.Text("rep_name"), row.Text("team"),
        row.Text("stage")!, row.Double("days_in_stage"), row.Decimal("amount"), row.Date("expected_close_date"),
        row.Bool("is_stalled"), row.Bool("is_overdue"), row.Text("lead_type"));
}
