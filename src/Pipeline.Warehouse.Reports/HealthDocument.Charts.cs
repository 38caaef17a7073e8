using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>The chart pages: funnel, monthly trends, the region x product heat map and velocity by segment.</summary>
internal sealed partial class HealthDocument
{
    private void ComposeCharts(PdfComposer composer)
    {
        composer.Item(new TextElement("Funnel and trends", Typography.Heading));
        var funnelTitle = $"Stage conversion: {HealthFormat.Month(data.CurrentMonth)} against the 6 months before it (advanced / exited)";
        if (data.Funnel.Any(row => row.Long("current_exited") + row.Long("baseline_exited") > 0))
            composer.Item(new ChartElement(funnelTitle, HealthCharts.Funnel(data.Funnel, data.CurrentMonth), 165));
        else
            composer.Item(new TextElement($"{funnelTitle}: no deal left a stage in these 7 months.", Typography.Body, spaceAfter: 8));
        var months = Enumerable.Range(0, 12).Select(i => data.CurrentMonth.AddMonths(i - 11)).ToList();
        var trend = data.Trend.Where(row => row.Date("month") is not null).ToDictionary(row => row.Date("month")!.Value);
        List<(DateOnly, double?)> Series(Func<ReportRow, double?> value) =>
            months.Select(month => (month, trend.TryGetValue(month, out var row) ? value(row) : null)).ToList();
        composer.Item(new ColumnsElement(14,
            new ChartElement("Bookings (amount won) by month", HealthCharts.Monthly(Series(row => (double?)row.Decimal("amount_won") ?? 0), "amount won", asBars: true), 120),
            new ChartElement("Win rate by month (won / closed)", HealthCharts.Monthly(Series(row => HealthFormat.Ratio(row.Long("won"), row.Long("closed")) * 100), "win rate, %", asBars: false), 120),
            new ChartElement("Mean won sales cycle by month", HealthCharts.Monthly(Series(row => row.Long("won") == 0 ? null : row.Double("cycle_days_won_sum") / row.Long("won")), "days", asBars: false), 120)));
        composer.Item(new SpacerElement(4));
        var regions = data.HeatMap.Select(row => row.Text("region") ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToList();
        var products = data.HeatMap.Select(row => row.Text("product") ?? "(none)").Distinct().Order(StringComparer.Ordinal).ToList();
        var cells = data.HeatMap.ToDictionary(row => (row.Text("region") ?? "(none)", row.Text("product") ?? "(none)"));
        if (regions.Count == 0)
            composer.Item(new TextElement("Win rate by region and product: no deal closed in the 12 complete months.", Typography.Body, spaceAfter: 8));
        else
            composer.Item(new HeatMapElement(
                "Win rate by region and product, 12 complete months (won / closed)",
                regions, products,
                (region, product) => cells.TryGetValue((region, product), out var row) && row.Long("closed") > 0
                    ? (HealthFormat.Ratio(row.Long("won"), row.Long("closed")), row.Long("closed"))
                    : (null, 0)));
        composer.PageBreak();
        composer.Heading(new TextElement("Sales velocity by segment (company-wide, currency per day)", Typography.BodyBold), 40);
        TableColumn[] columns =
        [
            new("Segment", 2.2f), new("Open opportunities", 1.3f, true), new("Win rate (365 d)", 1.2f, true),
            new("Avg won amount", 1.4f, true), new("Avg won cycle", 1.2f, true), new("Velocity per day", 1.4f, true),
        ];
        composer.Table(columns, data.Velocity.Select(row => (IReadOnlyList<TableCell>)
        [
            row.Text("segment_type") == "all" ? "All deals" : $"{row.Text("segment_type")?.Replace('_', ' ')}: {row.Text("segment_value")}",
            HealthFormat.Count(row.Long("open_opportunities")),
            HealthFormat.Percent(row.Double("win_rate")),
            AmountText(row.Double("avg_won_amount")),
            HealthFormat.Days(row.Double("avg_cycle_days")),
            AmountText(row.Double("velocity_per_day")),
        ]));
    }
}
