using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>The chart pages: funnel of the used stages, monthly trends, the region x product heat map and velocity by segment.</summary>
internal sealed partial class HealthDocument
{
    private void ComposeCharts(PdfComposer composer)
    {
        // With the funnel chart below it, or on the next page.
        composer.Heading(new TextElement("Funnel and trends", Typography.Heading), 190);
        ComposeFunnel(composer);
        var months = set.Months[Scope].Where(row => row.IsComplete).OrderBy(row => row.Month).TakeLast(12).ToList();
        List<(DateOnly, double?)> Series(Func<MonthRow, double?> value) => months.Select(row => (row.Month, value(row))).ToList();
        composer.Item(new ColumnsElement(14,
            new ChartElement("Bookings (amount won) by month", HealthCharts.Monthly(Series(row => (double)row.AmountWon), "amount won", asBars: true, value => HealthFormat.Compact(value, Symbol)), 120),
            new ChartElement("Win rate by month (won / closed)", HealthCharts.Monthly(Series(row => row.WinRate * 100), "win rate, %", asBars: false), 120),
            new ChartElement("Median won sales cycle by month", HealthCharts.Monthly(Series(row => row.MedianCycleDaysWon), "days", asBars: false), 120)));
        composer.Item(new SpacerElement(4));
        ComposeHeatMap(composer);
        composer.PageBreak();
        ComposeVelocity(composer);
    }

    /// <summary>Stage conversion of the user's own steps (Labels.Used) in M against the 6 months before (marts.funnel_windows).</summary>
    private void ComposeFunnel(PdfComposer composer)
    {
        var rows = set.Funnel[Scope].ToDictionary(row => (row.Stage, row.Window));
        var steps = Labels.Used.Select(stage => (
            Step: Labels.Step(stage.Stage),
            Current: rows.GetValueOrDefault((stage.Stage, "latest_month")),
            Baseline: rows.GetValueOrDefault((stage.Stage, "baseline_6_months")))).ToList();
        var title = $"Stage conversion: {HealthFormat.Month(LatestMonth)} against the 6 months before it (advanced / exited)";
        if (steps.Any(step => step.Current?.Exited > 0 || step.Baseline?.Exited > 0))
            composer.Item(new ChartElement(title, HealthCharts.Funnel(steps.Select(step => (step.Step, step.Current?.Conversion, step.Baseline?.Conversion)).ToList(), LatestMonth), 165));
        else
            composer.Item(new TextElement($"{title}: no deal left a stage in these 7 months.", Typography.Body, spaceAfter: 8));
        if (!Labels.UsesOpportunity)
            composer.Item(new TextElement(NoOpportunityNote, Typography.Body, spaceAfter: 8));
    }

    private void ComposeHeatMap(PdfComposer composer)
    {
        var cells = set.WinRates[Scope].ToList();
        string Region(WinRateCell cell) => cell.Region.Length == 0 ? "(none)" : Labels.Of("region", cell.Region);
        string Product(WinRateCell cell) => cell.Product.Length == 0 ? "(none)" : Labels.Of("product", cell.Product);
        var regions = cells.Select(Region).Distinct().Order(StringComparer.Ordinal).ToList();
        var products = cells.Select(Product).Distinct().Order(StringComparer.Ordinal).ToList();
        var byCell = cells.GroupBy(cell => (Region(cell), Product(cell))).ToDictionary(group => group.Key, group => group.First());
        if (regions.Count == 0)
            composer.Item(new TextElement("Win rate by region and product: no deal closed in the 12 complete months.", Typography.Body, spaceAfter: 8));
        else
            composer.Item(new HeatMapElement(
                "Win rate by region and product, 12 complete months (won / closed)",
                regions, products,
                (region, product) => byCell.TryGetValue((region, product), out var cell) && cell.Closed > 0 ? (cell.WinRate, cell.Closed) : (null, 0)));
    }

    private void ComposeVelocity(PdfComposer composer)
    {
        composer.Heading(new TextElement($"Sales velocity by segment ({(team is null ? "all deals" : $"team {team}'s deals")}, currency per day, as of {HealthFormat.Date(set.AsOf)})", Typography.BodyBold), 40);
        if (!Labels.UsesOpportunity)
            composer.Item(new TextElement(NoOpportunityNote, Typography.Small, spaceAfter: 4));
        TableColumn[] columns =
        [
            new("Segment", 2.2f), new("Open opportunities", 1.3f, true), new("Win rate (365 d)", 1.2f, true),
            new("Avg won amount", 1.4f, true), new("Avg won cycle", 1.2f, true), new("Velocity per day", 1.4f, true),
        ];
        composer.Table(columns, set.Velocity[Scope].Where(row => row.Point == "as_of").Select(row => (IReadOnlyList<TableCell>)
        [
            Labels.Segment(row.SegmentType, row.SegmentValue),
            HealthFormat.Count(row.OpenOpportunities),
            HealthFormat.Percent(row.WinRate),
            AmountText(row.AvgWonAmount),
            HealthFormat.Days(row.AvgCycleDays),
            AmountText(row.VelocityPerDay),
        ]));
    }
}
