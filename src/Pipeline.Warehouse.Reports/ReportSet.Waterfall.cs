namespace Pipeline.Warehouse.Reports;

/// <summary>The pipeline waterfall's rows (marts.pipeline_waterfall) and the deals behind them.</summary>
internal sealed partial class ReportSet
{
    /// <summary>How many deals each movement lists: the PDFs' table and the manager workbook's.</summary>
    public const int WaterfallDealsLimit = 5;

    public const int WaterfallSheetDealsLimit = 25;

    /// <summary>Every month and quarter's waterfall of the company and each team, latest first.</summary>
    public ScopedRows<ScopeKey, WaterfallRow> Waterfall { get; }

    /// <summary>The scope's waterfall of the current period of a type, in the chart's order; empty when the mart has none.</summary>
    public IReadOnlyList<WaterfallRow> CurrentWaterfall(ScopeKey scope, string periodType) =>
        Waterfall[scope].Where(row => row.Period == "current" && row.PeriodType == periodType).ToList();

    /// <summary>The largest deals behind each movement of the scope's current month and quarter.</summary>
    public IReadOnlyList<WaterfallDealRow> WaterfallDeals(ScopeKey scope, int limit) =>
        FiguresOf(scope).WaterfallDeals(limit)[scope].ToList();
}
