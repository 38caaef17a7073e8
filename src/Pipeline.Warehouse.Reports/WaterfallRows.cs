namespace Pipeline.Warehouse.Reports;

/// <summary>One movement of a period's pipeline waterfall for the company or a team (marts.pipeline_waterfall).</summary>
internal sealed record WaterfallRow(
    ScopeKey Scope,
    string PeriodType,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string Period,
    string Movement,
    long Deals,
    decimal Amount,
    decimal Effect,
    decimal BarFrom,
    decimal BarTo,
    DateOnly ThroughDate,
    bool IsComplete,
    string StartSource,
    string EndSource)
{
    public static WaterfallRow From(ReportRow row) => new(
        row.Text("scope_type") == "team" ? ScopeKey.ForTeam(row.Text("scope")!) : ScopeKey.Company,
        row.Text("period_type")!, row.Date("period_start")!.Value, row.Date("period_end")!.Value, row.Text("period")!,
        row.Text("movement")!, row.Long("deals"), row.Decimal("amount") ?? 0, row.Decimal("effect") ?? 0,
        row.Decimal("bar_from") ?? 0, row.Decimal("bar_to") ?? 0, row.Date("through_date")!.Value, row.Bool("is_complete"),
        row.Text("start_source")!, row.Text("end_source")!);
}

/// <summary>A deal behind a movement of the current month or quarter's waterfall (marts.pipeline_waterfall_deals).</summary>
internal sealed record WaterfallDealRow(
    string PeriodType,
    DateOnly PeriodStart,
    string Movement,
    long Rank,
    string DealId,
    string? DealName,
    string? RepName,
    string? Team,
    string? Stage,
    decimal Amount,
    decimal? AmountAtStart,
    decimal? AmountAtExit,
    DateOnly? CloseDateAtStart,
    DateOnly? CloseDateAtExit,
    DateOnly? ClosedOn,
    bool IsDeleted)
{
    public static WaterfallDealRow From(ReportRow row) => new(
        row.Text("period_type")!, row.Date("period_start")!.Value, row.Text("movement")!, row.Long("rank"), row.Text("deal_id")!,
        row.Text("deal_name"), row.Text("rep_name"), row.Text("team"), row.Text("stage"), row.Decimal("amount") ?? 0,
        row.Decimal("amount_at_start"), row.Decimal("amount_at_exit"), row.Date("close_date_at_start"), row.Date("close_date_at_exit"),
        row.Date("closed_at"), row.Bool("is_deleted"));
}
