using Pipeline.Warehouse.Reports.Pdf;

namespace Pipeline.Warehouse.Reports;

/// <summary>Page 1: the month and the quarter with their forecast in one sentence each, the charts and how far to trust the forecast, then the top early warnings; the headline tiles open page 2.</summary>
internal sealed partial class HealthDocument
{
    /// <summary>The scope's current month and current quarter (marts.period_attainment), month first.</summary>
    private List<AttainmentRow> CurrentPeriods => set.Attainment[Scope]
        .Where(row => row.Period == "current")
        .OrderBy(row => row.PeriodType == "month" ? 0 : 1)
        .ToList();

    /// <summary>The scope's forecast of the current month and quarter (marts.forecast_scopes), month first.</summary>
    private List<ForecastRow> Forecasts(string period) => set.Forecasts[Scope]
        .Where(row => row.Period == period)
        .OrderBy(row => row.PeriodType == "month" ? 0 : 1)
        .ToList();

    /// <summary>
    /// Page 1 first: per current period the forecast sentence (ForecastText.Sentence), a line on the
    /// next month and quarter, then the won-so-far charts with the forecast range, then how far to
    /// trust it. A scope the forecast mart has no row for gets the attainment sentence instead.
    /// </summary>
    private void ComposeHeadline(PdfComposer composer)
    {
        var forecasts = Forecasts("current");
        if (forecasts.Count == 0)
        {
            ComposeAttainmentHeadline(composer);
            return;
        }
        foreach (var row in forecasts)
            composer.Item(new TextElement(ForecastText.Sentence(row, Symbol), Typography.BodyBold, spaceAfter: 3));
        if (ForecastText.Next(Forecasts("next"), Symbol) is { Length: > 0 } next)
            composer.Item(new TextElement(next, Typography.Body, spaceAfter: 6));
        if (!Labels.UsesOpportunity)
            composer.Item(new TextElement(NoOpportunityNote, Typography.Small, spaceAfter: 3));
        var charts = forecasts
            .Where(row => row.WonToDate != 0 || row.Quota is not null || row.ForecastTotal is > 0)
            .Select(row => (IElement)new ChartElement(
                HealthFormat.Period(row.PeriodType, row.PeriodStart) + (row.HasForecast ? "" : ": no forecast (too little history)"),
                HealthCharts.Forecast(row, set.CumulativeWon[Scope].Where(day => day.PeriodType == row.PeriodType).OrderBy(day => day.Day).ToList(), set.AsOf, Symbol),
                92))
            .ToArray();
        if (charts.Length > 0)
        {
            composer.Item(new TextElement(
                "Won so far (dark line) against quota (red); from the as-of date (dotted) to the period's end the forecast midpoint (dashed) and its P10–P90 range (band).",
                Typography.Small, spaceAfter: 2));
            composer.Item(new ColumnsElement(14, charts));
        }
        ComposeAccuracy(composer);
    }

    /// <summary>"How far to trust it": the backtest of the company forecast against the two baselines (marts.forecast_accuracy), one table per period type.</summary>
    private void ComposeAccuracy(PdfComposer composer)
    {
        var rows = set.Accuracy;
        composer.Heading(new TextElement("How far to trust it", Typography.Heading, spaceAfter: 3), 70);
        composer.Item(new TextElement(
            ForecastText.Accuracy(rows) + (team is null ? "" : " The backtest measures the company's forecast; a team's is made the same way from fewer deals, so it may miss by more."),
            Typography.Body, spaceAfter: 4));
        var tables = new[] { "month", "quarter" }
            .Select(type => (Type: type, Rows: rows.Where(row => row.PeriodType == type).OrderBy(row => MethodOrder(row.Method)).ToList()))
            .Where(item => item.Rows.Count > 0)
            .Select(item => (IElement)new TableElement(
                [
                    new($"{(item.Type == "month" ? "Month" : "Quarter")} forecasts ({HealthFormat.Count(item.Rows[0].Origins)})", 1.7f),
                    new("Typical error", 1f, true), new("Bias", 1f, true), new("Within 10%", 1f, true), new("In P10–P90", 1f, true),
                ],
                item.Rows.Select(row => (IReadOnlyList<TableCell>)
                [
                    row.Method == "forecast" ? new TableCell(ForecastText.Method(row.Method), Style: Typography.TableHeader) : ForecastText.Method(row.Method),
                    HealthFormat.Percent(row.Wape),
                    ForecastText.Bias(row.Bias),
                    HealthFormat.Percent(row.Within10Pct),
                    row.Method == "forecast" ? HealthFormat.Percent(row.IntervalCoverage) : "",
                ]).ToList()))
            .ToArray();
        if (tables.Length > 0)
            composer.Item(new ColumnsElement(14, tables));
        if (ForecastText.KnownThen(set.Quality.BacktestOriginsBeforeFirstSnapshot, set.Quality.FirstSnapshotDate) is { Length: > 0 } knownThen)
            composer.Item(new TextElement(knownThen, Typography.Small, spaceAfter: 2));
        composer.Item(new SpacerElement(4));
    }

    private static int MethodOrder(string method) => method switch { "forecast" => 0, "weighted_pipeline" => 1, "run_rate" => 2, _ => 3 };

    /// <summary>The attainment sentences and bar chart of a scope without a forecast row (marts.period_attainment).</summary>
    private void ComposeAttainmentHeadline(PdfComposer composer)
    {
        var periods = CurrentPeriods;
        foreach (var period in periods)
            composer.Item(new TextElement(Headline(period), Typography.BodyBold, spaceAfter: 3));
        if (!Labels.UsesOpportunity)
            composer.Item(new TextElement(NoOpportunityNote, Typography.Small, spaceAfter: 3));
        // Nothing won, nothing open in the periods and no quota: an empty chart would only draw its axes.
        if (periods.Any(period => period.WonToDate != 0 || period.OpenInPeriod != 0 || period.Quota is not null))
            composer.Item(new ChartElement(
                "Won to date (dark) and open deals expected to close in the period (light) against quota (red mark); overdue deals not counted",
                HealthCharts.Attainment(periods, Symbol), 80));
    }

    /// <summary>
    /// "November 2026: $5.7M won of $6.2M quota (92%); $1.1M open and expected to close in the
    /// period (8 deals), 2.2x the $0.5M still to win; $0.4M overdue (12 deals), not counted."
    /// </summary>
    internal string Headline(AttainmentRow period)
    {
        var name = HealthFormat.Period(period.PeriodType, period.PeriodStart);
        var won = $"{Compact(period.WonToDate)} won ({HealthFormat.Deals(period.WonDeals)})";
        var open = $"{Compact(period.OpenInPeriod)} open and expected to close in the period ({HealthFormat.Deals(period.OpenInPeriodDeals)})";
        string status;
        if (period.Quota is null || period.Attainment is null)
            status = period.OpenInPeriodDeals == 0
                ? $"{won}, no quota for the period; no open deal is expected to close in it"
                : $"{won}, no quota for the period; {open}";
        else if (period.Coverage is null)
            status = period.OpenInPeriodDeals == 0
                ? $"{won} of {Compact(period.Quota)} quota ({HealthFormat.Percent(period.Attainment)}): quota met; no open deal is expected to close in the period"
                : $"{won} of {Compact(period.Quota)} quota ({HealthFormat.Percent(period.Attainment)}): quota met; {open}";
        else
            status = period.OpenInPeriodDeals == 0
                ? $"{won} of {Compact(period.Quota)} quota ({HealthFormat.Percent(period.Attainment)}); no open deal is expected to close in the period, {Compact(period.Gap)} still to win"
                : $"{won} of {Compact(period.Quota)} quota ({HealthFormat.Percent(period.Attainment)}); {open}, {HealthFormat.Multiple(period.Coverage)} the {Compact(period.Gap)} still to win";
        var overdue = period.OverdueDeals == 0
            ? "nothing overdue"
            : $"{Compact(period.OverdueOpen)} overdue ({HealthFormat.Deals(period.OverdueDeals)}), not counted";
        return $"{name}: {status}; {overdue}.";
    }

    private static string OpenOpportunities(long count) => count == 1 ? "1 open opportunity" : $"{HealthFormat.Count(count)} open opportunities";

    private const string NoOpportunityNote =
        "No open stage of this pipeline is at opportunity or later, so open in period, coverage and sales velocity count nothing for it, and new pipeline counts only won deals (a win counts as reaching every stage).";

    private void ComposeTopWarnings(PdfComposer composer)
    {
        var warnings = Warnings;
        composer.Heading(new TextElement(team is null ? "Early warnings" : $"Early warnings of team {team}", Typography.Heading, spaceAfter: 4), 40);
        composer.Item(new TextElement(
            $"Segments {(team is null ? "of all deals" : $"of team {team}'s deals")} whose {HealthFormat.Month(LatestMonth)} fell significantly below the 6 months before it (worst first).",
            Typography.Small, spaceAfter: 6));
        if (warnings.Count == 0)
        {
            composer.Item(new TextElement(team is null ? WarningText.NoWarnings + "." : $"{WarningText.NoWarnings} in team {team}'s deals.", Typography.BodyBold));
            return;
        }
        foreach (var warning in warnings.Take(TopWarnings))
        {
            var severity = warning.Severity == "critical" ? Typography.BodyBold.WithColor(Typography.Worse) : Typography.BodyBold.WithColor(new SkiaSharp.SKColor(0xB2, 0x6A, 0x00));
            composer.Item(new BulletElement(warning.Severity, severity, WarningText.Sentence(warning, Labels), Typography.Body));
        }
        if (warnings.Count > TopWarnings)
            composer.Item(new TextElement($"{warnings.Count - TopWarnings} more in the early-warning table.", Typography.Small));
    }

    /// <summary>The headline tiles: the latest complete month (marts.scope_monthly, velocity_by_scope at its end) with the month before beside it.</summary>
    private void ComposeTiles(PdfComposer composer)
    {
        composer.Item(new SpacerElement(6));
        composer.Heading(new TextElement($"{HealthFormat.Month(LatestMonth)} against {HealthFormat.Month(PriorMonth)}", Typography.Heading, spaceAfter: 4), 70);
        var months = set.Months[Scope].ToDictionary(row => row.Month);
        var current = months.GetValueOrDefault(LatestMonth);
        var prior = months.GetValueOrDefault(PriorMonth);
        var velocity = set.Velocity[Scope].Where(row => row.SegmentType == "all").ToDictionary(row => row.Point);
        var currentVelocity = velocity.GetValueOrDefault("latest_month_end");
        var priorVelocity = velocity.GetValueOrDefault("prior_month_end");
        var before = HealthFormat.Month(PriorMonth);
        composer.Item(new KpiTilesElement(
        [
            new("Bookings (amount won)", AmountText(current?.AmountWon),
                $"{HealthFormat.Deals(current?.Won ?? 0)}; {before}: {AmountText(prior?.AmountWon)}", null),
            new("Win rate", HealthFormat.Percent(current?.WinRate),
                $"{HealthFormat.Count(current?.Won ?? 0)} of {HealthFormat.Count(current?.Closed ?? 0)} closed; {before}: {HealthFormat.Percent(prior?.WinRate)}", null),
            new("Velocity (per day)", AmountText(currentVelocity?.VelocityPerDay),
                $"{OpenOpportunities(currentVelocity?.OpenOpportunities ?? 0)}; {before}: {AmountText(priorVelocity?.VelocityPerDay)}", null),
            new("New pipeline", AmountText(current?.NewPipelineAmount),
                $"{HealthFormat.Deals(current?.NewPipelineDeals ?? 0)}; {before}: {AmountText(prior?.NewPipelineAmount)}", null),
            new("Open pipeline", AmountText(current?.OpenAmountAtCut),
                $"{HealthFormat.Deals(current?.OpenDealsAtCut ?? 0)}; {before}: {AmountText(prior?.OpenAmountAtCut)}", null),
            new("Median won cycle", HealthFormat.Days(current?.MedianCycleDaysWon),
                $"{before}: {HealthFormat.Days(prior?.MedianCycleDaysWon)}", null),
        ], perRow: 6));
    }
}
