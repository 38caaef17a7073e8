using System.Globalization;

namespace Pipeline.Warehouse.Reports;

/// <summary>
/// What the reports of a load say about it (marts.report_context): the run, its as-of date and
/// instant, the reporting currency with the symbol amounts are printed with, and the periods shown.
/// </summary>
public sealed record ReportContext(
    DateOnly AsOf,
    DateTime AsOfInstant,
    int LoadId,
    string ReportingCurrency,
    string CurrencySymbol,
    DateOnly LatestCompleteMonth,
    DateOnly CurrentMonthStart,
    DateOnly CurrentQuarterStart,
    DateOnly NextMonthStart,
    DateOnly NextQuarterStart,
    DateTime? EarliestDealCreatedAt,
    long Deals)
{
    /// <summary>The symbol of a warehouse without marts.report_context (built before it): US dollars, the default reporting currency.</summary>
    public const string DefaultCurrencySymbol = "$";

    internal static ReportContext? Read(ReportQueries queries)
    {
        if (queries.Rows("report_context_exists")[0].Long("tables") == 0)
            return null;
        var rows = queries.Rows("report_context");
        if (rows.Count == 0)
            return null;
        var row = rows[0];
        return new ReportContext(
            row.Date("as_of")!.Value,
            Convert.ToDateTime(row["as_of_instant"], CultureInfo.InvariantCulture),
            (int)row.Long("load_id"),
            row.Text("reporting_currency") ?? string.Empty,
            row.Text("currency_symbol") ?? DefaultCurrencySymbol,
            row.Date("latest_complete_month")!.Value,
            row.Date("current_month_start")!.Value,
            row.Date("current_quarter_start")!.Value,
            row.Date("next_month_start")!.Value,
            row.Date("next_quarter_start")!.Value,
            row["earliest_deal_created_at"] is { } created ? Convert.ToDateTime(created, CultureInfo.InvariantCulture) : null,
            row.Long("deals"));
    }
}
